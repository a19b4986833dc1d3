package jsonx

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Match compares want, an expectation that is a value's JSON in part, with the JSON of got, and
// returns every difference, each with its path under name: an object names only the fields it checks;
// a list is checked whole, in any order, each item matching its expectation; instants compare as
// instants and numbers as numbers; a string under one of the keys contains matches when got's
// contains it; an expected null, "", 0 or false also matches a field got leaves out.
func Match(name string, want json.RawMessage, got any, contains ...string) []string {
	w, err := Parse(want)
	if err != nil {
		return []string{name + ": " + err.Error()}
	}
	b, err := json.Marshal(got)
	if err != nil {
		return []string{name + ": " + err.Error()}
	}
	g, _ := Parse(b)
	return matcher(contains).match(name, "", w, g)
}

type matcher []string // the keys whose strings match by containment

func (m matcher) match(path, key string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		var diffs []string
		for _, k := range sortedKeys(w) {
			diffs = append(diffs, m.match(path+"."+k, k, w[k], field(g, k))...)
		}
		return diffs
	case []any:
		g, _ := got.([]any)
		return m.list(path, w, g)
	}
	if m.equal(key, want, got) {
		return nil
	}
	return []string{fmt.Sprintf("%s: forventede %s, fik %s", path, text(want), text(got))}
}

// list checks that got holds one item per expectation, in any order, and nothing else.
func (m matcher) list(path string, want, got []any) []string {
	used := make([]bool, len(got))
	var diffs []string
	for i, w := range want {
		found := false
		for j, g := range got {
			if !used[j] && len(m.match("", "", w, g)) == 0 {
				used[j], found = true, true
				break
			}
		}
		if !found {
			diffs = append(diffs, fmt.Sprintf("%s[%d]: forventet, men ikke fundet: %s", path, i, text(w)))
		}
	}
	for j, g := range got {
		if !used[j] {
			diffs = append(diffs, fmt.Sprintf("%s: uventet %s", path, text(g)))
		}
	}
	return diffs
}

func (m matcher) equal(key string, want, got any) bool {
	if got == nil {
		return isZero(want)
	}
	switch w := want.(type) {
	case nil:
		return isZero(got)
	case string:
		g, ok := got.(string)
		if !ok {
			return false
		}
		if w == g || slices.Contains(m, key) && strings.Contains(g, w) {
			return true
		}
		tw, err1 := time.Parse(time.RFC3339Nano, w)
		tg, err2 := time.Parse(time.RFC3339Nano, g)
		return err1 == nil && err2 == nil && tw.Equal(tg)
	case json.Number:
		return sameNumber(w.String(), got)
	case bool:
		return got == w
	}
	return false
}

func sameNumber(w string, got any) bool {
	var g string
	switch v := got.(type) {
	case json.Number:
		g = v.String()
	case string:
		g = v
	default:
		return false
	}
	a, err1 := strconv.ParseFloat(w, 64)
	b, err2 := strconv.ParseFloat(g, 64)
	return err1 == nil && err2 == nil && a == b
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case json.Number:
		return sameNumber("0", x)
	case bool:
		return !x
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// field returns m's value for key, or for a key that differs from it only in case.
func field(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func text(v any) string {
	if v == nil {
		return "intet"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

package scenario

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/jsonstrict"
	"github.com/regelkit/dfdg/plan"
)

// compare returns every difference between what the command gave and what the case expects; rules are
// the rules that acted.
func compare(t *Then, o outcome, rules dfdg.RuleSet) []string {
	var diffs []string
	add := func(format string, a ...any) { diffs = append(diffs, fmt.Sprintf(format, a...)) }
	if t.Fejl != nil {
		if o.err == nil {
			add("fejl: forventede en afvisning, men kommandoen blev godkendt")
		} else if e, ok := dfdgerrors.As(o.err); !ok {
			add("fejl: ikke en fejl fra biblioteket: %v", o.err)
		} else {
			diffs = append(diffs, matchJSON("fejl", t.Fejl, e)...)
		}
		return diffs
	}
	if o.err != nil {
		add("fejl: uventet afvisning: %v", o.err)
		return diffs
	}
	for _, x := range expectations[1:] {
		raw := x.raw(t)
		if raw == nil {
			continue
		}
		if o.result == nil || !reflect.TypeOf(o.result).ConvertibleTo(x.typ) {
			add("%s: kommandoen giver ikke et sådant resultat", x.name)
			continue
		}
		diffs = append(diffs, matchJSON(x.name, raw, o.result)...)
	}
	for _, r := range t.Regler {
		if !rules.Has(r) {
			add("regler: forventede %s blandt reglerne, fik [%v]", r, rules)
		}
	}
	if t.IngenAendringer != nil {
		d, _ := o.result.(dfdg.Decision)
		switch changes := d.Changes(); {
		case *t.IngenAendringer && changes:
			add("ingenAendringer: beslutningen ændrer eller sender noget")
		case !*t.IngenAendringer && !changes:
			add("ingenAendringer: beslutningen ændrer intet")
		}
	}
	if t.MinPlan != nil {
		doc, ok := o.result.(plan.Document)
		if !ok {
			add("minPlan: kommandoen giver ikke Min plan")
			return diffs
		}
		text := doc.Text()
		for _, line := range t.MinPlan.Indeholder {
			if !strings.Contains(text, line) {
				add("minPlan: mangler %q", line)
			}
		}
		for _, line := range t.MinPlan.Mangler {
			if strings.Contains(text, line) {
				add("minPlan: indeholder %q, som ikke skulle være der", line)
			}
		}
	}
	return diffs
}

// matchJSON compares the expectation raw, a result's JSON in part, with the result itself.
func matchJSON(name string, raw json.RawMessage, result any) []string {
	want, err := jsonstrict.Parse(raw)
	if err != nil {
		return []string{name + ": " + err.Error()}
	}
	b, err := json.Marshal(result)
	if err != nil {
		return []string{name + ": resultatet kan ikke skrives som JSON: " + err.Error()}
	}
	got, _ := jsonstrict.Parse(b)
	return match(name, "", want, got)
}

// match compares want, a generic JSON value from an expectation, with got, the result's: an object
// names only the fields it checks; a list is checked whole, in any order; instants compare as instants;
// a string under the key "detalje" or "detaljeEn" matches when got contains it; an expected null, "",
// 0 or false also matches a field the result leaves out.
func match(path, key string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		var diffs []string
		for _, k := range sortedKeys(w) {
			diffs = append(diffs, match(path+"."+k, k, w[k], field(g, k))...)
		}
		return diffs
	case []any:
		g, _ := got.([]any)
		return matchList(path, w, g)
	}
	if equal(key, want, got) {
		return nil
	}
	return []string{fmt.Sprintf("%s: forventede %s, fik %s", path, text(want), text(got))}
}

// matchList checks that got holds one item per expectation, in any order, and nothing else.
func matchList(path string, want, got []any) []string {
	used := make([]bool, len(got))
	var diffs []string
	for i, w := range want {
		found := false
		for j, g := range got {
			if !used[j] && len(match("", "", w, g)) == 0 {
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

// equal compares two scalars of JSON (or an expected scalar with a missing value).
func equal(key string, want, got any) bool {
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
		if w == g || (key == "detalje" || key == "detaljeEn") && strings.Contains(g, w) {
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

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

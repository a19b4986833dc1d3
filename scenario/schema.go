package scenario

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/jsonstrict"
	"github.com/shopspring/decimal"
)

// Schema returns the JSON Schema (draft 2020-12) of a scenario file, generated from the Go types the
// runner decodes: the library's own, so that neither can drift from the other.
// testdata/scenarios/schema/scenario.schema.json is a copy, which a test keeps equal to it; point a
// file's "$schema" at it and an editor checks the file as it is written.
func Schema() []byte {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[File]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/regelkit/dfdg/testdata/scenarios/schema/scenario.schema.json"
	root["title"] = "regelkit/dfdg scenario file"
	root["description"] = "Given/when/then cases for DFDG's rules; see testdata/scenarios/README.md."
	root["$defs"] = g.defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(root) // maps of strings, slices and bools: it cannot fail
	return b.Bytes()
}

type schemaGen struct{ defs map[string]any }

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
)

// special gives the schema of the types that write themselves as JSON.
func (g *schemaGen) special(t reflect.Type) (map[string]any, bool) {
	switch t {
	case reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time", "description": "RFC 3339: 2025-09-15T11:00:00+02:00"}, true
	case reflect.TypeFor[dfdg.Date]():
		return map[string]any{"type": []string{"string", "null"}, "pattern": `^(\d{4}-\d{2}-\d{2})?$`, "description": "YYYY-MM-DD"}, true
	case reflect.TypeFor[dfdg.Municipality]():
		return map[string]any{"type": []string{"integer", "string", "null"}, "description": "kommunenummer: 101 or \"0101\""}, true
	case reflect.TypeFor[decimal.Decimal]():
		return map[string]any{"type": []string{"number", "string"}, "description": "hours per week, at most two decimals"}, true
	case reflect.TypeFor[dfdg.Actor]():
		return map[string]any{"type": "string", "pattern": `^(|kommune \d{1,4}|a-kasse .+|KY|KSD|STAR|Jobnet)$`}, true
	case reflect.TypeFor[dfdg.RuleID]():
		return map[string]any{"type": "string", "pattern": `^[1-4]\.[1-7]$`}, true
	case reflect.TypeFor[dfdg.RuleSet]():
		return map[string]any{"type": []string{"array", "null"}, "items": map[string]any{"$ref": g.ref(reflect.TypeFor[dfdg.RuleID]())}}, true
	case reflect.TypeFor[dfdgerrors.Error](), reflect.TypeFor[*dfdgerrors.Error]():
		// The fields an Error writes, read off a full one.
		b, _ := json.Marshal(dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule("2.3").WithField("x", "y").WithDetail("a", "b"))
		var fields map[string]any
		_ = json.Unmarshal(b, &fields)
		props := map[string]any{}
		for k := range fields {
			props[k] = map[string]any{}
		}
		return map[string]any{"type": "object", "additionalProperties": false, "properties": props,
			"description": "an error as the library writes it (errors.Error)"}, true
	}
	if t.Implements(textMarshaler) && !t.Implements(jsonMarshaler) {
		return map[string]any{"type": "string", "enum": enumOf(t)}, true
	}
	return nil, false
}

// enumOf lists the texts a small enumerated type writes, each one it also reads back.
func enumOf(t reflect.Type) []string {
	var out []string
	switch t.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Int:
	default:
		return nil
	}
	for n := range 1024 {
		v := reflect.New(t).Elem()
		if t.Kind() == reflect.Int {
			v.SetInt(int64(n))
		} else {
			v.SetUint(uint64(n))
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || slices.Contains(out, string(b)) {
			continue
		}
		back := reflect.New(t)
		if back.Interface().(encoding.TextUnmarshaler).UnmarshalText(b) == nil && back.Elem().Equal(v) {
			out = append(out, string(b))
		}
	}
	return out
}

var genericArgs = regexp.MustCompile(`[\w./-]+\.`)

// ref puts t's schema among the definitions and returns a reference to it.
func (g *schemaGen) ref(t reflect.Type) string {
	name := genericArgs.ReplaceAllString(t.Name(), "")
	name = regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(name, "_")
	if _, done := g.defs[name]; !done {
		g.defs[name] = true // a placeholder, for recursive types
		if s, ok := g.special(t); ok {
			g.defs[name] = s
		} else {
			g.defs[name] = g.object(t)
		}
	}
	return "#/$defs/" + name
}

func (g *schemaGen) of(t reflect.Type) map[string]any {
	if s, ok := g.special(t); ok && t.Kind() != reflect.Struct {
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.of(t.Elem())
	case reflect.Struct:
		if t.NumField() == 0 {
			return map[string]any{"type": "object", "additionalProperties": false}
		}
		return map[string]any{"$ref": g.ref(t)}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Interface:
		return map[string]any{}
	}
	return map[string]any{"type": "integer"}
}

// object is the schema of a struct: its JSON fields and no others. Then's expectations get the schema
// of the result they expect.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	for _, f := range jsonstrict.Fields(t) {
		props[f.Name] = g.of(f.Type)
		if t == reflect.TypeFor[Then]() {
			for _, x := range expectations {
				if x.name == f.Name {
					props[f.Name] = g.of(x.typ)
				}
			}
		}
	}
	s := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if t == reflect.TypeFor[When]() {
		s["minProperties"], s["maxProperties"] = 1, 1
	}
	return s
}

package scenario

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// Schema returns the JSON Schema (draft 2020-12) of a scenario file, built from the Go types the
// runner decodes, so that the two cannot drift apart. testdata/scenarios/schema/scenario.schema.json is a
// copy, which a test keeps equal to it; point a file's "$schema" at it and an editor checks the file
// as it is written.
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

func enum(values ...string) map[string]any { return map[string]any{"type": "string", "enum": values} }

func names[T interface{ String() string }](from, to T, next func(T) T) []string {
	var out []string
	for v := from; ; v = next(v) {
		out = append(out, v.String())
		if v.String() == to.String() {
			return out
		}
	}
}

// special gives the schema of the types that read themselves from JSON.
func (g *schemaGen) special(t reflect.Type) (map[string]any, bool) {
	switch t {
	case reflect.TypeFor[Instant]():
		return map[string]any{"type": []string{"string", "null"}, "pattern": `^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?.*)?$`,
			"description": "2025-09-15T11:00:00+02:00, or Danish time: 2025-09-15 11:00 or 2025-09-15"}, true
	case reflect.TypeFor[dfdg.Date]():
		return map[string]any{"type": []string{"string", "null"}, "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "YYYY-MM-DD"}, true
	case reflect.TypeFor[dfdg.Municipality]():
		return map[string]any{"type": []string{"integer", "string"}, "description": "kommunenummer: 101 or \"0101\""}, true
	case reflect.TypeFor[decimal.Decimal]():
		return map[string]any{"type": []string{"number", "string"}, "description": "hours per week, at most two decimals"}, true
	case reflect.TypeFor[dfdg.Actor]():
		return map[string]any{"type": "string", "pattern": `^(kommune \d{1,4}|a-kasse .+|KY|KSD|STAR|Jobnet)$`}, true
	case reflect.TypeFor[dfdg.RuleID]():
		return map[string]any{"type": "string", "pattern": `^[1-4]\.[1-7]$`}, true
	case reflect.TypeFor[dfdg.ChangeType]():
		return enum("Oprettelse", "Opdatering", "Sletning", "Create", "Update", "Delete", "1", "2", "3"), true
	case reflect.TypeFor[contactgroup.DeadlineStatus]():
		return enum(names(contactgroup.DeadlineOpen, contactgroup.DeadlineClosed, func(s contactgroup.DeadlineStatus) contactgroup.DeadlineStatus { return s + 1 })...), true
	case reflect.TypeFor[activity.Status]():
		return enum(names(activity.Active, activity.Interrupted, func(s activity.Status) activity.Status { return s + 1 })...), true
	case reflect.TypeFor[contactgroup.BenefitOutcome]():
		return enum(contactgroup.BenefitRejected.String(), contactgroup.BenefitGranted.String()), true
	case reflect.TypeFor[gdpr.Kind]():
		return enum(names(gdpr.Registration, gdpr.JobLogDocument, func(k gdpr.Kind) gdpr.Kind { return k + 1 })...), true
	case reflect.TypeFor[plan.Type]():
		return enum("ukendt", "Jobplan", "Kombiplan", "Uddannelsesplan", "anden"), true
	case reflect.TypeFor[plan.Act]():
		return enum("integrationsloven", "anden", ""), true
	}
	return nil, false
}

func (g *schemaGen) of(t reflect.Type) map[string]any {
	if s, ok := g.special(t); ok {
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := g.of(t.Elem())
		return map[string]any{"anyOf": []any{inner, map[string]any{"type": "null"}}}
	case reflect.Slice:
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Struct:
		if t.NumField() == 0 {
			return map[string]any{"type": "object", "additionalProperties": false}
		}
		name := t.Name()
		if _, done := g.defs[name]; !done {
			g.defs[name] = nil // mark, for recursive types
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	return map[string]any{}
}

var required = map[string][]string{
	"File": {"tema", "scenarier"},
	"Case": {"navn", "given", "when", "then"},
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			props[name] = g.of(t.Field(i).Type)
		}
	}
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if r, ok := required[t.Name()]; ok {
		obj["required"] = r
	}
	if t == reflect.TypeFor[When]() {
		obj["minProperties"], obj["maxProperties"] = 1, 1
		obj["description"] = "exactly one command"
	}
	if t == reflect.TypeFor[Then]() {
		obj["description"] = "every field optional; lists of changes and messages are checked whole"
	}
	return obj
}

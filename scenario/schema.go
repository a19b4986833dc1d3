package scenario

import (
	"encoding/json"
	"reflect"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Schema returns the JSON Schema (draft 2020-12) of a scenario file, generated from the Go types the
// runner decodes: the library's own, so that neither can drift from the other.
// testdata/scenarios/schema/scenario.schema.json is a copy, which a test keeps equal to it; point a
// file's "$schema" at it and an editor checks the file as it is written.
func Schema() []byte {
	return jsonx.Schema(reflect.TypeFor[File](), jsonx.SchemaOptions{
		Head: map[string]any{
			"$schema":     "https://json-schema.org/draft/2020-12/schema",
			"$id":         "https://github.com/regelkit/dfdg/testdata/scenarios/schema/scenario.schema.json",
			"title":       "regelkit/dfdg scenario file",
			"description": "Given/when/then cases for DFDG's rules; see testdata/scenarios/README.md.",
		},
		Special: special,
		Field:   expectedType,
		Object: func(t reflect.Type, s map[string]any) {
			if t == reflect.TypeFor[When]() {
				s["minProperties"], s["maxProperties"] = 1, 1 // exactly one command
			}
		},
	})
}

// expectedType puts the type a Then field expects, in part, in its place.
func expectedType(parent reflect.Type, f jsonx.Field) reflect.Type {
	if parent != reflect.TypeFor[Then]() {
		return nil
	}
	for _, x := range expectations {
		if x.name == f.Name {
			return x.typ
		}
	}
	return nil
}

// special gives the schema of the types that write themselves as JSON other than as a text enum.
func special(t reflect.Type) (map[string]any, bool) {
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
		return map[string]any{"type": []string{"array", "null"}, "items": map[string]any{"type": "string", "pattern": `^[1-4]\.[1-7]$`}}, true
	case reflect.TypeFor[dfdgerrors.Error]():
		// The fields an Error writes, read off a full one.
		b, _ := json.Marshal(dfdgerrors.New(dfdgerrors.ErrNegativeDuration, "2.3", "x", "y").WithDetail("a", "b"))
		var fields map[string]any
		_ = json.Unmarshal(b, &fields)
		props := map[string]any{}
		for k := range fields {
			props[k] = map[string]any{}
		}
		return map[string]any{"type": "object", "additionalProperties": false, "properties": props,
			"description": "an error as the library writes it (errors.Error)"}, true
	}
	return nil, false
}

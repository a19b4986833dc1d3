package scenario_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/regelkit/dfdg/scenario"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validate checks v against the subset of JSON Schema that Schema uses, and returns the first
// violation with its path. It exists so that the tests can prove the schema accepts what the runner
// accepts.
func validate(schema, root map[string]any, v any, path string) error {
	if ref, ok := schema["$ref"].(string); ok {
		def := root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")]
		return validate(def.(map[string]any), root, v, path)
	}
	if alts, ok := schema["anyOf"].([]any); ok {
		var errs []string
		for _, a := range alts {
			err := validate(a.(map[string]any), root, v, path)
			if err == nil {
				return nil
			}
			errs = append(errs, err.Error())
		}
		return fmt.Errorf("%s: no alternative fits: %s", path, strings.Join(errs, " | "))
	}
	if t, ok := schema["type"]; ok && !typeFits(t, v) {
		return fmt.Errorf("%s: %T does not fit type %v", path, v, t)
	}
	if e, ok := schema["enum"].([]any); ok && !slices.Contains(e, v) {
		return fmt.Errorf("%s: %v is not one of %v", path, v, e)
	}
	if p, ok := schema["pattern"].(string); ok {
		if s, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(s) {
			return fmt.Errorf("%s: %q does not match %s", path, s, p)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asStrings(schema["required"]) {
			if _, ok := x[r]; !ok {
				return fmt.Errorf("%s: %s is required", path, r)
			}
		}
		if n, ok := schema["maxProperties"].(float64); ok && float64(len(x)) > n {
			return fmt.Errorf("%s: more than %v properties", path, n)
		}
		if n, ok := schema["minProperties"].(float64); ok && float64(len(x)) < n {
			return fmt.Errorf("%s: fewer than %v properties", path, n)
		}
		for k, val := range x {
			p, ok := props[k]
			if !ok {
				if schema["additionalProperties"] == false {
					return fmt.Errorf("%s.%s: not allowed", path, k)
				}
				continue
			}
			if err := validate(p.(map[string]any), root, val, path+"."+k); err != nil {
				return err
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, el := range x {
				if err := validate(items, root, el, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asStrings(v any) []string {
	var out []string
	for _, x := range asSlice(v) {
		out = append(out, x.(string))
	}
	return out
}

func asSlice(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

func typeFits(t any, v any) bool {
	for _, name := range asStrings(t) {
		switch x := v.(type) {
		case nil:
			if name == "null" {
				return true
			}
		case string:
			if name == "string" {
				return true
			}
		case bool:
			if name == "boolean" {
				return true
			}
		case json.Number:
			if name == "number" || name == "integer" && !strings.ContainsAny(string(x), ".eE") {
				return true
			}
		case []any:
			if name == "array" {
				return true
			}
		case map[string]any:
			if name == "object" {
				return true
			}
		}
	}
	return false
}

func decode(t *testing.T, data []byte) any {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

// The schema accepts every shipped file, and rejects what the runner rejects for its form.
func TestSchemaAcceptsShippedFiles(t *testing.T) {
	var schema map[string]any
	require.NoError(t, json.Unmarshal(scenario.Schema(), &schema))
	files, _ := filepath.Glob("../testdata/scenarios/*.json")
	require.NotEmpty(t, files)
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NoError(t, validate(schema, schema, decode(t, data), "$"), path)
	}
	for _, bad := range []string{
		`{"tema": "x", "scenarier": [{"navn": "n", "given": {"farve": 1}, "when": {"minPlan": {}}, "then": {}}]}`,
		`{"tema": "x", "scenarier": [{"navn": "n", "given": {}, "when": {"minPlan": {}, "slettekoersel": {}}, "then": {}}]}`,
		`{"tema": "x", "scenarier": [{"navn": "n", "given": {"nu": "i går"}, "when": {"minPlan": {}}, "then": {}}]}`,
		`{"tema": "x", "scenarier": [{"navn": "n", "given": {}, "when": {"minPlan": {}}, "then": {"beskeder": [{"aendring": "Ny"}]}}]}`,
		`{"tema": "x", "scenarier": [{"given": {}, "when": {"minPlan": {}}, "then": {}}]}`,
	} {
		assert.Error(t, validate(schema, schema, decode(t, []byte(bad)), "$"), bad)
		_, err := scenario.Parse("bad.json", []byte(bad))
		assert.Error(t, err, "the runner rejects it too: %s", bad)
	}
}

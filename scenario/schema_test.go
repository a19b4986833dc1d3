package scenario_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/regelkit/dfdg/scenario"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite testdata/scenarios/schema/scenario.schema.json")

const schemaFile = "../testdata/scenarios/schema/scenario.schema.json"

// The shipped schema is the one the Go types give. After changing the format:
// go test ./scenario -update-schema
func TestSchemaIsCurrent(t *testing.T) {
	s := scenario.Schema()
	var v map[string]any
	require.NoError(t, json.Unmarshal(s, &v), "valid JSON")
	if *updateSchema {
		require.NoError(t, os.WriteFile(schemaFile, s, 0o644))
	}
	shipped, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	assert.Equal(t, string(s), string(shipped), "run: go test ./scenario -update-schema")
	defs := v["$defs"].(map[string]any)
	for _, name := range []string{"Case", "Given", "When", "Then", "Citizen", "Membership", "Activity", "Record", "Decision", "Message", "Error"} {
		assert.Contains(t, defs, name)
	}
	when := defs["When"].(map[string]any)
	assert.EqualValues(t, 1, when["maxProperties"])
}

// Every shipped scenario file points at the schema.
func TestShippedFilesNameTheSchema(t *testing.T) {
	files, err := filepath.Glob("../testdata/scenarios/*.json")
	require.NoError(t, err)
	n := 0
	for _, path := range files {
		f, err := scenario.Load(path)
		require.NoError(t, err)
		assert.Equal(t, "./schema/scenario.schema.json", f.Schema, path)
		n += len(f.Cases)
	}
	assert.GreaterOrEqual(t, n, 22, "at least one case per item of the note")
}

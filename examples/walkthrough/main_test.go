package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/walkthrough.golden")

// The walkthrough's output is deterministic and checked line by line against the golden file.
// After a deliberate change: go test ./examples/walkthrough -update
func TestWalkthroughGolden(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	const golden = "testdata/walkthrough.golden"
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	assert.NotContains(t, out.String(), "4286", "the CPR number's serial never appears")
}

func TestWalkthroughIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, run(&a))
	require.NoError(t, run(&b))
	assert.Equal(t, a.String(), b.String())
}

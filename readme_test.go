package dfdg_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// perfBlock returns what stands between <!-- perf:name --> and <!-- /perf:name --> in the file.
func perfBlock(t *testing.T, file, name string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	s := string(data)
	open, close := "<!-- perf:"+name+" -->", "<!-- /perf:"+name+" -->"
	i, j := strings.Index(s, open), strings.Index(s, close)
	require.True(t, i >= 0 && j > i, "%s has %s … %s", file, open, close)
	return strings.TrimSpace(s[i+len(open) : j])
}

// Issue 22: the performance figures of the README and of bench/README.md come from one run, written
// by .ci/perf: the two carry the same summary, which names the commit and the machine, and each has
// its table.
func TestPerformanceSummariesAgree(t *testing.T) {
	summary := perfBlock(t, "README.md", "summary")
	assert.Equal(t, summary, perfBlock(t, "bench/README.md", "summary"), "run .ci/perf and commit both READMEs")
	assert.Contains(t, summary, "at commit ")
	assert.Contains(t, summary, "cores")
	assert.Contains(t, perfBlock(t, "README.md", "rules"), "| 2.1 overlap vs 20, reject |")
	assert.Contains(t, perfBlock(t, "bench/README.md", "engines"), "| opa |")
}

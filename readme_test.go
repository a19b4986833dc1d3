package dfdg_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/regelkit/dfdg/codelist"
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

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's operations table from codelist's")

// Issue 23: the README's table of DFDG's operations is generated from codelist's operations table;
// go test . -update-readme rewrites it.
func TestReadmeOperationsTable(t *testing.T) {
	data, err := os.ReadFile("README.md")
	require.NoError(t, err)
	s := string(data)
	open, close := "<!-- operations -->", "<!-- /operations -->"
	i, j := strings.Index(s, open), strings.Index(s, close)
	require.True(t, i >= 0 && j > i, "README.md has %s … %s", open, close)
	want := "\n" + operationsMarkdown() + "\n"
	if *updateReadme {
		require.NoError(t, os.WriteFile("README.md", []byte(s[:i+len(open)]+want+s[j:]), 0o644))
		return
	}
	assert.Equal(t, want, s[i+len(open):j], "the README's operations table is stale: go test . -update-readme")
}

// operationsMarkdown writes codelist's operations table as the README shows it.
func operationsMarkdown() string {
	var b strings.Builder
	b.WriteString("| operation | call | entry point | who may call | table | codes the library returns | sources |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, op := range codelist.Operations() {
		var grants, codes, sources []string
		for _, g := range op.Access {
			grants = append(grants, g.Organisation+": "+strings.Join(g.Scopes, ", "))
		}
		for _, c := range op.Decided {
			codes = append(codes, c.Error())
		}
		for _, s := range op.Sources {
			sources = append(sources, "["+s.Key+"]("+s.Address+")")
		}
		call := "`" + op.Call + "`"
		if op.Call == "" {
			call = "not documented"
		}
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s | %s | %s |\n", op.Name, call, op.Entry,
			strings.Join(grants, "; "), op.Matrix, strings.Join(codes, ", "), strings.Join(sources, ", "))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

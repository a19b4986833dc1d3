package dfdg_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sourceFiles parses the non-test Go files of the directory dir.
func sourceFiles(t *testing.T, dir string) []*ast.File {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var out []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		out = append(out, f)
	}
	return out
}

// libraryPackages are the directories of the library's packages, and the name each is known by here.
var libraryPackages = map[string]string{
	".": "dfdg", "errors": "errors", "codelist": "codelist", "contactgroup": "contactgroup", "absence": "absence",
	"plan": "plan", "activity": "activity", "gdpr": "gdpr", "scenario": "scenario",
}

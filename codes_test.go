package dfdg_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 23: every DFDG code the library returns has a test named for it (TestCode4685_…,
// TestCode4367_And4322_… for two, or TestRule4_1_Code4589_… where a rule of the note gives the
// code), which shows the code returned through the public API.
func TestEveryReturnedCodeHasATest(t *testing.T) {
	named := regexp.MustCompile(`func (Test\w*?Code\d+\w*)`)
	codes := regexp.MustCompile(`(?:Code|_And)(\d+)`)
	tested := map[dfdgerrors.Code]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range named.FindAllStringSubmatch(string(src), -1) {
			for _, n := range codes.FindAllStringSubmatch(m[1], -1) {
				if c, err := strconv.Atoi(n[1]); err == nil {
					tested[dfdgerrors.Code(c)] = true
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	// Every Kind's code is documented but the note's 110016 (errors' TestDocumentedCodes).
	for _, c := range append(codelist.DocumentedCodes(), 110016) {
		if k := dfdgerrors.FromDFDG(c, "").Kind(); k.Code() == c {
			assert.True(t, tested[c], "%s returns %d, and no TestCode%d… shows it", k.Reason(), c, c)
		}
	}
}

// Issue 23: every entry point in codelist's operations table exists, and its doc comment names the
// operation, as "codelist operation" or the operation's own name does.
func TestEveryOperationIsNamedByItsEntryPoint(t *testing.T) {
	docs := map[string]string{} // "absence.Rules.Create" → doc comment
	for _, dir := range []string{"absence", "contactgroup", "activity", "plan"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments)
			require.NoError(t, err)
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Recv == nil || fd.Doc == nil {
					continue
				}
				docs[dir+".Rules."+fd.Name.Name] = fd.Doc.Text()
			}
		}
	}
	for _, op := range codelist.Operations() {
		doc, ok := docs[op.Entry]
		if assert.True(t, ok, "%s's entry point %s does not exist", op.Name, op.Entry) {
			assert.Contains(t, strings.Join(strings.Fields(doc), " "), `"`+op.Name+`"`, "%s's doc names the operation", op.Entry)
		}
	}
}

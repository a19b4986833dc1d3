package dfdg_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/internal/jsonx"
	"github.com/regelkit/dfdg/plan"
	"github.com/stretchr/testify/assert"
)

// commandTypes are the commands of each rule package: a path an error of the package names that does
// not lie in the citizen ("borger.…") or the context ("nu", "aktoer") lies in one of them.
var commandTypes = map[string][]reflect.Type{
	"contactgroup": {reflect.TypeFor[dfdg.Deadline](), reflect.TypeFor[contactgroup.Placement](), reflect.TypeFor[contactgroup.RegistrationRequest](),
		reflect.TypeFor[contactgroup.BenefitDecision](), reflect.TypeFor[dfdg.PersonCategorization](), reflect.TypeFor[dfdg.Interview](),
		reflect.TypeFor[dfdg.Booking](), reflect.TypeFor[dfdg.Participant](), reflect.TypeFor[contactgroup.GuestRequest](),
		reflect.TypeFor[contactgroup.GroupEnd](), reflect.TypeFor[dfdg.Deregistration]()},
	"absence": {reflect.TypeFor[dfdg.Absence](), reflect.TypeFor[absence.Recovery](), reflect.TypeFor[absence.Resumption](),
		reflect.TypeFor[absence.Sickness]()},
	"activity":       {reflect.TypeFor[dfdg.Activity]()},
	"plan":           {reflect.TypeFor[dfdg.Plan](), reflect.TypeFor[plan.Rectification]()},
	"gdpr":           {reflect.TypeFor[gdpr.Record](), reflect.TypeFor[gdpr.Due]()},
	"internal/check": nil, "internal/membership": nil, "internal/ids": nil,
}

// resolve reports whether path names a field of t by the JSON names, list positions ("[2]") aside.
func resolve(t reflect.Type, path string) bool {
	for _, part := range strings.Split(path, ".") {
		if i := strings.IndexByte(part, '['); i >= 0 {
			part = part[:i]
		}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return false
		}
		found := false
		for _, f := range jsonx.Fields(t) {
			if f.Name == part {
				t, found = f.Type, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// resolveIn reports whether path lies in the call's input of a command of package pkg.
func resolveIn(pkg, path string) bool {
	if rest, ok := strings.CutPrefix(path, "borger."); ok {
		return resolve(reflect.TypeFor[dfdg.Citizen](), rest)
	}
	if resolve(reflect.TypeFor[dfdg.At](), path) {
		return true
	}
	for _, t := range commandTypes[pkg] {
		if resolve(t, path) {
			return true
		}
	}
	return false
}

// Every field path the rule packages put on an error, or give to a code list's check or an id, names
// a field of the call's input by its JSON name.
func TestErrorPathsMatchTheJSONNames(t *testing.T) {
	consts := map[string]string{} // "pkg.Name" and "Name" within its package → value
	files := map[string][]*ast.File{}
	for pkg := range commandTypes {
		for _, f := range sourceFiles(t, pkg) {
			files[pkg] = append(files[pkg], f)
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
					for _, s := range gd.Specs {
						vs := s.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
									v, _ := strconv.Unquote(lit.Value)
									consts[pkg+"."+n.Name] = v
									consts[filepath.Base(pkg)+"."+n.Name] = v
								}
							}
						}
					}
				}
			}
		}
	}
	// pathOf gives the path an expression builds, or false for one computed at run time.
	var pathOf func(pkg string, e ast.Expr) (string, bool)
	pathOf = func(pkg string, e ast.Expr) (string, bool) {
		switch x := e.(type) {
		case *ast.BasicLit:
			v, err := strconv.Unquote(x.Value)
			return v, err == nil
		case *ast.Ident:
			v, ok := consts[pkg+"."+x.Name]
			return v, ok
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				v, ok := consts[id.Name+"."+x.Sel.Name]
				return v, ok
			}
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return "", false
			}
			if sel.Sel.Name == "Path" && len(x.Args) == 1 {
				return pathOf(pkg, x.Args[0])
			}
			base, ok := pathOf(pkg, sel.X)
			switch {
			case !ok:
				return "", false
			case sel.Sel.Name == "Index":
				return base + "[0]", true
			case sel.Sel.Name == "Child" && len(x.Args) == 1:
				child, ok := pathOf(pkg, x.Args[0])
				return base + "." + child, ok
			}
		}
		return "", false
	}
	checked := 0
	for pkg, fs := range files {
		for _, f := range fs {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				var arg ast.Expr
				switch {
				case sel.Sel.Name == "WithField" && len(call.Args) == 2:
					arg = call.Args[0]
				case sel.Sel.Name == "New" && len(call.Args) == 4 && isIdent(sel.X, "dfdgerrors"):
					arg = call.Args[2]
				case sel.Sel.Name == "CheckNewItem" && len(call.Args) == 6:
					list, ok1 := pathOf(pkg, call.Args[2])
					child, ok2 := pathOf(pkg, call.Args[4])
					if !ok1 || !ok2 {
						return true
					}
					path := list + "[0]"
					if child != "" {
						path += "." + child
					}
					checked++
					assert.True(t, resolveIn(pkg, path), "%s: %q is not a JSON path of the call's input", pkg, path)
					return true
				case sel.Sel.Name == "CheckNew" && len(call.Args) == 4:
					arg = call.Args[2]
				case (sel.Sel.Name == "Or" || sel.Sel.Name == "New") && len(call.Args) >= 2:
					arg = call.Args[len(call.Args)-1]
					if _, ok := call.Args[len(call.Args)-2].(*ast.SelectorExpr); !ok {
						return true
					}
				default:
					return true
				}
				path, ok := pathOf(pkg, arg)
				if !ok || path == "" {
					return true // passed through, built from a value (its maker is checked), or the call as a whole
				}
				checked++
				assert.True(t, resolveIn(pkg, path), "%s: %q is not a JSON path of the call's input", pkg, path)
				return true
			})
		}
	}
	assert.Greater(t, checked, 60, "the paths were found")
}

// isIdent reports whether e is the identifier name.
func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

package cmd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestIDsBuiltOnce holds that service and group ids are built only by the
// constructors in graph/ids.go (graph.ServiceID, graph.GroupID ...): no code
// joins "service:" or "group:" to something by hand, with + or Sprintf, so
// one service or group always has one id.
func TestIDsBuiltOnce(t *testing.T) {
	prefixed := func(e ast.Expr) bool {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return false
		}
		s, err := strconv.Unquote(lit.Value)
		return err == nil && (strings.HasPrefix(s, "service:") || strings.HasPrefix(s, "group:"))
	}
	checked := 0
	eachSourceFile(t, func(rel, path string) error {
		if rel == "graph/ids.go" {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryExpr:
				if x.Op == token.ADD && prefixed(x.X) {
					t.Errorf("%s: an id built by hand; use graph.ServiceID or graph.GroupID", fset.Position(x.Pos()))
				}
			case *ast.CallExpr:
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok && strings.HasSuffix(sel.Sel.Name, "printf") && len(x.Args) > 0 && prefixed(x.Args[0]) {
					t.Errorf("%s: an id built by Sprintf; use graph.ServiceID or graph.GroupID", fset.Position(x.Pos()))
				}
			}
			return true
		})
		return nil
	})
	if checked < 100 {
		t.Fatalf("checked only %d files; is the walk rooted at the module?", checked)
	}
}

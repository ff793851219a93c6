package cmd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestYAMLReadOnce holds that every YAML input (inventory, policy, the
// catalogs) is parsed and decoded through graph.ParseYAML and
// graph.DecodeYAML, so a bad file gets the same InputError at file:line
// wherever it is read: outside graph/yaml.go no code calls yaml.Unmarshal,
// yaml.NewDecoder or a yaml.Node's Decode itself.
func TestYAMLReadOnce(t *testing.T) {
	readers := 0
	eachSourceFile(t, func(rel, path string) error {
		if rel == "graph/yaml.go" {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		name := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "go.yaml.in/yaml/v3" {
				name = "yaml"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		readers++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == name && (sel.Sel.Name == "Unmarshal" || sel.Sel.Name == "NewDecoder") {
				t.Errorf("%s: %s.%s; read YAML with graph.ParseYAML", fset.Position(sel.Pos()), name, sel.Sel.Name)
			}
			if sel.Sel.Name == "Decode" {
				t.Errorf("%s: a YAML node decoded by hand; use graph.DecodeYAML", fset.Position(sel.Pos()))
			}
			return true
		})
		return nil
	})
	if readers < 4 {
		t.Fatalf("found only %d files reading YAML: is the walk rooted at the module?", readers)
	}
}

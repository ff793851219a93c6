package all

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestEveryCollectorIsConformant holds the registry's promise: each listed
// collector has a unique name, flags that start with its name, and a test
// in its package that runs the shared conformance suite.
func TestEveryCollectorIsConformant(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Collectors() {
		name := c.Name()
		if seen[name] || name == "" {
			t.Errorf("collector name %q empty or listed twice", name)
		}
		seen[name] = true
		fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
		c.Flags(fs)
		fs.VisitAll(func(f *pflag.Flag) {
			if f.Name != name && !strings.HasPrefix(f.Name, name+"-") {
				t.Errorf("%s registers --%s: a collector's flags start with its name", name, f.Name)
			}
		})
		if c.Enabled() {
			t.Errorf("%s is enabled before any flag was given", name)
		}
		if !runsConformance(t, filepath.Join("..", name)) {
			t.Errorf("package discover/%s has no test calling collectortest.Run", name)
		}
	}
}

// runsConformance reports whether a _test.go file of dir calls collectortest.Run.
func runsConformance(t *testing.T, dir string) bool {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "collectortest" && sel.Sel.Name == "Run" {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

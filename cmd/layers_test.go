package cmd

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImportDirection holds the layering of STYLE.md: cmd -> discover,
// simulate, report -> graph, and report -> simulate. graph imports nothing of
// ours, nothing but cmd/untether imports cmd, nothing but cmd imports
// report, and report never parses flags. Inside simulate, the planner and
// the CI gate sit above the simulator: they use simulate and graph only,
// the simulator never uses them, and they never use each other.
func TestImportDirection(t *testing.T) {
	const mod = "github.com/untether-dev/untether/"
	allowed := map[string][]string{ // top-level folder -> what its code may import of ours
		"graph":    nil,
		"discover": {"graph", "discover"},
		"simulate": {"graph", "simulate"},
		"report":   {"graph", "simulate", "report"},
		"cmd":      {"graph", "discover", "simulate", "report", "cmd"},
	}
	// Packages below the top level that must stay leaves: the escapers are
	// used by every writer and depend on nothing of ours.
	leaves := map[string]bool{"report/escape": true}
	// Packages whose imports of ours are exactly these (on top of the
	// top-level rule): the simulator core and the two packages above it.
	exactly := map[string][]string{
		"simulate":         {"graph"},
		"simulate/planner": {"graph", "simulate"},
		"simulate/gate":    {"graph", "simulate"},
	}
	seen := map[string]int{}          // files checked per package of exactly
	forbidden := map[string][]string{ // top-level folder -> outside packages it must not import
		"report":   {"github.com/spf13/cobra", "github.com/spf13/pflag", "flag"},
		"simulate": {"os", "net/http", "github.com/spf13/cobra"},
		"graph":    {"github.com/spf13/cobra"},
	}
	checked := 0
	eachSourceFile(t, func(rel, path string) error {
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		if _, ok := exactly[filepath.ToSlash(filepath.Dir(rel))]; ok {
			seen[filepath.ToSlash(filepath.Dir(rel))]++
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden[top] {
				if p == bad {
					t.Errorf("%s imports %s", rel, p)
				}
			}
			if !strings.HasPrefix(p, mod) {
				continue
			}
			dir := filepath.ToSlash(filepath.Dir(rel))
			if leaves[dir] {
				t.Errorf("%s imports %s: %s imports nothing of ours", rel, p, dir)
			}
			own := strings.TrimPrefix(p, mod)
			if top == "report" && dir != "report" && own == "report" {
				t.Errorf("%s imports %s: report's sub-packages sit below it, never above", rel, p)
			}
			target := strings.Split(own, "/")[0]
			if target == "cmd" && !strings.HasPrefix(filepath.ToSlash(rel), "cmd/") {
				t.Errorf("%s imports %s: nothing outside cmd imports cmd", rel, p)
			}
			if target == "report" && top != "report" && top != "cmd" {
				t.Errorf("%s imports %s: only cmd imports report", rel, p)
			}
			if want, ok := exactly[dir]; ok && !slices.Contains(want, own) {
				t.Errorf("%s imports %s: %s imports only %v of ours", rel, p, dir, want)
			}
			ok := false
			for _, a := range allowed[top] {
				ok = ok || a == target
			}
			if !ok {
				t.Errorf("%s (in %s/) imports %s, against the layering", rel, top, p)
			}
		}
		return nil
	})
	for dir := range exactly {
		if seen[dir] == 0 {
			t.Errorf("no file checked in %s: has the package moved? update the rule", dir)
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the walk rooted at the module?", checked)
	}
}

package terraform

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

var update = flag.Bool("update", false, "rewrite the golden estates under testdata")

// caseInputs are the Terraform files of one testdata case folder.
func caseInputs(t testing.TB, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && e.Name() != "estate.golden.json" {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(files)
	return files
}

// TestGolden reads every case folder (one per resource family) and
// compares the estate with estate.golden.json; -update rewrites it.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || filepath.Base(dir) == "plan_state" {
			continue // plan_state holds two views of one configuration (TestPlanAndStateAgree)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := caseInputs(t, dir)
			est, err := Read(files...)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := graph.Encode(&got, est); err != nil {
				t.Fatal(err)
			}
			for _, secret := range append(exampleSecrets, "fixture-", "hunter", "Zml4dHVyZQ==") {
				if bytes.Contains(got.Bytes(), []byte(secret)) {
					t.Errorf("secret %q reached the estate", secret)
				}
			}
			golden := filepath.Join(dir, "estate.golden.json")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("estate differs from %s (go test -update rewrites it):\n%s", golden, firstDiff(string(want), got.String()))
			}
			again, err := Read(files...)
			if err != nil {
				t.Fatal(err)
			}
			var second bytes.Buffer
			if err := graph.Encode(&second, again); err != nil || !bytes.Equal(second.Bytes(), got.Bytes()) {
				t.Errorf("two reads of the same files differ: output is not deterministic")
			}
		})
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}

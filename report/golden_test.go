package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update. On a
// mismatch it prints a line diff.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./report -update if the change is intended):\n%s",
			path, lineDiff(string(want), string(got)))
	}
}

// lineDiff is a small longest-common-subsequence diff, enough for golden files.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+%d: %s\n", j+1, y[j])
			j++
		default:
			fmt.Fprintf(&out, "-%d: %s\n", i+1, x[i])
			i++
		}
	}
	return out.String()
}

// render writes result with one writer, failing the test on error.
func render(t testing.TB, w Writer, result Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, w, "", result, opts); err != nil {
		t.Fatalf("%T.Write(%T): %v", w, result, err)
	}
	return buf.Bytes()
}

func TestGoldenWriters(t *testing.T) {
	results := map[string]Result{"audit": NewAudit(fixtureAudit(), AuditInput{}), "simulation": NewSimulation(fixtureSimulation()),
		"explanation": NewExplanation(fixtureExplanation())}
	writers := []struct {
		name, ext string
		w         Writer
		opts      Options
	}{
		{"table", "txt", TableWriter{}, Options{}},
		{"json", "json", JSONWriter{}, Options{}},
		{"markdown", "md", MarkdownWriter{}, Options{}},
	}
	for _, wr := range writers {
		for _, kind := range []string{"audit", "simulation", "explanation"} {
			t.Run(wr.name+"/"+kind, func(t *testing.T) {
				first := render(t, wr.w, results[kind], wr.opts)
				second := render(t, wr.w, results[kind], wr.opts)
				if !bytes.Equal(first, second) {
					t.Fatal("two renders of the same result differ")
				}
				golden(t, kind+"."+wr.ext, first)
			})
		}
	}
}

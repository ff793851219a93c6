package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// TestLargeBrokenEstateNamesThePlace: an estate file large enough to be
// read on all cores, broken among its nodes, among its edges or cut short,
// is exit 2 with the file, line and column, as a small one is; unbroken,
// it audits.
func TestLargeBrokenEstateNamesThePlace(t *testing.T) {
	e, err := demo.Generate(3000, 1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := graph.Encode(&buf, e); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	if len(data) < 1<<20 { // the parallel reader takes files of 256 KB and more
		t.Fatalf("the estate is %d bytes: too small to be read on all cores", len(data))
	}
	lines := strings.SplitAfter(data, "\n")
	firstEdge := 0
	for i, l := range lines {
		if strings.HasPrefix(l, `  {"from":`) {
			firstEdge = i
			break
		}
	}
	breakLine := func(i int, old, new string) (string, int) {
		if !strings.Contains(lines[i], old) {
			t.Fatalf("line %d lacks %q", i+1, old)
		}
		l := slices.Clone(lines)
		l[i] = strings.Replace(l[i], old, new, 1)
		return strings.Join(l, ""), i + 1
	}
	node, nodeLine := breakLine(firstEdge/2, `"class":"`, `"class":`)
	edge, edgeLine := breakLine(firstEdge+(len(lines)-firstEdge)/2, `"to":"`, `"to":7,"x":"`)
	cut := data[:len(data)*2/3]
	cases := []struct {
		name, data, want string
	}{
		{"node", node, fmt.Sprintf(":%d:\\d+: malformed JSON", nodeLine)},
		{"edge", edge, fmt.Sprintf(`:%d:\d+: \$\.edges\[\d+\]\.to: expected string, got JSON number 7`, edgeLine)},
		{"cut", cut, `:\d+:\d+: truncated JSON`},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".json")
			if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCmd(t, "audit", path, "-o", filepath.Join(dir, "out.txt"))
			if code != ExitBadInput || !regexp.MustCompile(regexp.QuoteMeta(path)+c.want).MatchString(stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %s%s", code, stderr, ExitBadInput, path, c.want)
			}
		})
	}
	path := filepath.Join(dir, "whole.json")
	os.WriteFile(path, []byte(data), 0o644)
	if code, _, stderr := runCmd(t, "audit", path, "-o", filepath.Join(dir, "out.txt")); code != 0 && code != 1 {
		t.Errorf("the unbroken file: exit %d, %s", code, stderr)
	}
}

package cmd

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// eachSourceFile calls visit for every non-test Go file of the module
// (testdata and dot folders left out) with its path relative to the module
// root, slash-separated, and its path on disk; the tests that hold rules
// over the source (layers, ids, YAML) walk it this one way.
func eachSourceFile(t *testing.T, visit func(rel, path string) error) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		return visit(filepath.ToSlash(rel), path)
	})
	if err != nil {
		t.Fatal(err)
	}
}

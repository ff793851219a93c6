package demo

import (
	"bytes"
	"flag"
	"io"
	"testing"

	"github.com/untether-dev/untether/graph"
)

var update = flag.Bool("update", false, "rewrite demo.json from the builder")

func encode(t testing.TB, e *graph.Estate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graph.Encode(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The embedded file and the builder cannot drift: go generate rewrites the
// file, and this test fails when they differ.
func TestEmbeddedEstateMatchesBuilder(t *testing.T) {
	e, err := build()
	if err != nil {
		t.Fatal(err)
	}
	want := encode(t, e)
	if *update {
		if err := graph.WriteFileAtomic("demo.json", func(w io.Writer) error { _, err := w.Write(want); return err }); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(demoJSON, want) {
		t.Fatal("demo.json differs from the builder's output; run go generate ./discover/demo")
	}
}

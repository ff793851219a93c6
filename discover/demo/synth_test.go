package demo

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestGenerateCountsAndDeterminism(t *testing.T) {
	for _, size := range []int{1, 7, 50, 1000, 10000} {
		e, err := Generate(size, 42)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		res := 0
		for i := range e.Nodes {
			if e.Nodes[i].Class == graph.ClassResource {
				res++
			}
		}
		if res != size {
			t.Errorf("size %d: got %d resources", size, res)
		}
		t.Logf("size %d: %d nodes (%.2f per resource), %d edges (%.2f per resource)", size, len(e.Nodes),
			float64(len(e.Nodes))/float64(size), len(e.Edges), float64(len(e.Edges))/float64(size))
		e2, _ := Generate(size, 42)
		if !bytes.Equal(encode(t, e), encode(t, e2)) {
			t.Errorf("size %d: two runs differ", size)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, size := range []int{10000, 100000, 1000000} {
		b.Run(itoa(size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(size, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	switch {
	case n >= 1000000:
		return fmt.Sprintf("%dM", n/1000000)
	case n >= 1000:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

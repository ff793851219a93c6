package demo

import (
	"fmt"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestShapesValidDeterministicAndSized(t *testing.T) {
	for _, shape := range Shapes {
		for _, size := range []int{1, 2, 7, 500} {
			a, err := ByShape(shape, size, 3)
			if err != nil {
				t.Fatalf("%s %d: %v", shape, size, err)
			}
			b, _ := ByShape(shape, size, 3)
			if fmt.Sprint(a.Nodes, a.Edges) != fmt.Sprint(b.Nodes, b.Edges) {
				t.Fatalf("%s %d: two runs differ", shape, size)
			}
			resources := 0
			for _, n := range a.Nodes {
				if n.Class == graph.ClassResource {
					resources++
				}
			}
			if shape != ShapeSynthetic && resources != size {
				t.Fatalf("%s %d: %d resources", shape, size, resources)
			}
		}
	}
	if _, err := ByShape("spiral", 10, 1); err == nil {
		t.Fatal("an unknown shape was accepted")
	}
}

func BenchmarkFaultTree100k(b *testing.B) {
	for b.Loop() {
		FaultTree(100_000, 1)
	}
}

package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// Shapes of synthetic estate for scale and stress tests, chosen with
// `untether demo --shape`.
const (
	ShapeSynthetic = "synthetic"  // Generate: the demo's shape at any size
	ShapeChain     = "chain"      // Chain: one service over a linear chain
	ShapeCycle     = "cycle"      // Chain with the last resource needing the first
	ShapeFaultTree = "fault-tree" // FaultTree: basic events, k-of-n pools, shared events
)

// Shapes lists every shape by name.
var Shapes = []string{ShapeSynthetic, ShapeChain, ShapeCycle, ShapeFaultTree}

// ByShape generates an estate of the named shape with size resources.
func ByShape(shape string, size int, seed int64) (*graph.Estate, error) {
	if size < 1 {
		return nil, fmt.Errorf("synthetic estate size must be at least 1, got %d", size)
	}
	var e *graph.Estate
	switch shape {
	case ShapeSynthetic, "":
		return Generate(size, seed)
	case ShapeChain:
		e = Chain(size, false)
	case ShapeCycle:
		e = Chain(size, true)
	case ShapeFaultTree:
		e = FaultTree(size, seed)
	default:
		return nil, fmt.Errorf("unknown shape %q: expected one of %v", shape, Shapes)
	}
	if err := graph.Validate(e); err != nil {
		return nil, fmt.Errorf("synthetic %s estate (size %d, seed %d) is invalid: %w", shape, size, seed, err)
	}
	return e, nil
}

// Chain is the worst case for proof chains: a tier-1 service needing the
// first of n resources, each needing the next, so every resource is a SPOF
// whose proof runs through all the resources before it. With loop the last
// resource needs the first again: an n-node cycle.
func Chain(n int, loop bool) *graph.Estate {
	e := &graph.Estate{Nodes: make([]graph.Node, 0, n+1), Edges: make([]graph.Edge, 0, n+1), Gaps: []graph.Gap{}}
	e.Nodes = append(e.Nodes, graph.Node{ID: "service:chain", Class: graph.ClassService, Name: "chain", Tier: 1})
	id := func(i int) string { return fmt.Sprintf("onprem/dc1/chain/r%07d", i) }
	e.Edges = append(e.Edges, graph.Edge{From: "service:chain", To: id(0), Evidence: "entry"})
	for i := range n {
		e.Nodes = append(e.Nodes, graph.Node{ID: id(i), Class: graph.ClassResource, Kind: "instance", Type: "server", Provider: "onprem"})
		switch {
		case i+1 < n:
			e.Edges = append(e.Edges, graph.Edge{From: id(i), To: id(i + 1), Evidence: "calls"})
		case loop && n > 1:
			e.Edges = append(e.Edges, graph.Edge{From: id(i), To: id(0), Evidence: "calls"})
		}
	}
	return e
}

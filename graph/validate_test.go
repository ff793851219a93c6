package graph

import (
	"fmt"
	"strings"
	"testing"
)

// The fast edge check must name the same first problem, in edge order, as
// checking each edge in turn: a duplicate before an unknown node is the
// duplicate, and the other way round.
func TestValidateNamesTheFirstEdgeProblem(t *testing.T) {
	nodes := []Node{{ID: "a", Class: ClassResource}, {ID: "b", Class: ClassResource}, {ID: "c", Class: ClassResource}}
	for _, tc := range []struct {
		edges []Edge
		want  string
	}{
		{[]Edge{{From: "a", To: "b"}, {From: "a", To: "b"}, {From: "a", To: "ghost"}}, `$.edges[1]: duplicate edge "a" -> "b" (first at $.edges[0])`},
		{[]Edge{{From: "a", To: "b"}, {From: "a", To: "ghost"}, {From: "a", To: "b"}}, `$.edges[1].to: edge to unknown node "ghost"`},
		{[]Edge{{From: "b", To: "c"}, {From: "a", To: "b"}, {From: "c", To: "c"}, {From: "b", To: "c"}}, `$.edges[2]: node "c" cannot need itself`},
		{[]Edge{{From: "b", To: "c"}, {From: "a", To: "b"}, {From: "a", To: "c"}, {From: "b", To: "c"}}, `$.edges[3]: duplicate edge "b" -> "c" (first at $.edges[0])`},
	} {
		err := Validate(&Estate{Nodes: nodes, Edges: tc.edges})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want %s", tc.edges, err, tc.want)
		}
	}
	if err := Validate(&Estate{Nodes: nodes, Edges: []Edge{{From: "a", To: "b"}, {From: "b", To: "a"}}}); err != nil {
		t.Fatal(fmt.Errorf("a valid estate: %w", err))
	}
}

package planner

import (
	"maps"
	"slices"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// class is node i's class in the compiled model.
func class[I int | int32](m *simulate.Model, i I) graph.Class { return m.Compiled().Nodes[i].Class }

// nodeID is node i's id.
func nodeID(m *simulate.Model, i int32) string { return m.Compiled().Nodes[i].ID }

// sortedKeys lists a map's keys in order: every list the planner builds
// from a map is sorted, so the plan is the same bytes on every run.
func sortedKeys[V any](mp map[string]V) []string { return slices.Sorted(maps.Keys(mp)) }

// nodeIDs are the ids of nodes idx, in order.
func nodeIDs(m *simulate.Model, idx []int32) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = nodeID(m, i)
	}
	return out
}

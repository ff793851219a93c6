package graph

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/graph/simple"
)

// Compiled is a read-only, index-based view of a validated estate for fast
// algorithms. Node i is the i-th node in id order, whatever order the estate
// listed them in, so results never depend on input order.
type Compiled struct {
	Estate *Estate
	// Nodes[i] points into Estate.Nodes.
	Nodes []*Node
	index map[string]int32

	// Compressed adjacency: the requirements (or members) of node i are
	// needs[needOff[i]:needOff[i+1]], each sorted by index; needEdge holds the
	// matching index into Estate.Edges. neededBy is the reverse.
	needOff, needs, needEdge []int32
	byOff, neededBy          []int32
}

// Compile builds the index view. The estate must be valid (see Validate).
// Only edges that carry failure (see Carries) enter the adjacency.
func Compile(e *Estate) *Compiled {
	n := len(e.Nodes)
	c := &Compiled{Estate: e, Nodes: make([]*Node, n), index: make(map[string]int32, n)}
	for i := range e.Nodes {
		c.Nodes[i] = &e.Nodes[i]
	}
	slices.SortFunc(c.Nodes, func(a, b *Node) int { return cmp.Compare(a.ID, b.ID) })
	for i, nd := range c.Nodes {
		c.index[nd.ID] = int32(i)
	}
	type arc struct{ from, to, edge int32 }
	arcs := make([]arc, 0, len(e.Edges))
	for k := range e.Edges {
		ed := &e.Edges[k]
		from, to := c.index[ed.From], c.index[ed.To]
		if Carries(ed, c.Nodes[from], c.Nodes[to]) {
			arcs = append(arcs, arc{from, to, int32(k)})
		}
	}
	slices.SortFunc(arcs, func(a, b arc) int { return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) })
	c.needOff = make([]int32, n+1)
	c.needs = make([]int32, len(arcs))
	c.needEdge = make([]int32, len(arcs))
	c.byOff = make([]int32, n+1)
	for k, a := range arcs {
		c.needOff[a.from+1]++
		c.byOff[a.to+1]++
		c.needs[k] = a.to
		c.needEdge[k] = a.edge
	}
	for i := 0; i < n; i++ {
		c.needOff[i+1] += c.needOff[i]
		c.byOff[i+1] += c.byOff[i]
	}
	c.neededBy = make([]int32, len(arcs))
	fill := slices.Clone(c.byOff[:n])
	for _, a := range arcs { // arcs are sorted by from, so each list comes out sorted
		c.neededBy[fill[a.to]] = a.from
		fill[a.to]++
	}
	return c
}

// Carries reports whether an edge takes part in the failure model. Ordering
// edges, and edges into or out of a configuration node (a configuration
// object never carries a failure and its own state matters to nothing),
// are evidence only: they stay in the estate for explain but the compiled
// adjacency leaves them out.
func Carries(ed *Edge, from, to *Node) bool {
	return ed.Propagates() && from.Role != RoleConfiguration && to.Role != RoleConfiguration
}

// EvidenceOnly lists the estate edges out of node i that do not carry
// failure (ordering, configuration), sorted by target id. It scans every
// edge: meant for explaining one node, not for hot loops.
func (c *Compiled) EvidenceOnly(i int32) []*Edge {
	id := c.Nodes[i].ID
	var out []*Edge
	for k := range c.Estate.Edges {
		ed := &c.Estate.Edges[k]
		if ed.From != id {
			continue
		}
		if to, ok := c.index[ed.To]; ok && !Carries(ed, c.Nodes[i], c.Nodes[to]) {
			out = append(out, ed)
		}
	}
	slices.SortFunc(out, func(a, b *Edge) int { return cmp.Compare(a.To, b.To) })
	return out
}

// Len is the number of nodes.
func (c *Compiled) Len() int { return len(c.Nodes) }

// Index returns the index of the node with id.
func (c *Compiled) Index(id string) (int32, bool) {
	i, ok := c.index[id]
	return i, ok
}

// Needs lists what node i needs (for a group: its members), sorted. The
// slice is shared: do not change it.
func (c *Compiled) Needs(i int32) []int32 { return c.needs[c.needOff[i]:c.needOff[i+1]] }

// NeededBy lists the nodes that need node i (or have it as a member), sorted.
func (c *Compiled) NeededBy(i int32) []int32 { return c.neededBy[c.byOff[i]:c.byOff[i+1]] }

// EdgeTo returns the estate edge from node i to node j, or nil.
func (c *Compiled) EdgeTo(i, j int32) *Edge {
	needs := c.Needs(i)
	k, ok := slices.BinarySearch(needs, j)
	if !ok {
		return nil
	}
	return &c.Estate.Edges[c.needEdge[c.needOff[i]+int32(k)]]
}

// Gonum returns the estate as a gonum directed graph whose node ids are the
// indices of this view, for gonum's algorithms (SCCs, topological order).
func (c *Compiled) Gonum() *simple.DirectedGraph {
	g := simple.NewDirectedGraph()
	for i := range c.Nodes {
		g.AddNode(simple.Node(int64(i)))
	}
	for i := range c.Nodes {
		for _, j := range c.Needs(int32(i)) {
			g.SetEdge(simple.Edge{F: simple.Node(int64(i)), T: simple.Node(int64(j))})
		}
	}
	return g
}

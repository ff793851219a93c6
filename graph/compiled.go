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
	// rank maps a node's position in Estate.Nodes to its index here.
	rank []int32

	// Compressed adjacency: the requirements (or members) of node i are
	// needs[needOff[i]:needOff[i+1]], each sorted by index; needEdge holds the
	// matching index into Estate.Edges. neededBy is the reverse.
	needOff, needs, needEdge []int32
	byOff, neededBy          []int32
}

// Compile builds the index view. The estate must be valid (see Validate).
// Only edges that carry failure (see Carries) enter the adjacency.
func Compile(e *Estate) *Compiled {
	if v := e.validated(); v != nil {
		return compile(e, v.ids, v.keys)
	}
	ids := make(map[string]int, len(e.Nodes))
	for i := range e.Nodes {
		ids[e.Nodes[i].ID] = i
	}
	return compile(e, ids, nil)
}

// compile builds the view from the id map (id -> position in e.Nodes) and,
// when known, each edge's (from, to) positions as from<<32|to. The view
// keeps neither (Index searches the nodes in id order), and e forgets
// what validating it learnt: at a million nodes the two hold ~90 MB that
// simulating has better use for. Validating e again starts afresh.
func compile(e *Estate, ids map[string]int, keys []uint64) *Compiled {
	c := compileWith(e, ids, keys)
	e.valid = nil
	return c
}

// CompileValid validates e (see Validate, whose errors it returns) and
// builds its index view, sharing the id map and the edge lookups between
// the two: what building a simulation model needs.
func CompileValid(e *Estate) (*Compiled, error) {
	ids, keys, err := validate(e)
	if err != nil {
		return nil, err
	}
	return compile(e, ids, keys), nil
}

func compileWith(e *Estate, ids map[string]int, keys []uint64) *Compiled {
	n := len(e.Nodes)
	c := &Compiled{Estate: e, Nodes: make([]*Node, n), rank: make([]int32, n)}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	// An estate file lists its nodes in id order already: check, then sort
	// only if not.
	if !idOrder(e.Nodes) {
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(e.Nodes[a].ID, e.Nodes[b].ID) })
	}
	for k, i := range order {
		c.Nodes[k] = &e.Nodes[i]
		c.rank[i] = int32(k)
	}
	// Arcs bucketed by source (a counting sort: one pass counts, one
	// fills), then each bucket by target.
	if keys == nil {
		keys = make([]uint64, len(e.Edges))
		for k := range e.Edges {
			keys[k] = uint64(ids[e.Edges[k].From])<<32 | uint64(ids[e.Edges[k].To])
		}
	}
	arc := func(k int) (from, to int32, ok bool) {
		ed := &e.Edges[k]
		f, t := int(keys[k]>>32), int(uint32(keys[k]))
		if !Carries(ed, &e.Nodes[f], &e.Nodes[t]) {
			return -1, -1, false
		}
		return c.rank[f], c.rank[t], true
	}
	c.needOff = make([]int32, n+1)
	c.byOff = make([]int32, n+1)
	arcs := 0
	for k := range e.Edges {
		if f, t, ok := arc(k); ok {
			c.needOff[f+1]++
			c.byOff[t+1]++
			arcs++
		}
	}
	for i := 0; i < n; i++ {
		c.needOff[i+1] += c.needOff[i]
		c.byOff[i+1] += c.byOff[i]
	}
	c.needs = make([]int32, arcs)
	c.needEdge = make([]int32, arcs)
	fill := slices.Clone(c.needOff[:n])
	for k := range e.Edges {
		if f, t, ok := arc(k); ok {
			c.needs[fill[f]], c.needEdge[fill[f]] = t, int32(k)
			fill[f]++
		}
	}
	for i := range n {
		lo, hi := c.needOff[i], c.needOff[i+1]
		if hi-lo > 1 {
			sortPairs(c.needs[lo:hi], c.needEdge[lo:hi])
		}
	}
	c.neededBy = make([]int32, arcs)
	fill = slices.Clone(c.byOff[:n])
	for i := range n { // sources in index order, so each list comes out sorted
		for _, j := range c.needs[c.needOff[i]:c.needOff[i+1]] {
			c.neededBy[fill[j]] = int32(i)
			fill[j]++
		}
	}
	return c
}

// idOrder reports whether nodes are sorted by id.
func idOrder(nodes []Node) bool {
	for i := 1; i < len(nodes); i++ {
		if nodes[i-1].ID > nodes[i].ID {
			return false
		}
	}
	return true
}

// sortPairs sorts keys and moves vals along (short lists: insertion sort).
func sortPairs(keys, vals []int32) {
	if len(keys) > 32 {
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
		k2, v2 := slices.Clone(keys), slices.Clone(vals)
		for i, j := range idx {
			keys[i], vals[i] = k2[j], v2[j]
		}
		return
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			vals[j], vals[j-1] = vals[j-1], vals[j]
		}
	}
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
		if to, ok := c.Index(ed.To); ok && !Carries(ed, c.Nodes[i], c.Nodes[to]) {
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
	k, ok := slices.BinarySearchFunc(c.Nodes, id, func(n *Node, id string) int { return cmp.Compare(n.ID, id) })
	if !ok {
		return -1, false
	}
	return int32(k), true
}

// Needs lists what node i needs (for a group: its members), sorted. The
// slice is shared: do not change it.
func (c *Compiled) Needs(i int32) []int32 { return c.needs[c.needOff[i]:c.needOff[i+1]] }

// NeededBy lists the nodes that need node i (or have it as a member), sorted.
func (c *Compiled) NeededBy(i int32) []int32 { return c.neededBy[c.byOff[i]:c.byOff[i+1]] }

// EdgeTo returns the estate edge from node i to node j, or nil (also when
// the estate's edge list has been let go, see cmd's audit).
func (c *Compiled) EdgeTo(i, j int32) *Edge {
	needs := c.Needs(i)
	k, ok := slices.BinarySearch(needs, j)
	if !ok {
		return nil
	}
	if e := c.needEdge[c.needOff[i]+int32(k)]; int(e) < len(c.Estate.Edges) {
		return &c.Estate.Edges[e]
	}
	return nil
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

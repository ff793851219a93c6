package simulate

import "slices"

// Proof chains. A SPOF's chain is the shortest dependency path from the
// first critical service it takes down to the SPOF, along DOWN nodes: a BFS
// over needs edges, neighbours in index (= id) order, so the path is the
// same on every run. The chains of one scan share their prefixes: each is
// stored as links to the node before it (predecessor links of the BFS
// tree), so n SPOFs along a chain of n resources cost O(n) memory, not
// O(n²), and a report expands only the few nodes it shows.

// chainHead and chainTail bound a chain as results carry it: the first
// chainHead nodes from the service and the last chainTail up to the SPOF;
// the count of nodes between them is given instead (see SPOF.ChainOmitted).
const (
	chainHead = 8
	chainTail = 8
)

// chainLinks is an arena of chain links. Link k is node[k], preceded by
// link prev[k] (-1 at the service); depth[k] counts the links before it;
// head[k] is the link at depth min(depth[k], chainHead-1) on the way, so
// the first nodes of a long chain are found without walking it.
type chainLinks struct {
	node, prev, depth, head []int32
}

func (l *chainLinks) add(node, prev int32) int32 {
	k := int32(len(l.node))
	d, h := int32(0), k
	if prev >= 0 {
		d = l.depth[prev] + 1
		if d >= chainHead {
			h = l.head[prev]
		}
	}
	l.node, l.prev, l.depth, l.head = append(l.node, node), append(l.prev, prev), append(l.depth, d), append(l.head, h)
	return k
}

// grow makes room in l for the links of every part, so appending them
// does not copy.
func (l *chainLinks) grow(parts []*scanResult) {
	n := 0
	for _, p := range parts {
		n += len(p.links.node)
	}
	l.node, l.prev = slices.Grow(l.node, n), slices.Grow(l.prev, n)
	l.depth, l.head = slices.Grow(l.depth, n), slices.Grow(l.head, n)
}

// append adds o's links after l's (o's indices shift by len(l.node)).
func (l *chainLinks) append(o *chainLinks) {
	shift := int32(len(l.node))
	for k := range o.node {
		prev := o.prev[k]
		if prev >= 0 {
			prev += shift
		}
		l.node, l.prev = append(l.node, o.node[k]), append(l.prev, prev)
		l.depth, l.head = append(l.depth, o.depth[k]), append(l.head, o.head[k]+shift)
	}
}

// bounded returns the chain ending at link k as at most chainHead+chainTail
// nodes, and how many nodes were left out between the head and the tail.
func (l *chainLinks) bounded(k int32) (nodes []int32, omitted int) {
	length := int(l.depth[k]) + 1
	if length <= chainHead+chainTail {
		nodes = make([]int32, length)
		for j := length - 1; j >= 0; j, k = j-1, l.prev[k] {
			nodes[j] = l.node[k]
		}
		return nodes, 0
	}
	nodes = make([]int32, chainHead+chainTail)
	for j := chainHead + chainTail - 1; j >= chainHead; j, k = j-1, l.prev[k] {
		nodes[j] = l.node[k]
	}
	for j, h := chainHead-1, l.head[k]; j >= 0; j, h = j-1, l.prev[h] {
		nodes[j] = l.node[h]
	}
	return nodes, length - chainHead - chainTail
}

// chainTree proves the SPOFs of one root's tree (see inherit.go): per
// distinct first service, one BFS over the root's DOWN cone and the tree,
// and a link per node on a proof. Tree nodes outside the root's cone have
// needs edges only to other such tree nodes (a need inside the cone would
// put them in it), and each is entered only from its one dependant, so they
// never shorten or reorder another node's path: the BFS gives every SPOF of
// the tree the path a BFS over its own DOWN cone would.
type chainTree struct {
	m      *Model
	stamp  []uint32 // BFS visit
	inTree []uint32 // member of the current tree
	link   []int32  // the node's link in this BFS, when stamp matches
	linked []uint32
	target []uint32 // a SPOF to prove in BFS e
	parent []int32
	epoch  uint32
	queue  []int32
}

func newChainTree(m *Model) *chainTree {
	n := m.c.Len()
	return &chainTree{m: m, stamp: make([]uint32, n), inTree: make([]uint32, n), link: make([]int32, n),
		linked: make([]uint32, n), target: make([]uint32, n), parent: make([]int32, n)}
}

// prove sets the chain of every record (all SPOFs of tree, whose root's
// propagation left down).
func (f *chainTree) prove(down []bool, tree []int32, recs []spofRec, links *chainLinks) {
	f.epoch++
	treeEpoch := f.epoch
	for _, x := range tree {
		f.inTree[x] = treeEpoch
	}
	order := make([]int, len(recs))
	for k := range order {
		order[k] = k
	}
	// One BFS per first service; records of the same service together.
	slices.SortStableFunc(order, func(a, b int) int { return int(recs[a].services[0]) - int(recs[b].services[0]) })
	for lo := 0; lo < len(order); {
		from := recs[order[lo]].services[0]
		hi := lo
		for hi < len(order) && recs[order[hi]].services[0] == from {
			hi++
		}
		f.bfs(down, treeEpoch, from, recs, order[lo:hi], links)
		lo = hi
	}
}

func (f *chainTree) bfs(down []bool, treeEpoch uint32, from int32, recs []spofRec, which []int, links *chainLinks) {
	f.epoch++
	e := f.epoch
	for _, k := range which {
		f.target[recs[k].node] = e
	}
	left := len(which)
	f.queue = append(f.queue[:0], from)
	f.stamp[from], f.parent[from] = e, -1
	for h := 0; h < len(f.queue) && left > 0; h++ {
		x := f.queue[h]
		if f.target[x] == e {
			left--
		}
		for _, y := range f.m.c.Needs(x) {
			if (down[y] || f.inTree[y] == treeEpoch) && f.stamp[y] != e {
				f.stamp[y], f.parent[y] = e, x
				f.queue = append(f.queue, y)
			}
		}
	}
	for _, k := range which {
		recs[k].chain = f.linkOf(recs[k].node, e, links)
	}
}

// linkOf returns the link of node x in BFS e, adding links for x and the
// nodes before it that have none yet.
func (f *chainTree) linkOf(x int32, e uint32, links *chainLinks) int32 {
	if f.stamp[x] != e {
		return -1 // unreachable: the propagation says it cannot happen
	}
	var path []int32
	y := x
	for y >= 0 && f.linked[y] != e {
		path = append(path, y)
		y = f.parent[y]
	}
	prev := int32(-1)
	if y >= 0 {
		prev = f.link[y]
	}
	for j := len(path) - 1; j >= 0; j-- {
		prev = links.add(path[j], prev)
		f.link[path[j]], f.linked[path[j]] = prev, e
	}
	return prev
}

// chainFinder finds one chain for explain: a BFS from a DOWN service over
// needs edges restricted to DOWN nodes, as chainTree does for the scan.
type chainFinder struct {
	m      *Model
	stamp  []uint32
	parent []int32
	epoch  uint32
	queue  []int32
}

func newChainFinder(m *Model) *chainFinder {
	n := m.c.Len()
	return &chainFinder{m: m, stamp: make([]uint32, n), parent: make([]int32, n)}
}

// chain returns from, ..., to along DOWN nodes, or nil if there is no path.
func (f *chainFinder) chain(down []bool, from, to int32) []int32 {
	f.epoch++
	f.queue = append(f.queue[:0], from)
	f.stamp[from] = f.epoch
	f.parent[from] = -1
	for h := 0; h < len(f.queue); h++ {
		x := f.queue[h]
		if x == to {
			var path []int32
			for y := to; y >= 0; y = f.parent[y] {
				path = append(path, y)
			}
			slices.Reverse(path)
			return path
		}
		for _, y := range f.m.c.Needs(x) {
			if down[y] && f.stamp[y] != f.epoch {
				f.stamp[y] = f.epoch
				f.parent[y] = x
				f.queue = append(f.queue, y)
			}
		}
	}
	return nil
}

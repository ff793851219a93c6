package simulate

// Inherited failures. When every node that needs x is one non-group node u
// (x has one dependant, and it is not a redundancy group), failing x fails
// exactly x plus what failing u fails: kill(x) = {x} ∪ kill(u). Following
// these links from x ends at a root: a node with several dependants, none,
// or a group as its dependant (or, on a loop where every node has one
// dependant, the loop's first node by index). So kill(x) = P(x) ∪ kill(r),
// where P(x) is the path x, up(x), ... up to but not including the root r.
//
// The SPOF scan propagates each root once and derives every node of the
// root's tree from that one propagation and its path. A linear chain of n
// resources, or an n-node cycle, then costs O(n) instead of the O(n²) of
// one propagation per candidate, with the same answers.

// upLinks returns, per node, its single non-group dependant or -1.
func (m *Model) upLinks() []int32 {
	n := m.c.Len()
	up := make([]int32, n)
	for i := range n {
		up[i] = -1
		if by := m.c.NeededBy(int32(i)); len(by) == 1 && m.class[by[0]] != clGroup && by[0] != int32(i) {
			up[i] = by[0]
		}
	}
	return up
}

// forest holds trees one after another: tree k is nodes[off[k]:off[k+1]].
type forest struct {
	nodes, off []int32
}

func (f *forest) len() int           { return len(f.off) - 1 }
func (f *forest) tree(k int) []int32 { return f.nodes[f.off[k]:f.off[k+1]:f.off[k+1]] }

// keep drops the trees keep says no to, in place.
func (f *forest) keep(keep func(tree []int32) bool) {
	n, k := int32(0), 0
	for j := range f.len() {
		t := f.tree(j)
		if !keep(t) {
			continue
		}
		copy(f.nodes[n:], t)
		f.off[k] = n
		n += int32(len(t))
		k++
	}
	f.off[k] = n
	f.nodes, f.off = f.nodes[:n], f.off[:k+1]
}

// rootTrees groups the nodes by the root their up links lead to: one tree
// per root, the roots in index order, each tree in order of distance from
// the root (the root first), so a node comes after the node it inherits
// from. A loop of up links gets its lowest index as root.
func (m *Model) rootTrees(up []int32) forest {
	n := len(up)
	root := make([]int32, n)
	depth := make([]int32, n)
	const unseen, onPath = -2, -3
	for i := range root {
		root[i] = unseen
	}
	var path []int32
	for i := range n {
		if root[i] != unseen {
			continue
		}
		path = path[:0]
		x := int32(i)
		for x >= 0 && root[x] == unseen {
			root[x] = onPath
			path = append(path, x)
			x = up[x]
		}
		var r, d int32
		switch {
		case x < 0: // the walk left the graph: the last node is a root
			r = path[len(path)-1]
			path = path[:len(path)-1]
			root[r], depth[r] = r, 0
		case root[x] == onPath: // a loop: its lowest index is the root
			k := len(path) - 1
			for path[k] != x {
				k--
			}
			r = path[k]
			for _, y := range path[k:] {
				r = min(r, y)
			}
			// Depths around the loop, from the root against the up links.
			loop := path[k:]
			at := 0
			for loop[at] != r {
				at++
			}
			for j := range loop {
				y := loop[(at-j+len(loop))%len(loop)]
				root[y], depth[y] = r, int32(j)
			}
			path = path[:k]
		default: // reached a node already placed
			r = root[x]
		}
		if len(path) > 0 {
			d = depth[up[path[len(path)-1]]]
		}
		for j := len(path) - 1; j >= 0; j-- {
			d++
			root[path[j]], depth[path[j]] = r, d
		}
	}
	// Bucket by root, then by depth (a counting sort keeps it linear).
	nroots := 0
	for i := range n {
		if root[i] == int32(i) {
			nroots++
		}
	}
	roots := make([]int32, 0, nroots)
	count := make([]int32, n+1)
	for i := range n {
		if root[i] == int32(i) {
			roots = append(roots, int32(i))
		}
		count[depth[i]+1]++
	}
	for d := 1; d <= n; d++ {
		count[d] += count[d-1]
	}
	byDepth := make([]int32, n)
	for i := range n {
		byDepth[count[depth[i]]] = int32(i)
		count[depth[i]]++
	}
	size := make([]int32, n)
	for i := range n {
		size[root[i]]++
	}
	off := make([]int32, n+1)
	for _, r := range roots {
		off[r+1] = size[r]
	}
	for i := range n {
		off[i+1] += off[i]
	}
	flat := make([]int32, n)
	fill := off[:n:n]
	for _, x := range byDepth {
		r := root[x]
		flat[fill[r]] = x
		fill[r]++
	}
	f := forest{nodes: flat, off: make([]int32, len(roots)+1)}
	for k, r := range roots {
		f.off[k+1] = fill[r] // trees lie in root order
	}
	return f
}

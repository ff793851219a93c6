package simulate

import (
	"math"
	"slices"
)

// Exact availability by factoring on modules: the first method tried for
// every service, before enumeration (availability_cone.go) and Monte Carlo
// (availability_mc.go), which remain for the cones it cannot finish.
//
// The cone is condensed into a DAG: a cycle of resources, placements and
// services fails as one (each needs the next, so if one is DOWN all are,
// and with none failing the greatest fixpoint keeps all UP), so it becomes
// one node that fails if any of its members fails by itself. A cycle
// through a group has no such form: the method gives up on it.
//
// Given the failure-prone nodes decided so far, a pass over the DAG,
// children first, finds the nodes that are certainly DOWN (with every
// undecided node UP), certainly UP (with every undecided node DOWN) or
// random. If no random node is needed by two random nodes on the way to
// the service, the random part is a tree of independent parts, and one
// more pass gives P(DOWN) exactly: an AND node is UP when it and every
// child are, a group is DOWN when more members than its slack are
// (Poisson-binomial, the tail summed directly so rare failures keep their
// digits). Otherwise the lowest such shared node w has a sub-cone reached
// only through w (a module), so P(w DOWN) is exact, and
//
//	P(DOWN) = P(w DOWN) P(DOWN | w DOWN) + P(w UP) P(DOWN | w UP),
//
// each branch with w's state fixed, until the service's state is certain or
// nothing random is shared. The shared nodes are mostly zones (every
// instance of a pool needs one, and so do the zone groups of databases and
// load balancers): a service in one region costs a few passes over its
// cone. A cone that spans many regions through service calls shares too
// many zones to split on them all within the bounds, and is sampled.

// Bounds of one service's factoring; past either, the older methods take
// over. maxFactorPasses counts passes over the condensed cone;
// maxShared is the most shared nodes one branch may still have to split
// on (each can double the branches).
const (
	maxFactorPasses = 64
	maxShared       = 8
)

// factorNet is one service's condensed cone; nodes are in children-first
// order and the service's node is the last. Buffers are reused.
type factorNet struct {
	m    *Model
	loc  []int32 // global -> local cone index, -1 outside (n long)
	comp []int32 // local cone index -> DAG node

	// Tarjan's strongly connected components, iteratively.
	index, low []int32
	onStack    []bool
	stack      []int32
	frames     [][3]int32 // cone index, next need, end of needs
	needs      []int32    // needs in cone indices, in push order
	needOff    []int32    // cone index -> its needs' start in needs
	needEnd    []int32    // and end
	members    []int32    // the component being popped

	off, kids, mult []int32 // DAG node v's children kids[off[v]:off[v+1]], each mult times a member
	group           []bool
	slack           []int32
	p               []compDerived // probability the node fails by itself, and its logarithms
	fixed           []int8        // 0 free, fixedUp, fixedDown: a branch decided the node's state
	st              []uint8       // stUp, stRandom or stDown: the bounds lo | hi<<1
	rel             []bool
	d               []float64 // P(DOWN) of relevant random nodes
	logUpD          []float64 // log1p(-d), NaN until needed
	cnt             []int32   // relevant random parents
	seen            []int32   // dedup stamps
	dp              []float64
	work, limit     int
	ms              moduleState
	space           *coneSpace // what the cone's indices number; nil: the estate's nodes
	condensed       bool       // the last solve condensed its cone
	prop            dagProp
	arena           []int32     // the module solver's stack
	saved           []nodeState // its saved node states
}

// upComp is a component none of whose members can fail by itself, its
// values as the general formulas give them.
var upComp = deriveComp(-math.Expm1(0))

const (
	fixedUp   int8 = 1
	fixedDown int8 = 2
)

func (m *Model) newFactorNet() *factorNet {
	f := &factorNet{m: m, loc: make([]int32, m.c.Len())}
	for i := range f.loc {
		f.loc[i] = -1
	}
	return f
}

// exact returns P(service DOWN | the single points UP), single[x] marking
// the single points (global scratch), or ok false when the cone has a
// cycle through a group or the factoring exceeds its budget.
func (f *factorNet) exact(t slaTable, cone []int32, service int32, single []bool) (u float64, ok bool) {
	defer f.release(cone)
	return f.solve(t, cone, service, single)
}

// release forgets the cone's local indices.
func (f *factorNet) release(cone []int32) {
	for _, g := range cone {
		f.loc[g] = -1
	}
}

// solve is exact without the release: when it gives up with condensed
// true, the condensed cone stays for the Monte Carlo propagation.
func (f *factorNet) solve(t slaTable, cone []int32, service int32, single []bool) (u float64, ok bool) {
	f.condensed = f.condense(t, cone, service, single)
	if !f.condensed {
		return 0, false
	}
	n := len(f.group)
	f.work, f.limit = 0, maxFactorPasses*n
	for v := range int32(n) {
		f.bound(v)
	}
	root := int32(n - 1)
	switch {
	case f.st[root] == stDown:
		return 1, true
	case f.st[root] == stUp:
		return 0, true
	}
	f.dropUp()
	f.resetModules(n)
	return f.solveRoot(root)
}

// dropUp removes from the children lists every node certainly UP before
// any split: splits only fix random nodes, so it stays UP in every branch,
// and an UP child counts toward nothing (no bound, walk, module test or
// probability; Monte Carlo's seeds are failure-prone, never such a node).
// The other children keep their order, so every sum keeps its order.
func (f *factorNet) dropUp() {
	n := len(f.group)
	var w, next int32
	for v := range n {
		lo, hi := next, f.off[v+1]
		f.off[v] = w
		for j := lo; j < hi; j++ {
			if f.st[f.kids[j]] != stUp {
				f.kids[w], f.mult[w] = f.kids[j], f.mult[j]
				w++
			}
		}
		next = hi
	}
	f.off[n] = w
	f.kids, f.mult = f.kids[:w], f.mult[:w]
}

// condense builds the DAG of the cone's strongly connected components
// (Tarjan's algorithm; cone and service in f.space's indices), each
// component's children listed as it is emitted: everything it needs is
// emitted before it.
func (f *factorNet) condense(t slaTable, cone []int32, service int32, single []bool) bool {
	m := f.m
	k := len(cone)
	for li, g := range cone {
		f.loc[g] = int32(li)
	}
	f.index = fill(f.index, k, -1)
	f.low, f.comp = resize(f.low, k), resize(f.comp, k) // set when pushed, popped
	f.onStack = fillBool(f.onStack, k)
	f.seen = fill(f.seen, k, -1)
	f.stack, f.frames = f.stack[:0], f.frames[:0]
	f.group, f.slack, f.p = f.group[:0], f.slack[:0], f.p[:0]
	f.off, f.kids, f.mult = append(f.off[:0], 0), f.kids[:0], f.mult[:0]
	var counter, comps int32
	// Every node of the cone is reached from the service, so one walk
	// from it finds every component; the service's is emitted last.
	// A node's needs are read from the estate once, when it is pushed,
	// and kept in cone indices for its component's children.
	f.needs = f.needs[:0]
	f.needOff, f.needEnd = resize(f.needOff, k), resize(f.needEnd, k)
	push := func(v int32) {
		f.index[v], f.low[v] = counter, counter
		counter++
		f.stack = append(f.stack, v)
		f.onStack[v] = true
		start := int32(len(f.needs))
		for _, x := range f.space.needs(m, cone[v]) {
			f.needs = append(f.needs, f.loc[x])
		}
		f.needOff[v], f.needEnd[v] = start, int32(len(f.needs))
		f.frames = append(f.frames, [3]int32{v, start, int32(len(f.needs))})
	}
	push(f.loc[service])
	for len(f.frames) > 0 {
		top := &f.frames[len(f.frames)-1]
		v := top[0]
		descend := int32(-1)
		for top[1] < top[2] {
			w := f.needs[top[1]]
			top[1]++
			if f.index[w] < 0 {
				descend = w
				break
			}
			if f.onStack[w] {
				f.low[v] = min(f.low[v], f.index[w])
			}
		}
		if descend >= 0 {
			push(descend)
			continue
		}
		f.frames = f.frames[:len(f.frames)-1]
		if len(f.frames) > 0 {
			u := f.frames[len(f.frames)-1][0]
			f.low[u] = min(f.low[u], f.low[v])
		}
		if f.low[v] != f.index[v] {
			continue
		}
		// v roots a component: pop it.
		var logUp float64
		size, grp, last := 0, false, int32(-1)
		members := f.members[:0]
		for {
			w := f.stack[len(f.stack)-1]
			f.stack = f.stack[:len(f.stack)-1]
			f.onStack[w] = false
			f.comp[w] = comps
			members = append(members, w)
			g := f.space.node(cone[w])
			size++
			if m.class[g] == clGroup {
				grp = true
			}
			if t.p[g] > 0 && !single[g] {
				logUp += t.logUp(g)
				last = g
			}
			if w == v {
				break
			}
		}
		f.members = members
		if grp && size > 1 {
			return false // a cycle through a group
		}
		f.group = append(f.group, grp)
		f.slack = append(f.slack, 0)
		if grp {
			f.slack[comps] = m.slack[f.space.node(cone[v])]
		}
		switch {
		case last < 0:
			f.p = append(f.p, upComp)
		case size == 1: // the common case: computed once per estate
			f.p = append(f.p, t.derived[t.class[last]].comp)
		default:
			f.p = append(f.p, deriveComp(-math.Expm1(logUp)))
		}
		f.addKids(comps, members)
		comps++
	}
	if int(counter) != k {
		return false // not a cone: cannot happen, but never guess
	}
	n := int(comps)
	f.fixed = fill(f.fixed, n, 0)
	// Set before they are read: lo and hi by the first bounds, the rest
	// by the walks and branches.
	f.st, f.rel = resize(f.st, n), resize(f.rel, n)
	f.d, f.logUpD, f.cnt = resize(f.d, n), resize(f.logUpD, n), resize(f.cnt, n)
	return true
}

// addKids lists component c's children once each, with how many of its
// members (a group's) fall in each, members in cone order.
func (f *factorNet) addKids(c int32, members []int32) {
	if len(members) > 1 {
		slices.Sort(members)
	}
	start := int32(len(f.kids))
	for _, li := range members {
		for _, x := range f.needs[f.needOff[li]:f.needEnd[li]] {
			cx := f.comp[x]
			if cx == c {
				continue
			}
			if s := f.seen[cx]; s >= start {
				f.mult[s]++
				continue
			}
			f.seen[cx] = int32(len(f.kids))
			f.kids = append(f.kids, cx)
			f.mult = append(f.mult, 1)
		}
	}
	f.off = append(f.off, int32(len(f.kids)))
}

package simulate

import (
	"math"
	"slices"
)

// The factoring of availability_factor.go, module by module. A node is a
// module root when every random node below it is needed only from inside
// its own sub-cone (Dutuit and Rauzy's linear-time test: in one depth-first
// walk, every visit of a node below falls between the root's first visit
// and the end of its walk). A module's P(DOWN) depends on nothing outside
// it, so it is solved once, on its own, and then counts as one node with
// that probability: the cost of independent parts adds up instead of
// multiplying. A module value stays valid while the branch it was
// computed in is open, because branching only ever fixes nodes outside
// the modules already solved.

// moduleState is the per-node scratch of the module solver.
type moduleState struct {
	first, last, end []int32 // walk times: first visit, last visit, end of walk
	m1, m2           []int32 // min first / max last visit over the random nodes below
	module, exact    []bool
	leafKids         []bool  // set by spans
	mark             []bool  // below's walk
	bfs              []int32 // below's queue
	cacheCtx         []int32 // branch context a module value was solved in, -1 none
	cacheVal         []float64
	ctxOpen          []bool // per branch context: still open
	cover            []int32
	frames           [][3]int32
}

func (f *factorNet) resetModules(n int) {
	s := &f.ms
	// The walks set the visit times, spans the module tests and branches
	// exact before they read them; only mark and the cache need clearing.
	s.first, s.last, s.end = resize(s.first, n), resize(s.last, n), resize(s.end, n)
	s.m1, s.m2 = resize(s.m1, n), resize(s.m2, n)
	s.module, s.exact, s.mark = resize(s.module, n), resize(s.exact, n), fillBool(s.mark, n)
	s.leafKids = resize(s.leafKids, n)
	s.cacheCtx, s.cacheVal = fill(s.cacheCtx, n, -1), resize(s.cacheVal, n)
	s.ctxOpen = s.ctxOpen[:0]
}

func (f *factorNet) random(v int32) bool { return f.st[v] == stRandom }

// solveModule returns P(r DOWN) given the fixed nodes; r is random and
// the bounds are current.
func (f *factorNet) solveModule(r int32) (float64, bool) {
	mark, smark := len(f.arena), len(f.saved)
	defer func() { f.arena, f.saved = f.arena[:mark], f.saved[:smark] }()
	nodes := f.below(r)
	saved := f.save(nodes)
	u, ok, split := f.branch(r, nodes, true)
	if split {
		f.boundsList(nodes) // the branches' fixes are undone: restore the bounds
	}
	f.restore(nodes, saved)
	return u, ok
}

// solveRoot is solveModule for the service's node: nothing encloses it, so
// nothing is saved or restored.
func (f *factorNet) solveRoot(r int32) (float64, bool) {
	f.arena, f.saved = f.arena[:0], f.saved[:0]
	u, ok, _ := f.branch(r, f.below(r), true)
	return u, ok
}

// nodeState is what a nested solve overwrites of the enclosing branch's
// per-node state.
type nodeState struct {
	first, last, end, m1, m2, cnt int32
	module, exact                 bool
}

func (f *factorNet) save(nodes []int32) []nodeState {
	s := &f.ms
	start := len(f.saved)
	f.saved = slices.Grow(f.saved, len(nodes))[:start+len(nodes)]
	out := f.saved[start:]
	for k, v := range nodes {
		out[k] = nodeState{s.first[v], s.last[v], s.end[v], s.m1[v], s.m2[v], f.cnt[v], s.module[v], s.exact[v]}
	}
	return out
}

func (f *factorNet) restore(nodes []int32, saved []nodeState) {
	s := &f.ms
	for k, v := range nodes {
		x := saved[k]
		s.first[v], s.last[v], s.end[v], s.m1[v], s.m2[v], f.cnt[v], s.module[v], s.exact[v] = x.first, x.last, x.end, x.m1, x.m2, x.cnt, x.module, x.exact
	}
}

// below lists r and the nodes reachable from it through random nodes,
// children first. Fixing nodes only ever makes nodes certain, so the list
// holds every node a branch below may need.
func (f *factorNet) below(r int32) []int32 {
	mark := f.ms.mark
	out := append(f.ms.bfs[:0], r)
	mark[r] = true
	for h := 0; h < len(out); h++ {
		for _, c := range f.kids[f.off[out[h]]:f.off[out[h]+1]] {
			if !mark[c] && f.random(c) {
				mark[c] = true
				out = append(out, c)
			}
		}
	}
	f.ms.bfs = out
	nodes := f.alloc(len(out))
	if len(out)*8 > int(r) { // dense below r (the service's own solve): collect in order
		k := 0
		for v := range r + 1 {
			if mark[v] {
				mark[v] = false
				nodes[k] = v
				k++
			}
		}
		return nodes
	}
	for _, v := range out {
		mark[v] = false
	}
	slices.Sort(out)
	copy(nodes, out)
	return nodes
}

// alloc returns n int32s from the solver's stack (released when the
// solve that took them returns); appends stay within them.
func (f *factorNet) alloc(n int) []int32 {
	start := len(f.arena)
	f.arena = slices.Grow(f.arena, n)[:start+n]
	return f.arena[start : start+n : start+n]
}

// branch returns P(r DOWN) with the current fixes: modules below are
// solved (or taken from the cache), and if r still depends on a node
// shared by two of its parts, r is split on the lowest such node. current
// says the bounds of nodes already hold for the current fixes; split says
// the branch fixed nodes (undone), so they no longer do.
func (f *factorNet) branch(r int32, nodes []int32, current bool) (u float64, ok, split bool) {
	s := &f.ms
	ctx := int32(len(s.ctxOpen))
	s.ctxOpen = append(s.ctxOpen, true)
	mark := len(f.arena)
	defer func() { s.ctxOpen[ctx], f.arena = false, f.arena[:mark] }()
	if f.work += 4 * len(nodes); f.work > f.limit {
		return 0, false, false
	}
	if !current {
		f.boundsList(nodes)
	}
	if f.st[r] == stDown {
		return 1, true, false
	}
	if f.st[r] == stUp {
		return 0, true, false
	}
	end := f.walk(r, nodes)
	rel := f.alloc(len(nodes))[:0]
	for _, v := range nodes {
		if f.rel[v] {
			rel = append(rel, v)
		}
	}

	modules := f.alloc(len(rel))[:0]
	for _, v := range rel {
		if f.spans(v); v != r && s.module[v] {
			modules = append(modules, v)
		}
	}
	if f.shared(rel, modules, end) > maxShared {
		return 0, false, false // too many splits ahead: give up before solving anything
	}
	solved := f.alloc(len(rel))[:0]
	for _, v := range rel {
		if v == r {
			break
		}
		switch {
		case s.leafKids[v]:
			f.setDown(v)
			s.exact[v] = true
		case s.module[v]:
			if c := s.cacheCtx[v]; c >= 0 && s.ctxOpen[c] {
				f.d[v], f.logUpD[v] = s.cacheVal[v], math.NaN()
			} else {
				u, ok := f.solveModule(v)
				if !ok {
					return 0, false, false
				}
				f.d[v], f.logUpD[v], s.cacheCtx[v], s.cacheVal[v] = u, math.NaN(), ctx, u
			}
			s.exact[v] = true
			solved = append(solved, v)
		default:
			s.exact[v] = false
		}
	}
	if s.leafKids[r] {
		d, _ := f.down(r)
		return d, true, false
	}
	w := f.splitNode(rel, solved, end)
	if w < 0 {
		return 0, false, false // cannot happen: the lowest shared node is a module
	}
	pw := f.d[w]
	f.fixed[w] = fixedDown
	down, ok, _ := f.branch(r, nodes, false)
	if ok {
		f.fixed[w] = fixedUp
		var up float64
		up, ok, _ = f.branch(r, nodes, false)
		down = pw*down + (1-pw)*up
	}
	f.fixed[w] = 0
	return down, ok, true
}

// boundsList is bounds over nodes only (children first): every other node
// reachable from them is certain, and certain nodes never change.
func (f *factorNet) boundsList(nodes []int32) {
	for _, v := range nodes {
		f.bound(v)
	}
}

// down is P(v DOWN) from independent children, and log1p(-P) when it is
// known without computing it (NaN otherwise).
func (f *factorNet) down(v int32) (d, logUp float64) {
	kids, mult := f.kids[f.off[v]:f.off[v+1]], f.mult[f.off[v]:f.off[v+1]]
	if f.group[v] {
		return f.groupDown(v, kids, mult), math.NaN()
	}
	logUp = f.p[v].logUp
	leaf := true
	for _, c := range kids {
		if f.random(c) {
			leaf = false
			logUp += f.logUpOf(c)
		}
	}
	if leaf { // the sum is logUp alone: its values are the component's
		return f.p[v].leaf, f.p[v].logUpLeaf
	}
	return -math.Expm1(logUp), math.NaN()
}

// setDown sets d[v] from v's independent children.
func (f *factorNet) setDown(v int32) { f.d[v], f.logUpD[v] = f.down(v) }

// logUpOf is log1p(-d[c]), computed once per value of d[c].
func (f *factorNet) logUpOf(c int32) float64 {
	if x := f.logUpD[c]; x == x {
		return x
	}
	x := math.Log1p(-f.d[c])
	f.logUpD[c] = x
	return x
}

// fill returns s resized to n with every element x.
func fill[T any](s []T, n int, x T) []T {
	s = slices.Grow(s[:0], n)[:n]
	for i := range s {
		s[i] = x
	}
	return s
}

// resize returns s resized to n, contents undefined.
func resize[T any](s []T, n int) []T { return slices.Grow(s[:0], n)[:n] }

func fillBool(s []bool, n int) []bool {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

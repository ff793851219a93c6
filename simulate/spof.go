package simulate

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// The SPOF scan fails every resource and placement node alone. Each root
// (see inherit.go) is one event-driven propagation (see propagator): its
// cost is the root's real DOWN cone, which groups cut short; the nodes of
// its tree are derived from it without propagating again. So the scan costs
// the sum of the roots' cones, not candidates x graph. Workers on every CPU
// take runs of roots as they free up; the merge sums, sorts the records by
// node, or keys them by candidate, so the result does not depend on
// scheduling.

// spofRec is one candidate that takes critical services down alone.
type spofRec struct {
	node     int32
	services []int32 // critical services DOWN, sorted
	chain    int32   // into scanResult.links: the proof's last link
}

// placementRec is a placement node's single-failure blast radius (the
// provider, region, zone and managed-service sweeps).
type placementRec struct {
	node      int32
	services  []int32 // every service DOWN, sorted
	resources int
}

// partialHit: candidate cand takes hits members of group g DOWN, and g holds.
type partialHit struct{ g, cand, hits int32 }

// scanResult is everything the audit learns from single failures.
type scanResult struct {
	// killed[k][L]: candidates of score level L whose failure alone takes
	// m.services[k] DOWN (the service itself excluded).
	killed     [][4]int32
	spofs      []spofRec
	placements []placementRec
	// dpKilled: candidate -> double-point services it kills alone.
	dpKilled map[int32][]int32
	partial  []partialHit
	// cone[x] is the size of candidate x's DOWN cone (workers write
	// disjoint entries).
	cone []int32
	// links hold every proof chain once (see chainLinks).
	links chainLinks
	// single[k] lists the failure-prone candidates whose failure alone
	// takes m.services[k] down (a stand-in failing itself included),
	// sorted: availability's single points. Only when asked for.
	single [][]int32
	// pairs are (service position, node) as found, before single;
	// singleN[k] counts those of service position k.
	pairs   chunked[[2]int32]
	singleN []int32
}

// svcPos maps a node index to its position in m.services, or -1.
func (m *Model) svcPos() []int32 {
	pos := make([]int32, m.c.Len())
	for i := range pos {
		pos[i] = -1
	}
	for k, s := range m.services {
		pos[s] = int32(k)
	}
	return pos
}

func (m *Model) candidates() []int32 {
	var out []int32
	for i := range m.c.Len() {
		if m.IsCandidate(int32(i)) {
			out = append(out, int32(i))
		}
	}
	return out
}

// scan runs the SPOF scan. dpCone limits partial-hit records to the groups
// double points can come from (nil: record none). With sla (the failure
// probability of each node), it also lists availability's single points.
func (m *Model) scan(dpCone []bool, sla []float64) *scanResult {
	var single [][]int32
	out := m.scanThen(dpCone, sla, func(pairs []*scanResult) {
		if sla != nil {
			single = m.singlePoints(pairs)
		}
	})
	out.single = single
	return out
}

// scanThen is scan less the single points: as soon as the workers are done,
// before merging their records, it calls pairs with their (service, node)
// pairs, from which singlePoints makes them, so the audit can start the
// availability estimate beside the merge and the rest.
func (m *Model) scanThen(dpCone []bool, sla []float64, pairs func([]*scanResult)) *scanResult {
	trees := m.rootTrees(m.upLinks())
	// Keep only trees holding a candidate: nothing else is reported.
	trees.keep(func(t []int32) bool { return slices.ContainsFunc(t, m.IsCandidate) })
	pos := m.svcPos()
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, trees.len()/1024+1))
	parts := make([]*scanResult, workers)
	cone := make([]int32, m.c.Len())
	var next atomic.Int64 // the next run of scanTrees trees to take
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { parts[w] = m.scanRoots(&trees, &next, pos, dpCone, sla, cone) })
	}
	wg.Wait()
	pp := make([]*scanResult, len(parts))
	for w, p := range parts {
		pp[w] = &scanResult{pairs: p.pairs, singleN: p.singleN}
		p.pairs, p.singleN = chunked[[2]int32]{}, nil
	}
	pairs(pp)
	out := &scanResult{killed: make([][4]int32, len(m.services)), dpKilled: map[int32][]int32{}, cone: cone}
	out.links.grow(parts)
	for _, p := range parts {
		for k := range out.killed {
			for l := range 4 {
				out.killed[k][l] += p.killed[k][l]
			}
		}
		shift := int32(len(out.links.node))
		for _, r := range p.spofs {
			r.chain += shift
			out.spofs = append(out.spofs, r)
		}
		out.links.append(&p.links)
		out.placements = append(out.placements, p.placements...)
		out.partial = append(out.partial, p.partial...)
		for c, s := range p.dpKilled {
			out.dpKilled[c] = s
		}
	}
	slices.SortFunc(out.spofs, func(a, b spofRec) int { return cmp.Compare(a.node, b.node) })
	slices.SortFunc(out.placements, func(a, b placementRec) int { return cmp.Compare(a.node, b.node) })
	return out
}

// rootScan is one worker's state.
type rootScan struct {
	m      *Model
	pos    []int32
	dpCone []bool
	sla    []float64
	r      *scanResult
	p      *propagator
	chains *chainTree
	// Per tree node: how many nodes and resources P(x) adds to the root's
	// cone, and the services on P(x) that the root does not take down
	// (pathSvc[x] indexes svcLists, which the tree's nodes share; 0 is
	// none).
	pathLen, pathRes, pathSvc []int32
	svcLists                  [][]int32
	// lists holds the records' service lists.
	lists     int32Arena
	crit, dps []int32 // scratch
}

// scanTrees is how many trees a scan worker takes at a time: roots differ
// widely in cost (the heavy ones come first), so fixed shares left one
// worker scanning alone for most of the scan.
const scanTrees = 64

// scanRoots scans runs of scanTrees trees of the forest, each the next not
// yet taken, until none is left. Which worker scans a tree never shows in
// the result: the merge sums, sorts by node, or keys by candidate.
func (m *Model) scanRoots(trees *forest, next *atomic.Int64, pos []int32, dpCone []bool, sla []float64, cone []int32) *scanResult {
	n := m.c.Len()
	rs := &rootScan{
		m: m, pos: pos, dpCone: dpCone, sla: sla, p: newPropagator(m), chains: newChainTree(m),
		r:       &scanResult{killed: make([][4]int32, len(m.services)), dpKilled: map[int32][]int32{}},
		pathLen: make([]int32, n), pathRes: make([]int32, n), pathSvc: make([]int32, n),
		svcLists: [][]int32{nil},
	}
	if sla != nil {
		rs.r.singleN = make([]int32, len(m.services))
	}
	var rootSvcs, svcs []int32
	for lo := int(next.Add(1)-1) * scanTrees; lo < trees.len(); lo = int(next.Add(1)-1) * scanTrees {
		rs.scanRun(trees, lo, min(lo+scanTrees, trees.len()), cone, &rootSvcs, &svcs)
	}
	return rs.r
}

// scanRun scans trees lo to hi.
func (rs *rootScan) scanRun(trees *forest, lo, hi int, cone []int32, rootSvcsP, svcsP *[]int32) {
	m, pos := rs.m, rs.pos
	rootSvcs, svcs := *rootSvcsP, *svcsP
	defer func() { *rootSvcsP, *svcsP = rootSvcs, svcs }()
	for k := lo; k < hi; k++ {
		tree := trees.tree(k)
		root := tree[0]
		p := rs.p
		p.fail(root)
		resources := 0
		rootSvcs = rootSvcs[:0]
		for _, i := range p.queue {
			if m.class[i] == clResource {
				resources++
			}
			if pos[i] >= 0 {
				rootSvcs = append(rootSvcs, i)
			}
		}
		if len(rootSvcs) > len(m.services)/32 {
			// A wide cascade: one pass over the sorted services beats sorting.
			rootSvcs = p.servicesDown(rootSvcs[:0], m.services)
		} else {
			slices.Sort(rootSvcs)
		}
		first := len(rs.r.spofs)
		for _, x := range tree {
			// P(x) = x plus P(up(x)), less what the root already takes down.
			var plen, pres, list int32
			if x != root {
				u := m.c.NeededBy(x)[0]
				plen, pres, list = rs.pathLen[u], rs.pathRes[u], rs.pathSvc[u]
				if !p.down[u] && pos[u] >= 0 {
					psvc := rs.svcLists[list]
					k, _ := slices.BinarySearch(psvc, u)
					list = int32(len(rs.svcLists))
					rs.svcLists = append(rs.svcLists, slices.Insert(slices.Clone(psvc), k, u))
				}
				if !p.down[x] {
					plen++
					if m.class[x] == clResource {
						pres++
					}
				}
				rs.pathLen[x], rs.pathRes[x], rs.pathSvc[x] = plen, pres, list
			}
			psvc := rs.svcLists[list]
			if !m.IsCandidate(x) {
				continue
			}
			cone[x] = int32(len(p.queue)) + plen
			svcs = mergeWithout(svcs[:0], rootSvcs, psvc, x)
			rs.record(x, svcs, resources+int(pres))
		}
		if first < len(rs.r.spofs) {
			rs.chains.prove(p.down, tree, rs.r.spofs[first:], &rs.r.links)
		}
		for _, x := range tree[1:] {
			rs.pathSvc[x] = 0
		}
		clear(rs.svcLists[1:])
		rs.svcLists = rs.svcLists[:1]
		p.reset()
	}
}

// record adds candidate x, whose failure alone takes svcs down (sorted, x
// excluded), to the result. A SPOF's proof chain is added later, for all
// SPOFs of a tree at once.
func (rs *rootScan) record(x int32, svcs []int32, resources int) {
	m, r := rs.m, rs.r
	lvl := m.scoreLevel(x)
	crit, dps := rs.crit[:0], rs.dps[:0]
	for _, s := range svcs {
		if lvl >= 0 {
			r.killed[rs.pos[s]][lvl]++
		}
		if m.IsCritical(s) {
			crit = append(crit, s)
		}
		if m.Tier(s) <= m.opt.DoublePointTier {
			dps = append(dps, s)
		}
	}
	rs.crit, rs.dps = crit, dps
	if len(crit) > 0 {
		r.spofs = append(r.spofs, spofRec{node: x, services: rs.lists.clone(crit), chain: -1})
	}
	if len(dps) > 0 {
		r.dpKilled[x] = rs.lists.clone(dps)
	}
	if rs.sla != nil && rs.sla[x] > 0 {
		for _, s := range svcs {
			r.pairs.add([2]int32{rs.pos[s], x})
			r.singleN[rs.pos[s]]++
		}
		if rs.pos[x] >= 0 { // a stand-in failing itself: it is its own resource
			r.pairs.add([2]int32{rs.pos[x], x})
			r.singleN[rs.pos[x]]++
		}
	}
	if m.class[x] == clPlacement {
		r.placements = append(r.placements, placementRec{node: x, services: rs.lists.clone(svcs), resources: resources})
	}
	if rs.dpCone != nil {
		// The nodes on P(x) have one non-group dependant each, so they hit
		// no group: x hits exactly the groups its root hits.
		p := rs.p
		for _, g := range p.groups {
			if !p.down[g] && rs.dpCone[g] {
				r.partial = append(r.partial, partialHit{g, x, p.hits[g]})
			}
		}
	}
}

// singlePoints gathers the workers' (service, node) pairs into one sorted
// list per service, all in one block.
func (m *Model) singlePoints(parts []*scanResult) [][]int32 {
	off := make([]int32, len(m.services)+1)
	for _, p := range parts {
		for k, c := range p.singleN {
			off[k+1] += c
		}
	}
	for k := range m.services {
		off[k+1] += off[k]
	}
	flat := make([]int32, off[len(m.services)])
	fill := slices.Clone(off[:len(m.services)])
	for _, p := range parts {
		p.pairs.each(func(sx [2]int32) {
			flat[fill[sx[0]]] = sx[1]
			fill[sx[0]]++
		})
		p.pairs = chunked[[2]int32]{}
	}
	single := make([][]int32, len(m.services))
	for k := range single {
		if lo, hi := off[k], off[k+1]; hi > lo {
			single[k] = flat[lo:hi:hi]
			slices.Sort(single[k])
		}
	}
	return single
}

// mergeWithout appends to dst the union of sorted a and b, less x.
func mergeWithout(dst, a, b []int32, x int32) []int32 {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var v int32
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			v, i = a[i], i+1
		case i == len(a) || b[j] < a[i]:
			v, j = b[j], j+1
		default:
			v, i, j = a[i], i+1, j+1
		}
		if v != x {
			dst = append(dst, v)
		}
	}
	return dst
}

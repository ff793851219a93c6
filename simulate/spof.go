package simulate

import (
	"runtime"
	"slices"
	"sync"
)

// The SPOF scan fails every resource and placement node alone. Each failure
// is one event-driven propagation (see propagator): its cost is the node's
// real DOWN cone, which groups cut short, so the scan costs the sum of the
// cones, not candidates x graph. Candidates are split over the CPUs in
// contiguous ranges and merged in order, so the result does not depend on
// scheduling.

// spofRec is one candidate that takes critical services down alone.
type spofRec struct {
	node     int32
	services []int32 // critical services DOWN, sorted
	chain    []int32 // first such service ... node
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
// double points can come from (nil: record none).
func (m *Model) scan(dpCone []bool) *scanResult {
	cands := m.candidates()
	pos := m.svcPos()
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, len(cands)/1024+1))
	parts := make([]*scanResult, workers)
	cone := make([]int32, m.c.Len())
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := len(cands)*w/workers, len(cands)*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = m.scanRange(cands[lo:hi], pos, dpCone, cone)
		}()
	}
	wg.Wait()
	out := &scanResult{killed: make([][4]int32, len(m.services)), dpKilled: map[int32][]int32{}, cone: cone}
	for _, p := range parts {
		for k := range out.killed {
			for l := range 4 {
				out.killed[k][l] += p.killed[k][l]
			}
		}
		out.spofs = append(out.spofs, p.spofs...)
		out.placements = append(out.placements, p.placements...)
		out.partial = append(out.partial, p.partial...)
		for c, s := range p.dpKilled {
			out.dpKilled[c] = s
		}
	}
	return out
}

func (m *Model) scanRange(cands, pos []int32, dpCone []bool, cone []int32) *scanResult {
	r := &scanResult{killed: make([][4]int32, len(m.services)), dpKilled: map[int32][]int32{}}
	p := newPropagator(m)
	bfs := newChainFinder(m)
	var svcs, crit, dps []int32
	for _, x := range cands {
		p.fail(x)
		cone[x] = int32(len(p.queue))
		lvl := m.scoreLevel(x)
		svcs, crit, dps = svcs[:0], crit[:0], dps[:0]
		resources := 0
		for _, i := range p.queue {
			if m.class[i] == clResource {
				resources++
			}
			if pos[i] < 0 || i == x {
				continue // not a service, or a stand-in failing itself
			}
			svcs = append(svcs, i)
			if lvl >= 0 {
				r.killed[pos[i]][lvl]++
			}
		}
		if len(svcs) > len(m.services)/32 {
			// A wide cascade: one pass over the sorted services beats sorting.
			svcs = p.servicesDown(svcs[:0], m.services)
			if k := slices.Index(svcs, x); k >= 0 {
				svcs = slices.Delete(svcs, k, k+1)
			}
		} else {
			slices.Sort(svcs)
		}
		for _, s := range svcs {
			if m.IsCritical(s) {
				crit = append(crit, s)
			}
			if m.Tier(s) <= m.opt.DoublePointTier {
				dps = append(dps, s)
			}
		}
		if len(crit) > 0 {
			r.spofs = append(r.spofs, spofRec{node: x, services: slices.Clone(crit), chain: bfs.chain(p.down, crit[0], x)})
		}
		if len(dps) > 0 {
			r.dpKilled[x] = slices.Clone(dps)
		}
		if m.class[x] == clPlacement {
			r.placements = append(r.placements, placementRec{node: x, services: slices.Clone(svcs), resources: resources})
		}
		if dpCone != nil {
			for _, g := range p.groups {
				if !p.down[g] && dpCone[g] {
					r.partial = append(r.partial, partialHit{g, x, p.hits[g]})
				}
			}
		}
		p.reset()
	}
	return r
}

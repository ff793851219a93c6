package simulate

import (
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/untether-dev/untether/graph"
)

// Dependency cones. The cone of a service is every node reachable from it
// over needs edges: everything it depends on at all. Scores, lock-in and
// concentration all sum over cones, so cones are computed bit-parallel: 64
// services share one machine word per node, and a worklist pushes each
// node's word into the nodes it needs until nothing changes (cycles converge
// because a word only gains bits, at most 64 times). One batch costs the size
// of the union of 64 cones, not 64 separate walks.

// scoreLevels are the failure levels of the resilience score, in order.
var scoreLevels = [4]graph.Level{graph.LevelResource, graph.LevelZone, graph.LevelRegion, graph.LevelProvider}

// scoreLevel maps node i to its index in scoreLevels, or -1.
func (m *Model) scoreLevel(i int32) int {
	switch m.class[i] {
	case clResource:
		return 0
	case clPlacement:
		switch m.c.Nodes[i].Level {
		case "zone":
			return 1
		case "region":
			return 2
		case "provider":
			return 3
		}
	}
	return -1
}

// forEachCone calls fn once per batch of up to 64 services with the nodes
// reached and, per node, the bitmask of the batch's services whose cone
// holds it (bit k = svcs[base+k]; a service's cone holds itself). Batches
// are independent, so each worker takes the next one not yet taken (cones
// differ widely in cost: a fixed share left one worker running alone for
// long); fn receives the worker's number so it can accumulate into
// per-worker sums without locks, and places per-service results by base,
// so which worker ran a batch never shows in the result.
func (m *Model) forEachCone(svcs []int32, fn func(worker, base int, touched []int32, mask []uint64)) {
	batches := (len(svcs) + 63) / 64
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, batches))
	var next atomic.Int64 // the next batch to take
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { m.coneWorker(svcs, w, &next, fn) })
	}
	wg.Wait()
}

// coneScratch is a cone worker's node-sized state, clean between uses
// (every mask back to 0, nothing queued), so the audit's several passes
// over the cones share it through Model.cone instead of allocating it.
type coneScratch struct {
	mask           []uint64
	inq            []bool
	touched, queue []int32
}

func (m *Model) coneWorker(svcs []int32, w int, next *atomic.Int64, fn func(worker, base int, touched []int32, mask []uint64)) {
	sc, _ := m.cone.Get().(*coneScratch)
	if sc == nil {
		n := m.c.Len()
		sc = &coneScratch{mask: make([]uint64, n), inq: make([]bool, n)}
	}
	defer m.cone.Put(sc)
	mask, inq := sc.mask, sc.inq
	touched, queue := sc.touched, sc.queue
	defer func() { sc.touched, sc.queue = touched[:0], queue[:0] }()
	for start := int(next.Add(1)-1) * 64; start < len(svcs); start = int(next.Add(1)-1) * 64 {
		batch := svcs[start:min(start+64, len(svcs))]
		touched, queue = touched[:0], queue[:0]
		for k, s := range batch {
			if mask[s] == 0 {
				touched = append(touched, s)
			}
			mask[s] |= 1 << uint(k)
			if !inq[s] {
				inq[s] = true
				queue = append(queue, s)
			}
		}
		for h := 0; h < len(queue); h++ {
			x := queue[h]
			inq[x] = false
			mx := mask[x]
			for _, y := range m.c.Needs(x) {
				if nm := mask[y] | mx; nm != mask[y] {
					if mask[y] == 0 {
						touched = append(touched, y)
					}
					mask[y] = nm
					if !inq[y] {
						inq[y] = true
						queue = append(queue, y)
					}
				}
			}
		}
		fn(w, start, touched, mask)
		for _, i := range touched {
			mask[i] = 0
		}
	}
}

// coneStats is what one pass over every service cone yields.
type coneStats struct {
	// domains[k][L] counts nodes of score level L in the cone of
	// m.services[k], the service itself excluded.
	domains [][4]int32
	// crit[i] sums the tier weights of the services whose cone holds i;
	// critW[i] of the critical ones only.
	crit, critW []int32
	// dpCone[i]: i is in the cone of a service that gets double points.
	dpCone []bool
}

func (m *Model) cones() *coneStats {
	n := m.c.Len()
	cs := &coneStats{domains: make([][4]int32, len(m.services)), crit: make([]int32, n), critW: make([]int32, n), dpCone: make([]bool, n)}
	w := make([]int32, len(m.services))  // tier weight
	cw := make([]int32, len(m.services)) // tier weight if critical
	dp := make([]bool, len(m.services))
	for k, s := range m.services {
		w[k] = int32(TierWeight(m.Tier(s)))
		if m.IsCritical(s) {
			cw[k] = w[k]
		}
		dp[k] = m.Tier(s) <= m.opt.DoublePointTier
	}
	// Per-worker node sums, merged at the end (domains are per service,
	// and each service is in exactly one batch, so they need no merging).
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, (len(m.services)+63)/64))
	crit, critW, dpc := make([][]int32, workers), make([][]int32, workers), make([][]bool, workers)
	for k := range workers {
		crit[k], critW[k], dpc[k] = make([]int32, n), make([]int32, n), make([]bool, n)
	}
	m.forEachCone(m.services, func(wk, base int, touched []int32, mask []uint64) {
		var dpMask uint64
		for k := 0; k < 64 && base+k < len(dp); k++ {
			if dp[base+k] {
				dpMask |= 1 << uint(k)
			}
		}
		for _, i := range touched {
			mk := mask[i]
			if mk&dpMask != 0 {
				dpc[wk][i] = true
			}
			lvl := m.scoreLevel(i)
			for b := mk; b != 0; b &= b - 1 {
				k := base + bits.TrailingZeros64(b)
				crit[wk][i] += w[k]
				critW[wk][i] += cw[k]
				if lvl >= 0 && m.services[k] != i {
					cs.domains[k][lvl]++
				}
			}
		}
	})
	for k := range workers {
		for i := range n {
			cs.crit[i] += crit[k][i]
			cs.critW[i] += critW[k][i]
			cs.dpCone[i] = cs.dpCone[i] || dpc[k][i]
		}
	}
	return cs
}

package simulate

import "math/bits"

// Dependency cones. The cone of a service is every node reachable from it
// over needs edges: everything it depends on at all. Scores, lock-in and
// concentration all sum over cones, so cones are computed bit-parallel: 64
// services share one machine word per node, and a worklist pushes each
// node's word into the nodes it needs until nothing changes (cycles converge
// because a word only gains bits, at most 64 times). One batch costs the size
// of the union of 64 cones, not 64 separate walks.

// scoreLevels are the failure levels of the resilience score, in order.
var scoreLevels = [4]string{"resource", "zone", "region", "provider"}

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
// holds it (bit k = batch[k]; a service's cone holds itself).
func (m *Model) forEachCone(svcs []int32, fn func(batch, touched []int32, mask []uint64)) {
	n := m.c.Len()
	mask := make([]uint64, n)
	inq := make([]bool, n)
	var touched, queue []int32
	for start := 0; start < len(svcs); start += 64 {
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
		fn(batch, touched, mask)
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
	var w, cw [64]int32
	var dp uint64
	base := 0
	m.forEachCone(m.services, func(batch, touched []int32, mask []uint64) {
		dp = 0
		for k, s := range batch {
			w[k] = int32(TierWeight(m.Tier(s)))
			cw[k] = 0
			if m.IsCritical(s) {
				cw[k] = w[k]
			}
			if m.Tier(s) <= m.opt.DoublePointTier {
				dp |= 1 << uint(k)
			}
		}
		for _, i := range touched {
			mk := mask[i]
			cs.dpCone[i] = cs.dpCone[i] || mk&dp != 0
			lvl := m.scoreLevel(i)
			for b := mk; b != 0; b &= b - 1 {
				k := bits.TrailingZeros64(b)
				cs.crit[i] += w[k]
				cs.critW[i] += cw[k]
				if lvl >= 0 && batch[k] != i {
					cs.domains[base+k][lvl]++
				}
			}
		}
		base += len(batch)
	})
	return cs
}

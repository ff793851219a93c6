package simulate

import (
	"cmp"
	"slices"
)

// Double points of failure (order-2 cut sets) for the services with tier <=
// DoublePointTier, computed exactly without trying every pair.
//
// Theorem. Let D(X) be the DOWN set when X fails, hits_x(g) = |members(g) ∩
// D({x})| and slack(g) = members(g) - need(g). If {a,b} takes service s DOWN
// but neither a nor b alone does, then some group g reachable from s (over
// needs edges) has 1 <= hits_a(g), 1 <= hits_b(g), g is UP under a and under
// b alone, and hits_a(g) + hits_b(g) > slack(g).
//
// Proof. U = D({a}) ∪ D({b}) contains a and b. A resource, placement or
// service node needing a node of U is already in D({a}) or D({b}) (each is
// closed under rule 2), so U is closed under rule 2. If U were also closed
// under rule 3 it would be a fixpoint containing {a,b}, so D({a,b}) = U (the
// least one) and s ∉ U would stay UP. So the least-fixpoint iteration from U
// makes new nodes fall, and every new node falls, directly or through new
// nodes, because of a group g ∉ U whose DOWN members inside U already exceed
// slack(g): the first new node is such a group (a non-group with a DOWN
// requirement in U is in U), and every later new node needs a new node or
// is such a group. Following the reason backwards from s gives a needs-path
// from s to such a g, so g is reachable from s. For it, |members ∩ U| <=
// hits_a + hits_b and > slack, while g ∉ U means hits_a, hits_b <= slack;
// hence both are >= 1 and g is partially hit by both. ∎
//
// So the scan records, per candidate, the groups it hits partially inside
// the cones of double-point services; pairs come only from candidates sharing
// such a group with enough hits together, and each pair is then confirmed by
// a real joint propagation (the filter never drops a true pair; the
// propagation drops every false one).

// pairRec is one confirmed double point.
type pairRec struct {
	a, b     int32 // a < b
	services []int32
}

func (m *Model) doublePoints(sr *scanResult) []pairRec {
	if len(m.dpServices) == 0 || len(sr.partial) == 0 {
		return nil
	}
	hits := slices.Clone(sr.partial)
	slices.SortFunc(hits, func(x, y partialHit) int {
		return cmp.Or(cmp.Compare(x.g, y.g), cmp.Compare(y.hits, x.hits), cmp.Compare(x.cand, y.cand))
	})
	var pairs [][2]int32
	same := m.sameFailure()
	for lo := 0; lo < len(hits); {
		hi := lo
		for hi < len(hits) && hits[hi].g == hits[lo].g {
			hi++
		}
		grp, slack := hits[lo:hi], m.slack[hits[lo].g]
		for i := range grp { // sorted by hits descending: stop once the sum is too small
			for j := i + 1; j < len(grp) && grp[i].hits+grp[j].hits > slack; j++ {
				a, b := same(grp[i].cand), same(grp[j].cand)
				if a != b {
					pairs = append(pairs, [2]int32{min(a, b), max(a, b)})
				}
			}
		}
		lo = hi
	}
	// Confirm each pair by propagation. Pairs are grouped by the member with
	// the larger single-failure cone (the anchor, often a zone): the anchor
	// fails once, and each partner is failed on top of it and rolled back,
	// so a zone's cone is not recomputed for every instance paired with it.
	for k, pr := range pairs {
		a, b := pr[0], pr[1]
		if sr.cone[b] > sr.cone[a] || (sr.cone[b] == sr.cone[a] && b < a) {
			a, b = b, a
		}
		pairs[k] = [2]int32{a, b}
	}
	slices.SortFunc(pairs, func(x, y [2]int32) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	pairs = slices.Compact(pairs)

	p := newPropagator(m)
	var out []pairRec
	for lo := 0; lo < len(pairs); {
		anchor := pairs[lo][0]
		p.fail(anchor)
		p.checkpoint()
		for ; lo < len(pairs) && pairs[lo][0] == anchor; lo++ {
			partner := pairs[lo][1]
			p.fail(partner)
			// Services the anchor takes down alone fell before the
			// checkpoint; of the rest, keep those the partner does not
			// take down alone either.
			var svcs []int32
			alone := sr.dpKilled[partner]
			for _, s := range p.queue[p.cpQ:] {
				if m.tier[s] != 0 && int(m.tier[s]) <= m.opt.DoublePointTier && s != partner && !contains(alone, s) {
					svcs = append(svcs, s)
				}
			}
			p.rollback()
			if len(svcs) > 0 {
				slices.Sort(svcs)
				out = append(out, pairRec{min(anchor, partner), max(anchor, partner), svcs})
			}
		}
		p.reset()
	}
	m.sortPairs(out)
	return out
}

// sameFailure maps a candidate to the one id its failure is listed under.
// A placement that one resource or placement alone needs (a SaaS provider
// with one API, a region holding nothing but one zone) fails that node and
// nothing else: the two are one failure under two ids, and a double point
// with either is the same double point. Such nodes form classes (a provider
// over a region over a zone over one instance); each is named by its first
// placement, the failure domain, so double points list it once.
func (m *Model) sameFailure() func(int32) int32 {
	parent := map[int32]int32{}
	find := func(x int32) int32 {
		for {
			if p := parent[x]; p == x {
				return x
			}
			x = parent[x]
		}
	}
	for i := range int32(m.c.Len()) {
		by := m.c.NeededBy(i)
		if m.class[i] != clPlacement || len(by) != 1 || (m.class[by[0]] != clResource && m.class[by[0]] != clPlacement) {
			continue
		}
		for _, x := range [2]int32{i, by[0]} {
			if _, ok := parent[x]; !ok {
				parent[x] = x
			}
		}
		a, b := find(i), find(by[0])
		if a != b {
			parent[max(a, b)] = min(a, b) // the root is the class's least index
		}
	}
	first := map[int32]int32{} // class root -> its first placement
	for x := range parent {
		if r := find(x); m.class[x] == clPlacement {
			if f, ok := first[r]; !ok || x < f {
				first[r] = x
			}
		}
	}
	return func(x int32) int32 {
		if _, ok := parent[x]; !ok {
			return x
		}
		return first[find(x)]
	}
}

// sortPairs orders double points most harmful first, so the capped list
// shows what matters: by the tier weight of the services they take down
// (descending), then pairs of failure domains (placements) before pairs
// involving resources, then by node ids.
func (m *Model) sortPairs(out []pairRec) {
	weight := func(p pairRec) int {
		w := 0
		for _, s := range p.services {
			w += TierWeight(m.Tier(s))
		}
		return w
	}
	resources := func(p pairRec) int {
		n := 0
		for _, x := range [2]int32{p.a, p.b} {
			if m.class[x] == clResource {
				n++
			}
		}
		return n
	}
	slices.SortFunc(out, func(x, y pairRec) int {
		return cmp.Or(cmp.Compare(weight(y), weight(x)), cmp.Compare(resources(x), resources(y)), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
}

func contains(sorted []int32, x int32) bool {
	_, ok := slices.BinarySearch(sorted, x)
	return ok
}

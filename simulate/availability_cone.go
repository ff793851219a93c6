package simulate

import (
	"hash/fnv"
	"math"
	"slices"
)

// Per-service availability on the service's dependency cone. The cone is
// closed under needs edges, so whether the service is DOWN depends only on
// the cone: each service gets a compact copy of its cone and a cone-local
// propagator that runs the propagator's event-driven algorithm (a node is
// queued once when it falls, groups count DOWN members, reset undoes only
// what was touched). A zone failure then costs the part of the zone inside
// the cone, not every node of the zone in the estate.

const (
	// maxExactSteps bounds the propagations of one exact enumeration; past
	// it the service is sampled instead.
	maxExactSteps = 1 << 13
	// mcWork sets the samples per service: mcWork / cone size, clamped to
	// [mcMinSamples, mcMaxSamples], so huge cones take fewer samples.
	mcWork, mcMinSamples, mcMaxSamples = 1 << 16, 256, 2048
	z95                                = 1.959963984540054
)

// coneNet is one service's cone with local indices; local 0.. follow the
// cone's order. It doubles as the cone-local propagator.
type coneNet struct {
	m       *Model
	loc     []int32 // global -> local, -1 outside (worker scratch, n long)
	nodes   []int32 // local -> global
	class   []uint8
	slack   []int32
	byOff   []int32 // local needed-by lists, CSR
	by      []int32
	down    []bool
	hits    []int32
	queue   []int32
	groups  []int32
	service int32  // local index of the service
	single  []bool // global scratch: the service's single points
	buf     [3][]float64
	cones   [64][]int32 // per batch: each service's cone
	other   []int32
	factor  *factorNet

	fill      []int32 // load's scratch
	global    []int32 // a batch cone in node ids
	space     *coneSpace
	sampleLoc []int32 // sample's scratch
}

func (m *Model) newConeNet() *coneNet {
	c := &coneNet{m: m, loc: make([]int32, m.c.Len()), single: make([]bool, m.c.Len()), factor: m.newFactorNet()}
	for i := range c.loc {
		c.loc[i] = -1
	}
	return c
}

// load builds the local copy of cone (global ids, the service among them).
func (c *coneNet) load(cone []int32, service int32) {
	for _, i := range c.nodes {
		c.loc[i] = -1
	}
	k := len(cone)
	c.nodes = append(c.nodes[:0], cone...)
	c.class, c.slack = slices.Grow(c.class[:0], k)[:k], slices.Grow(c.slack[:0], k)[:k]
	c.down, c.hits = slices.Grow(c.down[:0], k)[:k], slices.Grow(c.hits[:0], k)[:k]
	clear(c.down)
	clear(c.hits)
	c.byOff = slices.Grow(c.byOff[:0], k+1)[:k+1]
	clear(c.byOff)
	for li, g := range cone {
		c.loc[g] = int32(li)
	}
	for li, g := range cone {
		c.class[li], c.slack[li] = c.m.class[g], c.m.slack[g]
		for _, x := range c.m.c.Needs(g) {
			c.byOff[c.locOf(x)+1]++
		}
	}
	for i := range k {
		c.byOff[i+1] += c.byOff[i]
	}
	c.by = slices.Grow(c.by[:0], int(c.byOff[k]))[:c.byOff[k]]
	c.fill = append(c.fill[:0], c.byOff[:k]...)
	fill := c.fill
	for li, g := range cone {
		for _, x := range c.m.c.Needs(g) {
			lx := c.locOf(x)
			c.by[fill[lx]] = int32(li)
			fill[lx]++
		}
	}
	c.service = c.loc[service]
}

// locOf is x's local index; the cone is closed under needs, so it exists.
func (c *coneNet) locOf(x int32) int32 { return c.loc[x] }

// downWith fails the local seeds, reports whether the service fell, and resets.
func (c *coneNet) downWith(seeds []int32) bool {
	for _, s := range seeds {
		c.mark(s)
	}
	for h := 0; h < len(c.queue) && !c.down[c.service]; h++ {
		for _, y := range c.by[c.byOff[c.queue[h]]:c.byOff[c.queue[h]+1]] {
			if c.down[y] {
				continue
			}
			if c.class[y] == clGroup {
				if c.hits[y] == 0 {
					c.groups = append(c.groups, y)
				}
				if c.hits[y]++; c.hits[y] <= c.slack[y] {
					continue
				}
			}
			c.mark(y)
		}
	}
	fell := c.down[c.service]
	for _, i := range c.queue {
		c.down[i] = false
	}
	for _, g := range c.groups {
		c.hits[g] = 0
	}
	c.queue, c.groups = c.queue[:0], c.groups[:0]
	return fell
}

func (c *coneNet) mark(i int32) {
	if !c.down[i] {
		c.down[i] = true
		c.queue = append(c.queue, i)
	}
}

// estimate computes one service's unavailability on its cone, given in
// the indices of c.space (the estate's nodes when it has no batch).
func (c *coneNet) estimate(t slaTable, cone []int32, service int32, single []int32) estimate {
	sp := c.space
	e := estimate{singles: len(single), exact: true}
	var logUpS float64
	for _, x := range single {
		logUpS += t.logUp(x)
		c.single[x] = true
	}
	other := c.other[:0] // failure-prone, not single points; global ids
	for _, x := range cone {
		x = sp.node(x)
		if t.unknown[x] {
			e.unknown++
		}
		if t.p[x] > 0 && !c.single[x] {
			other = append(other, x)
		}
	}
	c.other = other
	e.other = len(other)
	pS, upS := -math.Expm1(logUpS), math.Exp(logUpS)
	e.u, e.uLow, e.uHigh = pS, pS, pS
	u, ok := 0.0, len(other) == 0
	c.factor.condensed = false
	if !ok {
		u, ok = c.factor.solve(t, cone, sp.of(service), c.single)
	}
	defer c.factor.release(cone)
	for _, x := range single {
		c.single[x] = false
	}
	if ok {
		e.u = pS + upS*u
		return e
	}
	if sp.batch() && (len(other) <= maxExactNodes || !c.factor.condensed) { // the cone copy works in node ids
		c.global = c.global[:0]
		for _, x := range cone {
			c.global = append(c.global, sp.node(x))
		}
		cone = c.global
	}
	if len(other) <= maxExactNodes {
		c.load(cone, service)
		if u, ok := c.exact(t, other, maxExactSteps); ok {
			e.u = pS + upS*u
			return e
		}
	}
	e.exact = false
	// Sampling propagates over the condensed cone when there is one (the
	// same states fall: a component falls with any member), else over
	// the cone.
	var prop stateJudge = c
	if c.factor.condensed {
		c.factor.prop.load(c.factor)
		prop = &c.factor.prop
	} else if len(other) > maxExactNodes {
		c.load(cone, service)
	}
	q, lo, hi := c.sample(t, other, len(cone), prop, c.m.c.Nodes[service].ID, &e)
	e.u, e.uLow, e.uHigh = pS+upS*e.stratum*q, pS+upS*e.stratum*lo, pS+upS*e.stratum*hi
	return e
}

// exact returns P(DOWN) over the failure states of other (global ids),
// the single points UP, by pivotal decomposition: a node is DOWN (p) or UP
// (1 - p). A branch stops when its outcome is settled, because failures
// only ever take more nodes down: if the failures chosen so far take the
// service down, every completion does (add the branch's probability); if
// failing every node not yet chosen leaves it UP, no completion takes it
// down (add nothing). One propagation per branch; ok is false when the
// branches exceed maxExactSteps.
func (c *coneNet) exact(t slaTable, other []int32, limit int) (u float64, ok bool) {
	order := slices.Clone(other)
	// The most likely failures first: they settle branches soonest.
	slices.SortStableFunc(order, func(a, b int32) int { return cmpFloatDesc(t.p[a], t.p[b]) })
	p := make([]float64, len(order))
	for k, x := range order {
		p[k], order[k] = t.p[x], c.locOf(x)
	}
	if !c.downWith(order) {
		return 0, true
	}
	steps := 0
	failed := make([]int32, 0, len(order))
	seeds := make([]int32, 0, len(order))
	// walk: order[:i] are decided (failed DOWN, the rest UP); the failed
	// alone leave the service UP and failing order[i:] too takes it DOWN.
	var walk func(i int, prob float64)
	walk = func(i int, prob float64) {
		if steps += 2; steps > limit {
			return
		}
		failed = append(failed, order[i])
		if c.downWith(failed) {
			u += prob * p[i]
		} else {
			walk(i+1, prob*p[i])
		}
		failed = failed[:len(failed)-1]
		seeds = append(append(seeds[:0], failed...), order[i+1:]...)
		if i+1 < len(order) && c.downWith(seeds) {
			walk(i+1, prob*(1-p[i]))
		}
	}
	walk(0, 1)
	return u, steps <= limit
}

func cmpFloatDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// seedOf derives a service's sampling seed from its id, so the samples do
// not depend on which worker or batch takes the service.
func seedOf(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

package simulate

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
)

// Availability (DESIGN.md §7): each resource and placement node gets the
// published SLA of its product and configuration from the availability
// catalog; groups and services have none of their own. Treating node
// failures as independent, a service's unavailability is the probability
// that the failure rules of §3 take it DOWN:
//
//	U = P(some single point of the service fails)
//	  + P(no single point fails) x P(DOWN | no single point fails)
//
// The single points S (nodes whose failure alone takes the service down,
// found by the SPOF scan) give
// the first term in closed form, 1 - prod(1 - p). Given S UP, one failure
// cannot take the service down, so the second term comes only from states
// with two or more failures among the other failure-prone nodes F of the
// cone. It is computed exactly by factoring on the cone's shared nodes,
// module by module (availability_factor.go), where that stays within its
// bounds; else, with |F| <= maxExactNodes, by enumerating the states
// (availability_cone.go); otherwise the states are sampled, conditioned on
// at least two failures, with a fixed seed per service.

const (
	// maxExactNodes bounds exact enumeration (2^20 states before pruning).
	maxExactNodes = 20
	// minutesPerYear is 365.25 days.
	minutesPerYear = 365.25 * 24 * 60
	// maxNines caps Nines when nothing in a cone can fail (every SLA 100%).
	maxNines = 12
)

// slaTable is the failure probability of every node. The logarithms the
// estimates take of it are computed once per distinct probability (a
// catalog has few), not once per node of every service's cone.
type slaTable struct {
	p       []float64 // 1 - SLA; 0 for groups, services and 100% SLAs
	unknown []bool    // no catalog entry: the catalog default applies
	class   []int32   // index into derived; nodes of one probability share it
	derived []slaDerived
}

// slaDerived is what the estimates compute from a failure probability p.
type slaDerived struct {
	logUp float64     // log1p(-p): summed over independent nodes
	comp  compDerived // the node as a one-node component of a condensed cone
}

// compDerived is what the factoring computes from the probability q that
// a component of a condensed cone fails by itself, each value exactly as
// the formula it stands for gives it.
type compDerived struct {
	q         float64 // -expm1(sum of the members' logUp)
	logUp     float64 // log1p(-q)
	leaf      float64 // -expm1(logUp): P(DOWN) with no random child
	logUpLeaf float64 // log1p(-leaf): what a parent sums for it as a leaf
}

func deriveComp(q float64) compDerived {
	c := compDerived{q: q, logUp: math.Log1p(-q)}
	c.leaf = -math.Expm1(c.logUp)
	c.logUpLeaf = math.Log1p(-c.leaf)
	return c
}

// logUp is log1p(-p) of node x.
func (t *slaTable) logUp(x int32) float64 { return t.derived[t.class[x]].logUp }

func (m *Model) slaTable() slaTable {
	cat := m.opt.Availability
	t := slaTable{p: make([]float64, m.c.Len()), unknown: make([]bool, m.c.Len())}
	for i, nd := range m.c.Nodes {
		var sla float64
		var ok bool
		switch m.class[i] {
		case clResource:
			var e AvailabilityProduct
			e, ok = cat.Lookup(nd)
			sla = e.SLA
		case clPlacement:
			var e AvailabilityPlacement
			e, ok = cat.LookupPlacement(nd)
			sla = e.SLA
		default:
			continue
		}
		if !ok {
			sla, t.unknown[i] = cat.Default, true
		}
		t.p[i] = 1 - sla/100
	}
	t.class = make([]int32, len(t.p))
	classOf := map[float64]int32{}
	last, lastClass := math.NaN(), int32(0)
	for i, p := range t.p {
		if p != last { // neighbours mostly share a product
			c, ok := classOf[p]
			if !ok {
				c = int32(len(t.derived))
				classOf[p] = c
				lu := math.Log1p(-p)
				t.derived = append(t.derived, slaDerived{logUp: lu, comp: deriveComp(-math.Expm1(lu))})
			}
			last, lastClass = p, c
		}
		t.class[i] = lastClass
	}
	return t
}

// estimate is one service's unavailability before rounding.
type estimate struct {
	u, uLow, uHigh float64
	exact          bool
	singles, other int // |S| and |F|
	samples        int
	stratum        float64 // P(at least two failures in F), Monte Carlo only
	unknown        int     // cone nodes with no catalog entry
}

func (m *Model) availabilityResult(e estimate) *Availability {
	a := &Availability{Value: round9(1 - e.u), Method: m.availabilityMethod(e)}
	a.Nines = maxNines
	if e.u > 0 {
		a.Nines = min(maxNines, round2(-math.Log10(e.u)))
	}
	a.DowntimeMinYr = round2(e.u * minutesPerYear)
	if !e.exact {
		a.Low, a.High = round9(1-e.uHigh), round9(1-e.uLow)
	}
	return a
}

func round9(x float64) float64 { return math.Round(x*1e9) / 1e9 }

func (m *Model) availabilityMethod(e estimate) string {
	s := "SLA-based estimate, not a measurement: each resource and placement node in the service's dependency cone fails independently with probability 1 - its published SLA (availability catalog); "
	switch {
	case e.other == 0:
		s += fmt.Sprintf("exact: the %d single points of failure count in closed form, 1 - prod(1 - p), and no other node can take the service down", e.singles)
	case e.exact:
		s += fmt.Sprintf("exact: the %d single points of failure count in closed form and every failure state of the other %d nodes is enumerated with the failure rules of the model (README, \"The model\")", e.singles, e.other)
	default:
		s += fmt.Sprintf("the %d single points of failure count in closed form; the other %d nodes take it down only two or more at a time, so Monte Carlo (variance reduction by conditioning) samples only states with at least two of them failed, %d samples with a fixed seed, and weights the share that is DOWN by the exact probability of that stratum (%.3g); 95%% Wilson interval",
			e.singles, e.other, e.samples, e.stratum)
	}
	if e.unknown > 0 {
		s += fmt.Sprintf("; defaults: %d nodes have no catalog entry and use the default SLA %g%%", e.unknown, m.opt.Availability.Default)
	}
	return s
}

// serviceAvailability estimates every service, one cone batch at a time
// (forEachCone), each worker with its own cone-local propagator.
func (m *Model) serviceAvailability(t slaTable, single [][]int32) []*Availability {
	out := make([]*Availability, len(m.services))
	if len(m.services) == 0 {
		return out
	}
	nets := make([]*coneNet, max(1, min(runtime.GOMAXPROCS(0), 8)))
	m.forEachCone(m.services, func(w, base int, touched []int32, mask []uint64) {
		if nets[w] == nil {
			nets[w] = m.newConeNet()
			nets[w].space = m.newConeSpace()
			nets[w].factor.space = nets[w].space
		}
		net := nets[w]
		cones := &net.cones
		for k := range cones {
			cones[k] = cones[k][:0]
		}
		net.space.load(touched)
		for bi, i := range touched { // cones in batch indices
			for b := mask[i]; b != 0; b &= b - 1 {
				k := bits.TrailingZeros64(b)
				cones[k] = append(cones[k], int32(bi))
			}
		}
		// A cone's order is the batch walk's, a function of the estate
		// alone, so samples drawn over it are too.
		for k := 0; k < 64 && base+k < len(m.services); k++ {
			out[base+k] = m.availabilityResult(net.estimate(t, cones[k], m.services[base+k], single[base+k]))
		}
		net.space.release()
	})
	return out
}

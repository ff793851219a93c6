package simulate

import (
	"github.com/untether-dev/untether/discover/demo"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestCondensedPropagationMatchesCone checks that Monte Carlo's
// propagation over the condensed cone takes a service down for exactly
// the failure sets the cone-local propagation does, on random estates
// with nested groups, shared members and cycles.
func TestCondensedPropagationMatchesCone(t *testing.T) {
	cat, err := ParseAvailabilityCatalog([]byte(factorSLAs), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	checked, fell := 0, 0
	for seed := range int64(200) {
		m, err := NewModel(randEstate(seed), Options{Availability: cat})
		if err != nil {
			t.Fatal(err)
		}
		tab := m.slaTable()
		c := m.newConeNet()
		f := c.factor
		noSingles := make([]bool, m.c.Len())
		for _, s := range m.services {
			cone := reach(m, s)
			f.solve(tab, cone, s, noSingles)
			if !f.condensed {
				f.release(cone)
				continue
			}
			f.prop.load(f)
			c.load(cone, s)
			for range 20 {
				var coneSeeds, dagSeeds []int32
				odds := 2 + rng.IntN(20) // few to many failures
				for _, x := range cone { // Monte Carlo fails only failure-prone nodes
					if tab.p[x] > 0 && rng.IntN(odds) == 0 {
						coneSeeds = append(coneSeeds, c.local(x))
						dagSeeds = append(dagSeeds, f.prop.local(x))
					}
				}
				want, got := c.downWith(coneSeeds), f.prop.downWith(dagSeeds)
				if got != want {
					t.Fatalf("seed %d, service %s, failing %d nodes: condensed cone says down %v, cone %v", seed, m.id(s), len(coneSeeds), got, want)
				}
				checked++
				if got {
					fell++
				}
			}
			f.release(cone)
		}
	}
	if checked < 1000 || fell == 0 || fell == checked {
		t.Errorf("checked %d failure sets, %d took the service down", checked, fell)
	}
	t.Logf("checked %d failure sets, %d took the service down", checked, fell)
}

// TestEstimateNeedsNoFreshScratch checks that a cone net's reused scratch
// (arrays the passes resize without clearing) never changes an estimate:
// every service of a synthetic estate, and of random estates with cycles
// and groups, is estimated by one net in reverse order and by a fresh net,
// and the raw figures must agree bit for bit.
func TestEstimateNeedsNoFreshScratch(t *testing.T) {
	compared, sampled := 0, 0
	for _, m := range availabilityModels(t, 3000, 2) {
		tab := m.slaTable()
		single := m.scan(m.cones().dpCone, tab.p).single
		reused := m.newConeNet()
		for k := len(m.services) - 1; k >= 0; k-- {
			s := m.services[k]
			cone := reach(m, s)
			got := reused.estimate(tab, cone, s, single[k])
			want := m.newConeNet().estimate(tab, cone, s, single[k])
			if got != want {
				t.Fatalf("service %s: reused scratch gives %+v, fresh %+v", m.id(s), got, want)
			}
			compared++
			if !got.exact {
				sampled++
			}
		}
	}
	t.Logf("compared %d services, %d sampled", compared, sampled)
}

// TestBatchConesMatchNodeCones checks that estimating every service from
// its batch's copy of the needs (cones in batch indices, as the audit
// does) gives what estimating it from the estate's own adjacency gives.
func TestBatchConesMatchNodeCones(t *testing.T) {
	compared := 0
	for _, m := range availabilityModels(t, 5000, 4) {
		tab := m.slaTable()
		single := m.scan(m.cones().dpCone, tab.p).single
		batch := m.serviceAvailability(tab, single)
		// The same cones in node ids, in the batch walk's order (sampling
		// follows the cone's order).
		cones := make([][]int32, len(m.services))
		m.forEachCone(m.services, func(_, base int, touched []int32, mask []uint64) {
			for _, i := range touched {
				for b := mask[i]; b != 0; b &= b - 1 {
					k := base + bits.TrailingZeros64(b)
					cones[k] = append(cones[k], i)
				}
			}
		})
		c := m.newConeNet()
		for k, s := range m.services {
			want := m.availabilityResult(c.estimate(tab, cones[k], s, single[k]))
			if *batch[k] != *want {
				t.Fatalf("service %s: from the batch's needs %+v, from the estate's %+v", m.id(s), *batch[k], *want)
			}
			compared++
		}
	}
	t.Logf("compared %d services", compared)
}

// availabilityModels are 40 random estates with factorSLAs' catalog and
// one synthetic estate of size resources with the built-in catalog.
func availabilityModels(t *testing.T, size int, seed int64) []*Model {
	t.Helper()
	cat, err := ParseAvailabilityCatalog([]byte(factorSLAs), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var models []*Model
	for s := range int64(40) {
		m, err := NewModel(randEstate(s), Options{Availability: cat})
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, m)
	}
	e, err := demo.Generate(size, seed)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return append(models, m)
}

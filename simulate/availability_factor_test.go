package simulate

import (
	"math"
	"testing"
)

// factorSLAs gives every failure-prone node of randEstate a large failure
// probability, so a wrong term in the factoring shows far above rounding.
const factorSLAs = `untether_availability: 1
replace: true
default: 85
products:
  - {product: i, provider: "*", kind: instance, sla: 80}
  - {product: d, provider: "*", kind: database, sla: 95}
  - {product: n, provider: "*", kind: nosql, sla: 90}
placements:
  - {level: zone, provider: "*", sla: 93}
  - {level: service, provider: "*", sla: 97}
`

// bruteDown is P(service DOWN) over every failure state of the
// failure-prone nodes of its cone, single points never failing by
// themselves, each state judged by the naive fixpoint.
func bruteDown(m *Model, t slaTable, cone []int32, s int32, single []bool) float64 {
	var vars []int32
	for _, x := range cone {
		if t.p[x] > 0 && !single[x] {
			vars = append(vars, x)
		}
	}
	var u float64
	for st := 0; st < 1<<len(vars); st++ {
		prob, failed := 1.0, []int32{}
		for k, x := range vars {
			if st&(1<<k) != 0 {
				prob *= t.p[x]
				failed = append(failed, x)
			} else {
				prob *= 1 - t.p[x]
			}
		}
		if naiveDown(m, failed)[s] {
			u += prob
		}
	}
	return u
}

// TestFactoringMatchesBruteForce checks the exact factoring against every
// failure state on random estates with nested groups, shared members and
// cycles, with and without the single points taken out.
func TestFactoringMatchesBruteForce(t *testing.T) {
	cat, err := ParseAvailabilityCatalog([]byte(factorSLAs), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checked, gaveUp := 0, 0
	for seed := range int64(400) {
		m, err := NewModel(randEstate(seed), Options{Availability: cat})
		if err != nil {
			t.Fatal(err)
		}
		tab := m.slaTable()
		f := m.newFactorNet()
		for _, s := range m.services {
			cone := reach(m, s)
			vars := 0
			for _, x := range cone {
				if tab.p[x] > 0 {
					vars++
				}
			}
			if vars > 13 {
				continue
			}
			single := make([]bool, m.c.Len())
			for pass := range 2 {
				if pass == 1 { // the single points, as the SPOF scan finds them
					for _, x := range cone {
						single[x] = tab.p[x] > 0 && naiveDown(m, []int32{x})[s]
					}
				}
				want := bruteDown(m, tab, cone, s, single)
				got, ok := f.exact(tab, cone, s, single)
				if !ok {
					gaveUp++
					continue
				}
				checked++
				if math.Abs(got-want) > 1e-12 {
					t.Fatalf("seed %d, service %s, singles out %v: factoring %.15f, brute force %.15f", seed, m.id(s), pass == 1, got, want)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("checked %d services, gave up on %d", checked, gaveUp)
	}
	t.Logf("checked %d, gave up on %d (cycles through groups)", checked, gaveUp)
}

// reach is every node reachable from s over needs edges, s among them.
func reach(m *Model, s int32) []int32 {
	seen := map[int32]bool{s: true}
	out := []int32{s}
	for h := 0; h < len(out); h++ {
		for _, y := range m.c.Needs(out[h]) {
			if !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
	}
	return out
}

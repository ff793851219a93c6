package demo

import (
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// down computes the greatest fixpoint of DESIGN.md's three rules, naively:
// a small reference for shape tests, not the simulator.
func down(e *graph.Estate, failed ...string) map[string]bool {
	isDown := map[string]bool{}
	for _, f := range failed {
		isDown[f] = true
	}
	needs := map[string][]string{}
	for _, ed := range e.Edges {
		needs[ed.From] = append(needs[ed.From], ed.To)
	}
	for changed := true; changed; {
		changed = false
		for i := range e.Nodes {
			n := &e.Nodes[i]
			if isDown[n.ID] {
				continue
			}
			var d bool
			if n.Class == graph.ClassGroup {
				up := 0
				for _, m := range needs[n.ID] {
					if !isDown[m] {
						up++
					}
				}
				d = up < n.Need
			} else {
				d = slices.ContainsFunc(needs[n.ID], func(m string) bool { return isDown[m] })
			}
			if d {
				isDown[n.ID], changed = true, true
			}
		}
	}
	return isDown
}

func demoEstate(t *testing.T) *graph.Estate {
	t.Helper()
	e, err := Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDemoCountsAndEvidence(t *testing.T) {
	e := demoEstate(t)
	if err := graph.Validate(e); err != nil {
		t.Fatal(err)
	}
	count := map[graph.Class]int{}
	providers := map[string]bool{}
	for i := range e.Nodes {
		n := &e.Nodes[i]
		count[n.Class]++
		if n.Class == graph.ClassResource {
			providers[n.Provider] = true
		}
		if n.Evidence == "" {
			t.Errorf("node %s has no evidence", n.ID)
		}
		if n.Class == graph.ClassService && (n.Tier < 1 || n.Tier > 3 || len(n.Owners) == 0 || n.DowntimeCostPerHour <= 0) {
			t.Errorf("service %s lacks tier 1-3, owners or downtime cost", n.ID)
		}
	}
	for _, ed := range e.Edges {
		if ed.Evidence == "" {
			t.Errorf("edge %s -> %s has no evidence", ed.From, ed.To)
		}
	}
	if r := count[graph.ClassResource]; r < 250 || r > 400 {
		t.Errorf("%d resources, want 250-400", r)
	}
	if s := count[graph.ClassService]; s < 8 || s > 12 {
		t.Errorf("%d services, want 8-12", s)
	}
	for _, p := range []string{"aws", "gcp", "azure", "onprem", "stripe", "auth0"} {
		if !providers[p] {
			t.Errorf("no resource on %s", p)
		}
	}
	t.Logf("%v, %d edges", count, len(e.Edges))
}

func TestDemoDeterministic(t *testing.T) {
	a, b := demoEstate(t), demoEstate(t)
	if string(encode(t, a)) != string(encode(t, b)) || string(encode(t, a)) != string(demoJSON) {
		t.Error("demo estate does not round-trip to the same bytes")
	}
}

// Every service reaches resources and, through them, a provider.
func TestDemoServicesReachTheEstate(t *testing.T) {
	e := demoEstate(t)
	for i := range e.Nodes {
		s := &e.Nodes[i]
		if s.Class != graph.ClassService {
			continue
		}
		found := false
		for _, p := range []string{"aws", "gcp", "azure", "onprem"} {
			if down(e, p)[s.ID] {
				found = true
			}
		}
		if !found {
			t.Errorf("service %s survives every cloud provider failing: not wired to the estate", s.ID)
		}
	}
}

// The findings the demo exists to show.
func TestDemoShape(t *testing.T) {
	e := demoEstate(t)
	for _, c := range []struct {
		fail       []string
		downs, ups []string
	}{
		// Zone-imbalanced autoscaling group: 4 of 6 instances in use1-az1.
		{[]string{"aws/us-east-1/use1-az1"}, []string{"service:checkout"}, []string{"service:storefront", "service:login", "service:customer-profiles"}},
		{[]string{"aws/us-east-1/use1-az4"}, nil, []string{"service:checkout", "service:storefront"}},
		// DNS failover: storefront survives either region.
		{[]string{"aws/us-east-1"}, []string{"service:checkout", "service:login"}, []string{"service:storefront", "service:customer-profiles"}},
		{[]string{"aws/eu-west-1"}, []string{"service:customer-profiles", "service:support-desk"}, []string{"service:storefront", "service:checkout"}},
		// Global DNS.
		{[]string{"aws/global/service/route53"}, []string{"service:storefront"}, []string{"service:checkout"}},
		// SaaS SPOF and SaaS redundancy.
		{[]string{"auth0"}, []string{"service:login", "service:checkout"}, []string{"service:payments"}},
		{[]string{"stripe"}, nil, []string{"service:payments", "service:checkout"}},
		{[]string{"stripe", "adyen"}, []string{"service:payments", "service:orders", "service:checkout"}, []string{"service:login"}},
		// Cross-provider: the storefront needs the catalog on GCP.
		{[]string{"gcp"}, []string{"service:storefront", "service:catalog"}, []string{"service:checkout"}},
		// Balanced node pool survives a zone; Spanner's quorum too.
		{[]string{"gcp/us-central1/us-central1-a"}, nil, []string{"service:catalog"}},
		// On-prem single rack.
		{[]string{"onprem/fra1/hall-a"}, []string{"service:orders", "service:payments"}, nil},
	} {
		d := down(e, c.fail...)
		for _, s := range c.downs {
			if !d[s] {
				t.Errorf("fail %v: %s should be DOWN", c.fail, s)
			}
		}
		for _, s := range c.ups {
			if d[s] {
				t.Errorf("fail %v: %s should stay UP", c.fail, s)
			}
		}
	}
	// A cycle between two services, and proprietary stores.
	cycle := false
	for _, ed := range e.Edges {
		if ed.From == "service:orders" && ed.To == "service:payments" {
			for _, back := range e.Edges {
				cycle = cycle || (back.From == "service:payments" && back.To == "service:orders")
			}
		}
	}
	if !cycle {
		t.Error("no orders <-> payments cycle")
	}
	var stores []string
	for i := range e.Nodes {
		if t := e.Nodes[i].Type; strings.Contains(t, "DynamoDB") || strings.Contains(t, "DocumentDB") || strings.Contains(t, "spanner") || strings.Contains(t, "bigquery") {
			stores = append(stores, t)
		}
	}
	if len(stores) < 4 {
		t.Errorf("proprietary stores: %v", stores)
	}
}

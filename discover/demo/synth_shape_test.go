package demo

import (
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestGenerateShape(t *testing.T) {
	e, err := Generate(4000, 7)
	if err != nil {
		t.Fatal(err)
	}
	providers := map[string]bool{}
	var services, zones, regions []string
	calls := map[string][]string{}
	failover := 0
	for i := range e.Nodes {
		n := &e.Nodes[i]
		switch {
		case n.Class == graph.ClassResource:
			providers[n.Provider] = true
			if n.Kind == "dns_record" {
				failover++
			}
		case n.Class == graph.ClassService:
			services = append(services, n.ID)
		case n.Level == graph.LevelZone:
			zones = append(zones, n.ID)
		case n.Level == graph.LevelRegion:
			regions = append(regions, n.ID)
		}
	}
	for _, ed := range e.Edges {
		if strings.HasPrefix(ed.From, "service:") && strings.HasPrefix(ed.To, "service:") {
			calls[ed.From] = append(calls[ed.From], ed.To)
		}
	}
	for _, p := range []string{"aws", "gcp", "azure", "onprem", "stripe"} {
		if !providers[p] {
			t.Errorf("no resources on %s", p)
		}
	}
	if len(services) != 100 {
		t.Errorf("%d services, want 100", len(services))
	}
	if failover == 0 {
		t.Error("no multi-region service behind DNS failover")
	}
	if !hasCycle(calls) {
		t.Error("no cycle among services")
	}
	// Some zone alone takes a service down (imbalanced pools, single-zone
	// databases), and no zone takes everything down.
	zoneSPOF := false
	for _, z := range zones {
		d := down(e, z)
		n := 0
		for _, s := range services {
			if d[s] {
				n++
			}
		}
		zoneSPOF = zoneSPOF || n > 0
		if n == len(services) {
			t.Errorf("zone %s takes every service down", z)
		}
	}
	if !zoneSPOF {
		t.Error("no zone is a SPOF for any service")
	}
	// Every service is wired to the estate: failing every region takes it down.
	d := down(e, regions...)
	for _, s := range services {
		if !d[s] {
			t.Errorf("service %s survives every region failing", s)
		}
	}
}

func hasCycle(g map[string][]string) bool {
	state := map[string]int{} // 1 on stack, 2 done
	var visit func(string) bool
	visit = func(v string) bool {
		state[v] = 1
		for _, w := range g[v] {
			if state[w] == 1 || (state[w] == 0 && visit(w)) {
				return true
			}
		}
		state[v] = 2
		return false
	}
	for v := range g {
		if state[v] == 0 && visit(v) {
			return true
		}
	}
	return false
}

func TestGenerateSeedsDiffer(t *testing.T) {
	a, _ := Generate(500, 1)
	b, _ := Generate(500, 2)
	if string(encode(t, a)) == string(encode(t, b)) {
		t.Error("different seeds gave the same estate")
	}
	if _, err := Generate(0, 1); err == nil {
		t.Error("size 0 should be an error")
	}
}

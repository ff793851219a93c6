package simulate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

func demoPlan(t *testing.T, goals ...string) (*simulate.Plan, *graph.Estate) {
	t.Helper()
	e, err := demo.Estate()
	if err != nil {
		t.Skipf("demo estate not available: %v", err)
	}
	gs, err := simulate.ParseGoals(goals)
	if err != nil {
		t.Fatal(err)
	}
	p, after, err := simulate.BuildPlan(e, simulate.Options{}, simulate.PlanRequest{Goals: gs})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("PLAN_DUMP") != "" {
		b, _ := json.MarshalIndent(p, "", "  ")
		os.WriteFile(os.Getenv("PLAN_DUMP"), b, 0o644)
	}
	return p, after
}

func auditOf(t *testing.T, e *graph.Estate) *simulate.Audit {
	t.Helper()
	lock := simulate.DefaultLockinCatalog().Merge(&simulate.LockinCatalog{Version: 1, Products: simulate.DefaultActionCatalog().Lockin})
	m, err := simulate.NewModel(e, simulate.Options{Lockin: lock})
	if err != nil {
		t.Fatal(err)
	}
	return m.Audit()
}

func TestDemoPlanSurviveZone(t *testing.T) {
	p, after := demoPlan(t, "survive-zone")
	if !p.Reached {
		t.Fatalf("survive-zone not reached on the demo: %s\n%+v", p.Headline, p.Unreachable)
	}
	a := auditOf(t, after)
	tiers := map[string]int{}
	for _, s := range a.Services {
		tiers[s.Service] = s.Tier
	}
	for _, sc := range a.Scenarios {
		if sc.Kind != "zone" {
			continue
		}
		for _, s := range sc.ServicesDown {
			if tiers[s] <= 2 {
				t.Errorf("after the plan, zone %v still takes %s down", sc.Fail, s)
			}
		}
	}
	for _, s := range a.SPOFs {
		if s.Level == "zone" {
			t.Errorf("zone SPOF %s remains after survive-zone", s.Node)
		}
	}
	if p.Scores.Resilience.After < p.Scores.Resilience.Before {
		t.Errorf("resilience fell: %+v", p.Scores.Resilience)
	}
}

func TestDemoPlanSurviveProviderExplained(t *testing.T) {
	p, _ := demoPlan(t, "survive-provider")
	if p.Reached {
		t.Skip("survive-provider reached on the demo; nothing to explain")
	}
	if len(p.Unreachable) == 0 {
		t.Fatal("survive-provider not reached and nothing explained")
	}
	for _, u := range p.Unreachable {
		if u.Reason == "" {
			t.Errorf("unexplained: %+v", u)
		}
	}
}

func TestDemoPlanDeterministic(t *testing.T) {
	var outs [][]byte
	for range 2 {
		p, after := demoPlan(t, "survive-region", "lockin<=0.3")
		var b bytes.Buffer
		json.NewEncoder(&b).Encode(p)
		graph.Encode(&b, after)
		outs = append(outs, b.Bytes())
	}
	if !slices.Equal(outs[0], outs[1]) {
		t.Error("two plans of the demo differ")
	}
}

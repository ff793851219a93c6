package simulate

import (
	"errors"
	"slices"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestResolveAndSimulate(t *testing.T) {
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "svc:pay", Class: graph.ClassService, Tier: 1, DowntimeCostPerHour: 250})
	b.Node(graph.Node{ID: "db", Class: graph.ClassResource, Kind: "database", Name: "orders-db", Provider: "aws", Tags: map[string]string{"team": "payments"}})
	b.Node(graph.Node{ID: "fn", Class: graph.ClassResource, Kind: "function", Provider: "aws", Tags: map[string]string{"team": "web"}})
	b.Edge("svc:pay", "db", "inventory")
	b.Edge("db", b.ManagedService("aws", "us-east-1", "dynamodb"), "regional service")
	b.Edge("fn", b.ManagedService("aws", graph.GlobalRegion, "iam"), "global service")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"service:aws/us-east-1/dynamodb": {"aws/us-east-1/service/dynamodb"},
		"service:aws/global/iam":         {"aws/global/service/iam"},
		"tag:team=payments":              {"db"},
		"kind:function":                  {"fn"},
		"name:orders-db":                 {"db"},
		"node:svc:pay":                   {"svc:pay"},
		"region:aws/us-east-1":           {"aws/us-east-1"},
		"provider:aws":                   {"aws"},
	}
	for s, want := range cases {
		sel, _ := graph.ParseSelector(s)
		got, err := m.Resolve([]graph.Selector{sel})
		if err != nil || !slices.Equal(m.ids(got), want) {
			t.Errorf("Resolve(%s) = %v, %v; want %v", s, m.ids(got), err, want)
		}
	}
	for _, s := range []string{"zone:aws/us-east-1/use1-az9", "tag:team=nobody", "node:nope", "kind:queue", "name:nobody", "provider:gcp", "region:aws/aws"} {
		var se *graph.SelectorError
		if _, err := m.Simulate([]string{s}); !errors.As(err, &se) || se.Selector != s {
			t.Errorf("Simulate(%s): want *SelectorError naming it, got %v", s, err)
		}
	}
	sim, err := m.Simulate([]string{"region:aws/us-east-1", "tag:team=payments"})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "down", sim.Down, []string{"aws/us-east-1", "aws/us-east-1/service/dynamodb", "db", "svc:pay"})
	eq(t, "injected", sim.Injected, []string{"aws/us-east-1", "db"})
	eq(t, "services down", sim.ServicesDown, []string{"svc:pay"})
	if sim.CriticalDown != 1 || sim.WeightedDown != 8 || sim.ResourcesDown != 1 || sim.ResourceShare != 0.5 || sim.CostPerHour != 250 {
		t.Errorf("blast radius %+v", sim)
	}
}

func TestEntryPointsStandIn(t *testing.T) {
	// No service node: lb and job are needed by nothing, so they stand in as
	// tier-2 critical services; app is a SPOF for lb, lb is not its own SPOF.
	m := model(t, `
res lb
res app
res job
res vm1
res vm2
grp vms 1 vm1 vm2
need lb app
need app vms
need job vm1
`)
	a := m.Audit()
	if !a.Estate.EntryPoints || a.Estate.Critical != 2 {
		t.Fatalf("summary %+v", a.Estate)
	}
	var got []string
	for _, s := range a.SPOFs {
		got = append(got, s.Node)
	}
	eq(t, "spofs", got, []string{"app", "vm1"})
	// lb: resource domains app, vm1, vm2: app kills it, vm1/vm2 absorbed:
	// survive 2/3; nothing else: 100 x (0.25 x 2/3 + 0.75) = 91.7.
	if s := a.Services[1]; s.Service != "lb" || s.Score != 91.7 {
		t.Errorf("lb score %+v", s)
	}
}

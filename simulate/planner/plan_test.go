package planner

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// planEstate is a small shop: checkout (tier 1) runs in aws/us-east-1 on a
// pool whose instances all sit in one zone, a single-zone database, a
// bucket, Route 53 and Stripe; profiles (tier 2) keeps EU customer data on
// DynamoDB behind a Lambda, pinned to aws/eu-west-1.
func planEstate(t testing.TB) *graph.Estate {
	t.Helper()
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:checkout", Class: graph.ClassService, Name: "checkout", Tier: 1, DowntimeCostPerHour: 10000})
	b.Node(graph.Node{ID: "service:profiles", Class: graph.ClassService, Name: "profiles", Tier: 2, DowntimeCostPerHour: 5000,
		Residency: []string{"eu", "aws/eu-west-1"}})
	res := func(id, kind, typ, region string, zones ...string) string {
		b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: kind, Type: typ, Provider: "aws", Region: region, Zones: zones, Name: id})
		return id
	}
	for _, z := range []string{"use1-az1", "use1-az2", "use1-az4"} {
		b.Zone("aws", "us-east-1", z)
	}
	alb := res("alb", "load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", "us-east-1", "use1-az1", "use1-az2")
	b.Place(alb, "aws", "us-east-1", []string{"use1-az1", "use1-az2"}, "test")
	asg := res("asg", "node_pool", "AWS::AutoScaling::AutoScalingGroup", "us-east-1", "use1-az1")
	b.Place(asg, "aws", "us-east-1", []string{"use1-az1"}, "test")
	var members []string
	for _, n := range []string{"i1", "i2"} {
		res(n, "instance", "AWS::EC2::Instance", "us-east-1", "use1-az1")
		b.Place(n, "aws", "us-east-1", []string{"use1-az1"}, "test")
		res("vol-"+n, "volume", "AWS::EC2::Volume", "us-east-1", "use1-az1")
		b.Place("vol-"+n, "aws", "us-east-1", []string{"use1-az1"}, "test")
		b.Edge(n, "vol-"+n, "test")
		members = append(members, n)
	}
	b.Group("group:web", 1, members, "test")
	b.Edge(asg, "group:web", "test")
	b.Edge(alb, asg, "test")
	db := res("db", "database", "AWS::RDS::DBInstance", "us-east-1", "use1-az1")
	b.Place(db, "aws", "us-east-1", []string{"use1-az1"}, "test")
	bucket := res("bucket", "bucket", "AWS::S3::Bucket", "us-east-1")
	b.Edge(bucket, b.ManagedService("aws", "us-east-1", "s3"), "test")
	b.Edge(bucket, b.Region("aws", "us-east-1"), "test")
	dns := res("dns", "dns_zone", "AWS::Route53::HostedZone", "")
	b.Edge(dns, b.ManagedService("aws", graph.GlobalRegion, "route53"), "test")
	b.Node(graph.Node{ID: "stripe", Class: graph.ClassResource, Kind: "saas_api", Provider: "stripe", Name: "Stripe"})
	b.Edge("stripe", b.Provider("stripe"), "test")
	for _, to := range []string{dns, alb, db, bucket, "stripe"} {
		b.Edge("service:checkout", to, "test")
	}
	for _, z := range []string{"euw1-az1", "euw1-az2", "euw1-az3"} {
		b.Zone("aws", "eu-west-1", z)
	}
	fn := res("fn", "function", "AWS::Lambda::Function", "eu-west-1")
	b.Edge(fn, b.ManagedService("aws", "eu-west-1", "lambda"), "test")
	table := res("table", "nosql", "AWS::DynamoDB::Table", "eu-west-1")
	b.Edge(table, b.ManagedService("aws", "eu-west-1", "dynamodb"), "test")
	b.Edge(fn, table, "test")
	b.Edge("service:profiles", fn, "test")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func mustPlan(t *testing.T, e *graph.Estate, goals ...string) (*Plan, *graph.Estate) {
	t.Helper()
	gs, err := ParseGoals(goals)
	if err != nil {
		t.Fatal(err)
	}
	p, after, err := BuildPlan(e, simulate.Options{}, PlanRequest{Goals: gs})
	if err != nil {
		t.Fatal(err)
	}
	return p, after
}

// independentAudit audits the transformed estate with a fresh model, as
// `untether audit after.json` would.
func independentAudit(t *testing.T, e *graph.Estate) *simulate.Audit {
	t.Helper()
	lock := simulate.DefaultLockinCatalog().Merge(&simulate.LockinCatalog{Version: 1, Products: DefaultActionCatalog().Lockin})
	m, err := simulate.NewModel(e, simulate.Options{Lockin: lock})
	if err != nil {
		t.Fatal(err)
	}
	return m.Audit()
}

func TestPlanSurviveZone(t *testing.T) {
	e := planEstate(t)
	p, after := mustPlan(t, e, "survive-zone")
	if !p.Reached || len(p.Waves) == 0 {
		t.Fatalf("survive-zone not reached: %s\n%+v", p.Headline, p.Unreachable)
	}
	a := independentAudit(t, after)
	for _, sc := range a.Scenarios {
		if sc.Kind == "zone" && len(sc.ServicesDown) > 0 {
			t.Errorf("zone %v still takes %v down", sc.Fail, sc.ServicesDown)
		}
	}
	for _, s := range a.SPOFs {
		if s.Level == "zone" {
			t.Errorf("zone SPOF %s remains", s.Node)
		}
	}
	if p.DowntimeCostAvoidedPerHour != 10000 {
		t.Errorf("cost avoided = %v, want 10000 (checkout)", p.DowntimeCostAvoidedPerHour)
	}
	assertPlanEvidence(t, p, after)
}

func assertPlanEvidence(t *testing.T, p *Plan, after *graph.Estate) {
	t.Helper()
	byID := map[string]*graph.Node{}
	for i := range after.Nodes {
		byID[after.Nodes[i].ID] = &after.Nodes[i]
	}
	for _, w := range p.Waves {
		for _, a := range w.Actions {
			for _, id := range a.Changes {
				if n := byID[id]; n == nil || !strings.Contains(n.Evidence, "plan:"+a.Action) {
					t.Errorf("changed node %s carries no evidence plan:%s", id, a.Action)
				}
			}
		}
	}
}

func TestPlanSurviveRegionRespectsResidency(t *testing.T) {
	e := planEstate(t)
	p, after := mustPlan(t, e, "survive-region")
	if p.Reached {
		t.Fatal("survive-region claimed although profiles is pinned to aws/eu-west-1")
	}
	var found bool
	for _, u := range p.Unreachable {
		if u.Node == "aws/eu-west-1" && strings.Contains(u.Reason, "residency") {
			found = true
		}
		if u.Node == "aws/us-east-1" {
			t.Errorf("us-east-1 should be fixed (checkout is not pinned): %+v", u)
		}
	}
	if !found {
		t.Errorf("no residency explanation for aws/eu-west-1: %+v", p.Unreachable)
	}
	a := independentAudit(t, after)
	for _, sc := range a.Scenarios {
		if sc.Kind == "region" && slices.Contains(sc.ServicesDown, "service:checkout") {
			t.Errorf("region %v still takes checkout down", sc.Fail)
		}
	}
	assertResidency(t, after)
	assertPlanEvidence(t, p, after)
}

// assertResidency: every resource in a pinned service's cone lives where
// the pins allow.
func assertResidency(t *testing.T, e *graph.Estate) {
	t.Helper()
	m, err := simulate.NewModel(e, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pins := residencyPins(m)
	for _, n := range e.Nodes {
		if n.Class != graph.ClassResource || n.Region == "" || n.Region == graph.GlobalRegion {
			continue
		}
		if ps := pins(n.ID); !allowed(n.Provider, n.Region, ps) {
			t.Errorf("%s in %s/%s violates residency %v", n.ID, n.Provider, n.Region, ps)
		}
	}
}

func TestPlanSurviveProviderUnreachableIsExplained(t *testing.T) {
	p, after := mustPlan(t, planEstate(t), "survive-provider")
	if p.Reached {
		t.Fatal("survive-provider claimed on a residency-pinned estate")
	}
	var why string
	for _, u := range p.Unreachable {
		if u.Node == "aws" {
			why = u.Reason
		}
	}
	if !strings.Contains(why, "residency pins") {
		t.Errorf("aws provider failure not explained by residency: %q", why)
	}
	assertResidency(t, after)
}

func TestPlanLockin(t *testing.T) {
	p, after := mustPlan(t, planEstate(t), "lockin<=0.1")
	if !p.Reached {
		t.Fatalf("lockin<=0.1 not reached: %+v", p.Unreachable)
	}
	if a := independentAudit(t, after); a.Lockin.Estate > 0.1 {
		t.Errorf("audit lock-in after = %v", a.Lockin.Estate)
	}
	if p.Scores.Lockin.After >= p.Scores.Lockin.Before {
		t.Errorf("lock-in did not fall: %+v", p.Scores.Lockin)
	}
}

func TestPlanDeterministic(t *testing.T) {
	var outs [2][]byte
	for k := range outs {
		p, after := mustPlan(t, planEstate(t), "no-spof", "survive-zone", "lockin<=0.3")
		var b bytes.Buffer
		if err := json.NewEncoder(&b).Encode(p); err != nil {
			t.Fatal(err)
		}
		if err := graph.Encode(&b, after); err != nil {
			t.Fatal(err)
		}
		outs[k] = b.Bytes()
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs gave different bytes")
	}
}

func TestPlanDoesNotChangeInput(t *testing.T) {
	e := planEstate(t)
	var before, after bytes.Buffer
	_ = graph.Encode(&before, e)
	mustPlan(t, e, "survive-region", "no-spof")
	_ = graph.Encode(&after, e)
	if !bytes.Equal(before.Bytes(), after.Bytes()) {
		t.Error("BuildPlan changed its input estate")
	}
}

func TestParseGoals(t *testing.T) {
	gs, err := ParseGoals([]string{"survive-zone", "lockin<=0.4", "hhi <= 2500", "survive-zone"})
	if err != nil || len(gs) != 3 || gs[1].String() != "lockin<=0.4" || gs[2].Limit != 2500 {
		t.Fatalf("got %v, %v", gs, err)
	}
	for _, bad := range []string{"survive-moon", "lockin<=2", "hhi<=x", "lockin>=0.1", ""} {
		var ge *GoalError
		if _, err := ParseGoals([]string{bad}); !errors.As(err, &ge) {
			t.Errorf("%q: got %v, want *GoalError", bad, err)
		}
	}
}

func TestParseActionCatalogErrors(t *testing.T) {
	if len(DefaultActionCatalog().Actions) < 15 {
		t.Fatal("built-in catalog too small")
	}
	cases := map[string]string{
		"untether_actions: 2\nactions: []\n": "untether_actions is 2",
		"untether_actions: 1\nactions:\n  - id: a\n    title: A\n    effort: XXL\n    person_days: 1\n    cost: low\n    fixes: [zone]\n    transform: {primitive: clone, scope: zone, at: root}\n": "effort",
		"untether_actions: 1\nactions:\n  - id: a\n    title: A\n    effort: S\n    person_days: 1\n    cost: low\n    fixes: [zone]\n    transform: {primitive: teleport}\n":                       "primitive",
		"untether_actions: 1\nactions: [\n":                               "acts.yaml:2: malformed YAML: did not find expected node content",
		"untether_actions: 1\nactions:\n  - {id: a, person_days: lots}\n": `acts.yaml:3:26: expected a number, got the string "lots"`,
	}
	for in, want := range cases {
		_, err := ParseActionCatalog([]byte(in), "acts.yaml")
		var ie *graph.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) || ie.File != "acts.yaml" {
			t.Errorf("%q: got %v, want an InputError with %q", in, err, want)
			continue
		}
		if want == "effort" && (ie.Line != 3 || ie.Col != 5) {
			t.Errorf("effort error at %d:%d, want 3:5", ie.Line, ie.Col)
		}
	}
}

func TestRegionAllowed(t *testing.T) {
	for _, c := range []struct {
		p, r string
		pins []string
		want bool
	}{
		{"aws", "eu-central-1", []string{"eu"}, true},
		{"aws", "us-east-1", []string{"eu"}, false},
		{"gcp", "europe-west1", []string{"eu", "aws/eu-west-1"}, false},
		{"aws", "eu-west-1", []string{"eu", "aws/eu-west-1"}, true},
		{"aws", "eu-west-2", []string{"eu"}, false}, // London is not in the EU
		{"aws", "eu-west-2", []string{"eu", "uk"}, true},
		{"aws", "mars-1", []string{"eu"}, false},
	} {
		if got := regionAllowed(c.p, c.r, c.pins); got != c.want {
			t.Errorf("regionAllowed(%s/%s, %v) = %v", c.p, c.r, c.pins, got)
		}
	}
}

// TestPlanDependencyOrder: no action fixes a dependency of a node that an
// earlier wave already fixed.
func TestPlanDependencyOrder(t *testing.T) {
	for _, goals := range [][]string{{"survive-zone"}, {"no-spof"}, {"survive-region", "survive-zone"}} {
		p, after := mustPlan(t, planEstate(t), goals...)
		m, err := simulate.NewModel(after, simulate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, wi := range p.Waves {
			for _, a := range wi.Actions {
				ai, _ := m.Compiled().Index(a.Target)
				reach := cone(m, ai)
				for _, wj := range p.Waves[i+1:] {
					for _, b := range wj.Actions {
						if bi, ok := m.Compiled().Index(b.Target); ok && b.Target != a.Target && reach[bi] {
							t.Errorf("%v: wave %d fixes %s, a dependency of %s fixed in wave %d", goals, wj.Number, b.Target, a.Target, wi.Number)
						}
					}
				}
			}
		}
	}
}

func TestOrderWavesMerges(t *testing.T) {
	e := planEstate(t)
	m, err := simulate.NewModel(e, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	waves := []Wave{
		{Number: 1, Actions: []PlannedAction{{Action: "x", Target: "alb"}}, PersonDays: 1},
		{Number: 2, Actions: []PlannedAction{{Action: "y", Target: "bucket"}}, PersonDays: 2},
		{Number: 3, Actions: []PlannedAction{{Action: "z", Target: "i1"}}, PersonDays: 3, Resilience: 42},
	}
	got := orderWaves(m, waves)
	if len(got) != 1 || got[0].PersonDays != 6 || got[0].Resilience != 42 {
		t.Fatalf("merged waves = %+v", got)
	}
	if got[0].Actions[0].Target != "bucket" || got[0].Actions[2].Target != "alb" {
		t.Errorf("dependencies not first: %+v", got[0].Actions)
	}
}

func TestPlanHHI(t *testing.T) {
	e := planEstate(t)
	p, after := mustPlan(t, e, "hhi<=6000")
	if !p.Reached {
		t.Fatalf("hhi<=6000 not reached: %s %+v", p.Headline, p.Unreachable)
	}
	if a := independentAudit(t, after); a.Concentration.Providers.Index > 6000 {
		t.Errorf("audit HHI after = %v", a.Concentration.Providers.Index)
	}
	for _, w := range p.Waves {
		for _, a := range w.Actions {
			if a.Action != "move-workload" {
				t.Errorf("unexpected action %s for hhi", a.Action)
			}
			if a.Target == "table" || a.Target == "fn" {
				t.Errorf("moved pinned %s", a.Target)
			}
		}
	}
	assertResidency(t, after)
	assertPlanEvidence(t, p, after)
}

// TestPlanTier: with --tier 1 the pinned tier-2 profiles service is not
// protected, so survive-region is reachable for checkout alone.
func TestPlanTier(t *testing.T) {
	gs, _ := ParseGoals([]string{"survive-region"})
	p, _, err := BuildPlan(planEstate(t), simulate.Options{}, PlanRequest{Goals: gs, Tier: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Reached || p.Tier != 1 {
		t.Fatalf("tier 1 survive-region: %s %+v", p.Headline, p.Unreachable)
	}
}

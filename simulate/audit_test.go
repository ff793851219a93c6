package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// threeServices is the estate whose numbers are worked out by hand below.
//
//	checkout (tier 1) -> lb -> zab = 1 of {zone a, zone b} (region r1)
//	                  -> db -> zone a            (single-AZ, 99 GB, DynamoDB)
//	                  -> pay                     (Stripe, needs nothing)
//	login (tier 2)    -> auth -> rg = 1 of {region r1, region r2}
//	report (tier 3)   -> bucket -> region r2     ($500/h of downtime)
const threeServices = `
svc checkout 1 1000
svc login 2
svc report 3 500
zone aws/r1/a
zone aws/r1/b
zone aws/r2/c
res lb kind=load_balancer type=AWS::ElasticLoadBalancingV2::LoadBalancer provider=aws region=r1 zones=a,b
res db kind=database type=AWS::DynamoDB::Table provider=aws region=r1 zones=a bytes=99e9
res pay kind=saas_api provider=stripe
res auth kind=identity type=AWS::Cognito::UserPool provider=aws
res bucket kind=bucket type=AWS::S3::Bucket provider=aws region=r2
grp zab 1 aws/r1/a aws/r1/b
grp rg 1 aws/r1 aws/r2
need checkout lb db pay
need lb zab
need db aws/r1/a
need login auth
need auth rg
need report bucket
need bucket aws/r2
`

func TestAuditScoresByHand(t *testing.T) {
	a := model(t, threeServices).Audit()
	// checkout: resource 0/3 survive (lb, db, pay each kill it), zone 1/2
	// (b is absorbed by zab, a kills db), region 0/1, provider 0/1:
	// 100 x 0.30 x 0.5 = 15. login: resource 0/1, zone none = 1, region
	// 2/2 (rg absorbs either), provider 0/1: 100 x (0.30 + 0.30) = 60.
	// report: resource 0/1, zone none = 1, region 0/1, provider 0/1: 30.
	// Estate: (8 x 15 + 4 x 60 + 2 x 30) / 14 = 420 / 14 = 30, grade F.
	want := map[string]float64{"checkout": 15, "login": 60, "report": 30}
	for _, s := range a.Services {
		if s.Score != want[s.Service] {
			t.Errorf("%s score %v, want %v (%+v)", s.Service, s.Score, want[s.Service], s.Survive)
		}
	}
	if got := a.Services[0].Survive[1]; got != (Survival{Level: "zone", Domains: 2, Survived: 1, Share: 0.5}) {
		t.Errorf("checkout zone survival %+v", got)
	}
	if a.Score.Resilience != 30 || a.Score.Grade != "F" {
		t.Errorf("estate score %v %s, want 30 F", a.Score.Resilience, a.Score.Grade)
	}
}

func TestAuditSPOFsByHand(t *testing.T) {
	a := model(t, threeServices).Audit()
	var got []string
	for _, s := range a.SPOFs {
		got = append(got, fmt.Sprint(s.Node, " ", s.Level, " ", s.Services, " ", s.Chain))
	}
	eq(t, "spofs", got, []string{
		"auth resource [login] [login auth]",
		"aws provider [checkout login] [checkout db aws/r1/a aws/r1 aws]",
		"aws/r1 region [checkout] [checkout db aws/r1/a aws/r1]",
		"aws/r1/a zone [checkout] [checkout db aws/r1/a]",
		"db resource [checkout] [checkout db]",
		"lb resource [checkout] [checkout lb]",
		"pay resource [checkout] [checkout pay]",
	})
	var ids []string
	for _, f := range a.Findings {
		ids = append(ids, f.ID+" "+f.Severity)
	}
	eq(t, "findings", ids, []string{
		"lockin-proprietary:auth low",
		"lockin-proprietary:db low",
		"lockin-proprietary:pay low",
		"spof-provider:aws critical",
		"spof-region:aws/r1 critical",
		"spof-resource:auth high",
		"spof-resource:db critical",
		"spof-resource:lb critical",
		"spof-resource:pay critical",
		"spof-zone:aws/r1/a critical",
	})
}

func TestAuditScenariosByHand(t *testing.T) {
	a := model(t, threeServices).Audit()
	var got []string
	for _, s := range a.Scenarios {
		got = append(got, fmt.Sprint(s.Kind, " ", s.Name, " ", s.ServicesDown, " ", s.CriticalDown, " ", s.WeightedDown, " ", s.ResourcesDown, " ", s.ResourceShare, " ", s.CostPerHour))
	}
	// 5 resources; aws takes lb, db, auth, bucket (pay is Stripe's).
	eq(t, "scenarios", got, []string{
		"provider provider:aws [checkout login report] 2 14 4 0.8 1500",
		"region region:aws/r1 [checkout] 1 8 2 0.4 1000",
		"region region:aws/r2 [report] 0 2 1 0.2 500",
		"zone zone:aws/r1/a [checkout] 1 8 1 0.2 1000",
		"zone zone:aws/r1/b [] 0 0 0 0 0",
		"zone zone:aws/r2/c [] 0 0 0 0 0",
	})
}

func TestConcentrationByHand(t *testing.T) {
	c := model(t, threeServices).Audit().Concentration
	// Critical weight: lb 8, db 8, pay 8 (checkout), auth 4 (login); bucket
	// serves only tier-3 report: 0. Providers aws 20, stripe 8 of 28:
	// 71.43% and 28.57%, HHI = 10000 x (400 + 64) / 784 = 5918.4.
	if c.Providers.Index != 5918.4 {
		t.Errorf("provider HHI %v, want 5918.4", c.Providers.Index)
	}
	if c.Providers.Shares[0] != (Share{Key: "aws", Weight: 20, Share: 71.43}) {
		t.Errorf("provider share %+v", c.Providers.Shares[0])
	}
	// Regions: aws/r1 16, stripe/global 8, aws/global 4: 10000 x (256 + 64
	// + 16) / 784 = 4285.7.
	if c.Regions.Index != 4285.7 || c.Regions.Shares[1].Key != "stripe/global" {
		t.Errorf("region HHI %v shares %+v", c.Regions.Index, c.Regions.Shares)
	}
	// Zones: lb's 8 split a/b, db's 8 on a: a 12, b 4: 75^2 + 25^2 = 6250.
	if c.Zones.Index != 6250 || c.Zones.Shares[0] != (Share{Key: "aws/r1/a", Weight: 12, Share: 75}) {
		t.Errorf("zone HHI %v shares %+v", c.Zones.Index, c.Zones.Shares)
	}
}

func TestLockinByHand(t *testing.T) {
	l := model(t, threeServices).Audit().Lockin
	// Weights (gravity x criticality): lb 1x8 portable, db 3x8 (99 GB:
	// 1 + log10(100) = 3) proprietary, pay 1x8 proprietary (Stripe's
	// provider entry beats the generic saas_api kind), auth 1x4 proprietary
	// (falls back to aws identity = IAM), bucket 1x2 portable.
	// Estate: (24 + 8 + 4) / 46 = 0.7826; checkout (24 + 8) / 40 = 0.8.
	if l.Estate != 0.7826 {
		t.Errorf("estate lock-in %v, want 0.7826", l.Estate)
	}
	wantSvc := map[string]float64{"checkout": 0.8, "login": 1, "report": 0}
	for _, s := range l.Services {
		if s.Lockin != wantSvc[s.Service] {
			t.Errorf("%s lock-in %v, want %v", s.Service, s.Lockin, wantSvc[s.Service])
		}
	}
	if !slices.Equal(l.Providers, []ProviderLockin{{"aws", 0.7368, 0.8261}, {"stripe", 1, 0.1739}}) {
		t.Errorf("providers %+v", l.Providers)
	}
	var res []string
	for _, r := range l.Resources {
		res = append(res, r.Node+" "+r.Class+" "+r.Product)
	}
	eq(t, "non-portable", res, []string{"auth proprietary AWS IAM", "db proprietary Amazon DynamoDB", "pay proprietary Stripe"})
}

func TestDoublePointsTwoZoneDB(t *testing.T) {
	// s needs a multi-AZ db (1 of zones a, b) and 1 of {app1 in a, app2 in b}.
	m := model(t, `
svc s 1
zone aws/r/a
zone aws/r/b
res db
res app1
res app2
grp dbz 1 aws/r/a aws/r/b
grp apps 1 app1 app2
need s db apps
need db dbz
need app1 aws/r/a
need app2 aws/r/b
`)
	a := m.Audit()
	var got []string
	for _, d := range a.DoublePoints {
		got = append(got, fmt.Sprint(d.Nodes, " ", d.Services))
	}
	// Same harm everywhere (s, weight 8): the pair of zones first (failure
	// domains), then pairs with one resource, then two; ids break ties.
	eq(t, "double points", got, []string{
		"[aws/r/a aws/r/b] [s]",
		"[app1 aws/r/b] [s]",
		"[app2 aws/r/a] [s]",
		"[app1 app2] [s]",
	})
	if a.DoublePointsTotal != 4 {
		t.Errorf("total %d", a.DoublePointsTotal)
	}
	var spofs []string
	for _, s := range a.SPOFs {
		spofs = append(spofs, s.Node)
	}
	eq(t, "spofs", spofs, []string{"aws", "aws/r", "db"})
}

func TestExplain(t *testing.T) {
	m := model(t, threeServices)
	ex, err := m.Explain("aws/r1/a")
	if err != nil {
		t.Fatal(err)
	}
	if !ex.IsSPOF || len(ex.Down) != 1 || !slices.Equal(ex.Down[0].Path, []string{"checkout", "db", "aws/r1/a"}) ||
		!slices.Equal(ex.Down[0].Evidence, []string{"checkout needs db", "db needs aws/r1/a"}) {
		t.Errorf("explain zone a: %+v", ex)
	}
	// login depends on region r1 only through rg, which absorbs it; checkout
	// does not survive r1 at all.
	ex, _ = m.Explain("aws/r1/b")
	if ex.IsSPOF || len(ex.Survives) != 1 || ex.Survives[0].Service != "checkout" || !slices.Equal(ex.Survives[0].Groups, []string{"zab"}) {
		t.Errorf("explain zone b: %+v", ex)
	}
	ex, _ = m.Explain("aws/r2")
	if ex.IsSPOF || len(ex.Survives) != 1 || ex.Survives[0].Service != "login" || !slices.Equal(ex.Survives[0].Groups, []string{"rg"}) {
		t.Errorf("explain region r2: %+v", ex)
	}
	if ex.Summary == "" {
		t.Error("no summary")
	}
	ex, _ = m.Explain("zab")
	if ex.IsSPOF {
		t.Error("a group is never a SPOF")
	}
	var se *graph.SelectorError
	if _, err := m.Explain("nope"); !errors.As(err, &se) {
		t.Errorf("unknown node: %v", err)
	}
}

func TestAuditEmptyAndTinyEstates(t *testing.T) {
	for name, text := range map[string]string{
		"empty":      "",
		"placements": "zone aws/r/a",
		"cycle only": "res a\nres b\nneed a b\nneed b a",
	} {
		js := string(auditJSON(t, spec(t, text)))
		if strings.Contains(js, "null") {
			t.Errorf("%s: audit JSON has null lists:\n%s", name, js)
		}
	}
}

func TestPartsMatchAudit(t *testing.T) {
	for seed := range int64(40) {
		m, _ := NewModel(randEstate(seed), Options{})
		a := m.Audit()
		sc, svcs := m.ServiceScores()
		// Availability is the audit's alone (ServiceScores serves the
		// planner's many re-scorings and leaves it nil).
		for k := range a.Services {
			a.Services[k].Availability = nil
		}
		if sc != a.Score || fmt.Sprint(svcs) != fmt.Sprint(a.Services) {
			t.Fatalf("seed %d: ServiceScores differs from Audit", seed)
		}
		if fmt.Sprint(m.ScanSPOFs()) != fmt.Sprint(a.SPOFs) {
			t.Fatalf("seed %d: ScanSPOFs differs from Audit", seed)
		}
	}
}

// The audit reads edges only through the compiled model, so an estate whose
// edge list was let go after compiling (as `untether audit` does) audits to
// the same result, edge count included.
func TestAuditNeedsNoEdgeListOnceCompiled(t *testing.T) {
	want := model(t, threeServices).Audit()
	e := spec(t, threeServices)
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.Edges = nil
	got := m.Audit()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("audit without the edge list differs:\n%s\nwant\n%s", g, w)
	}
	if got.Estate.Edges == 0 {
		t.Error("the edge count went with the list")
	}
}

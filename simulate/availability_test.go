package simulate

import (
	"errors"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// testSLAs replaces the built-in catalog: type tNN has SLA NN%, every other
// node (placements included) never fails.
const testSLAs = `untether_availability: 1
replace: true
default: 100
products:
  - {product: t99, provider: "*", kind: "*", types: [t99], sla: 99}
  - {product: t95, provider: "*", kind: "*", types: [t95], sla: 95}
  - {product: t90, provider: "*", kind: "*", types: [t90], sla: 90}
  - {product: t80, provider: "*", kind: "*", types: [t80], sla: 80}
`

func availability(t *testing.T, text string) map[string]*Availability {
	t.Helper()
	cat, err := ParseAvailabilityCatalog([]byte(testSLAs), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(spec(t, text), Options{Availability: cat})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Availability{}
	for _, s := range m.Audit().Services {
		if s.Availability == nil {
			t.Fatalf("%s: no availability", s.Service)
		}
		out[s.Service] = s.Availability
	}
	return out
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s: availability %.10f, want %.10f", what, got, want)
	}
}

func TestAvailabilityHandComputed(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       float64
	}{
		{"single node", "svc s\nres a type=t99\nneed s a", 0.99},
		{"AND chain", "svc s\nres a type=t99\nres b type=t95\nres c type=t90\nneed s a\nneed a b\nneed b c", 0.99 * 0.95 * 0.90},
		{"1-of-2", "svc s\nres a type=t99\nres b type=t95\ngrp g 1 a b\nneed s g", 1 - 0.01*0.05},
		{"2-of-3", "svc s\nres a type=t90\nres b type=t90\nres c type=t90\ngrp g 2 a b c\nneed s g", 3*0.9*0.9*0.1 + 0.9*0.9*0.9},
		// d is a single point: closed form d x (1-of-2 of a, b).
		{"shared single point", "svc s\nres a type=t90\nres b type=t90\nres d type=t95\ngrp g 1 a b\nneed s g\nneed a d\nneed b d", 0.95 * (1 - 0.1*0.1)},
		// y is shared by both branches: s is up iff any of x, y, z is; a
		// naive product over the branches would give 1 - 0.01^2.
		{"shared redundancy", "svc s\nres a\nres b\nres x type=t90\nres y type=t90\nres z type=t90\ngrp g 1 a b\ngrp ga 1 x y\ngrp gb 1 y z\nneed s g\nneed a ga\nneed b gb", 1 - 0.1*0.1*0.1},
		{"cycle", "svc s\nres a type=t90\nres b type=t95\nneed s a\nneed a b\nneed b a", 0.90 * 0.95},
		{"nothing can fail", "svc s\nres a\nneed s a", 1},
	} {
		got := availability(t, c.text)["s"]
		near(t, c.name, got.Value, c.want)
		if got.Low != 0 || got.High != 0 || !strings.Contains(got.Method, "exact") || !strings.Contains(got.Method, "not a measurement") {
			t.Errorf("%s: want an exact estimate that says it is SLA-based: %+v", c.name, got)
		}
		u := 1 - c.want
		if u > 0 && (math.Abs(got.Nines-math.Round(-math.Log10(u)*100)/100) > 1e-9 || math.Abs(got.DowntimeMinYr-math.Round(u*minutesPerYear*100)/100) > 1e-6) {
			t.Errorf("%s: nines %v, downtime %v", c.name, got.Nines, got.DowntimeMinYr)
		}
	}
}

// zonedPools is g 2-of-3 groups whose k-th member needs zone k: with zones
// and members failing, the service needs every group up. Exactly:
// sum over zone states of prod over groups of P(>= 2 members up).
func zonedPools(g int) string {
	var b strings.Builder
	b.WriteString("svc s\nres z0 type=t95\nres z1 type=t95\nres z2 type=t95\n")
	for i := range g {
		id := string(rune('a' + i))
		b.WriteString("res " + id + "0 type=t90\nres " + id + "1 type=t90\nres " + id + "2 type=t90\n")
		b.WriteString("grp g" + id + " 2 " + id + "0 " + id + "1 " + id + "2\nneed s g" + id + "\n")
		for k := range 3 {
			b.WriteString("need " + id + string(rune('0'+k)) + " z" + string(rune('0'+k)) + "\n")
		}
	}
	return b.String()
}

func zonedPoolsExact(g int) float64 {
	var a float64
	for st := range 8 {
		pz, up := 1.0, [3]float64{}
		for k := range 3 {
			if st&(1<<k) != 0 {
				pz, up[k] = pz*0.95, 0.9
			} else {
				pz *= 0.05
			}
		}
		two := up[0]*up[1]*(1-up[2]) + up[0]*(1-up[1])*up[2] + (1-up[0])*up[1]*up[2] + up[0]*up[1]*up[2]
		a += pz * math.Pow(two, float64(g))
	}
	return a
}

// groupCycle is a group whose member r needs the group back: a cycle
// through a group, which factoring cannot condense. The group is DOWN only
// when both r and q fail (with q UP, r stays UP by the greatest fixpoint).
const groupCycle = "res r type=t99\nres q type=t99\ngrp gl 1 r q\nneed s gl\nneed r gl\n"

func TestAvailabilityMonteCarloAgreesWithExact(t *testing.T) {
	// 7 groups: 21 members and 3 zones, none a single point; the zones are
	// shared, so factoring conditions on them and the result is exact.
	got := availability(t, zonedPools(7))["s"]
	want := zonedPoolsExact(7)
	if !strings.Contains(got.Method, "exact") || math.Abs(got.Value-math.Round(want*1e9)/1e9) > 1e-12 {
		t.Errorf("factoring %v, want exactly %v: %s", got.Value, want, got.Method)
	}
	// A cycle through a group and 26 failure-prone nodes: Audit samples.
	got = availability(t, zonedPools(7)+groupCycle)["s"]
	withCycle := want * (1 - 0.01*0.01)
	if !strings.Contains(got.Method, "Monte Carlo") || got.Low > withCycle || got.High < withCycle || got.Low >= got.High {
		t.Errorf("Monte Carlo %v [%v, %v] does not hold the exact %v: %s", got.Value, got.Low, got.High, withCycle, got.Method)
	}
	// The first cone, enumerated exactly and sampled directly.
	cat, _ := ParseAvailabilityCatalog([]byte(testSLAs), "test.yaml")
	m, _ := NewModel(spec(t, zonedPools(7)), Options{Availability: cat})
	tab := m.slaTable()
	s := idx(t, m, "s")[0]
	var cone, other []int32
	for i := range m.c.Len() {
		cone = append(cone, int32(i))
		if tab.p[i] > 0 {
			other = append(other, int32(i))
		}
	}
	c := m.newConeNet()
	c.load(cone, s)
	u, ok := c.exact(tab, other, 1<<22)
	if !ok || math.Abs(1-u-want) > 1e-12 {
		t.Fatalf("exact enumeration %v (ok %v), want %v", 1-u, ok, want)
	}
	var e estimate
	q, lo, hi := c.sample(tab, other, len(cone), c, "s", &e)
	if e.stratum*lo > u || e.stratum*hi < u || e.samples < mcMinSamples {
		t.Errorf("sampled %v [%v, %v] misses exact %v", e.stratum*q, e.stratum*lo, e.stratum*hi, u)
	}
}

func TestAvailabilityDeterministic(t *testing.T) {
	e, err := demo.Generate(3000, 1)
	if err != nil {
		t.Fatal(err)
	}
	run := func() []*Availability {
		m, _ := NewModel(e, Options{})
		var out []*Availability
		for _, s := range m.Audit().Services {
			out = append(out, s.Availability)
		}
		return out
	}
	a := run()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b := run()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs (the second on one CPU) give different availability")
	}
	mc := 0
	for _, x := range a {
		if x.Low > 0 {
			mc++
			if x.Low > x.Value || x.Value > x.High {
				t.Errorf("value %v outside its interval [%v, %v]", x.Value, x.Low, x.High)
			}
		}
	}
	if mc == 0 {
		t.Error("the synthetic estate never needed Monte Carlo")
	}
}

func TestAvailabilityDemoSaysDefaults(t *testing.T) {
	m := model(t, "svc s\nres a type=mystery_thing provider=acme kind=gizmo\nneed s a")
	av := m.Audit().Services[0].Availability
	near(t, "default", av.Value, DefaultAvailability/100)
	if !strings.Contains(av.Method, "default SLA 99.9%") {
		t.Errorf("method does not say the default was used: %s", av.Method)
	}
}

func TestAvailabilityCatalogBuiltin(t *testing.T) {
	c := DefaultAvailabilityCatalog()
	for _, tc := range []struct {
		typ, provider, kind string
		attrs               map[string]any
		zones               []string
		want                float64
	}{
		{"AWS::RDS::DBInstance", "aws", "database", map[string]any{"multi_az": true}, nil, 99.95},
		{"aws_db_instance", "aws", "database", map[string]any{"multi_az": false}, nil, 99.5},
		{"aws_db_instance", "aws", "database", nil, nil, 99.5},
		{"aws_instance", "aws", "instance", nil, nil, 99.5},
		{"AWS::S3::Bucket", "aws", "bucket", nil, nil, 99.9},
		{"AWS::DynamoDB::Table", "aws", "nosql", nil, nil, 99.99},
		{"AWS::DynamoDB::Table", "aws", "nosql", map[string]any{"replica_regions": []any{"us-east-1", "eu-west-1"}}, nil, 99.999},
		{"aws_dynamodb_global_table", "aws", "nosql", nil, nil, 99.999},
		{"AWS::Lambda::Function", "aws", "function", nil, nil, 99.95},
		{"container.googleapis.com/Cluster", "gcp", "kubernetes", map[string]any{"regional": true}, nil, 99.95},
		{"google_container_cluster", "gcp", "kubernetes", nil, []string{"us-central1-a"}, 99.5},
		{"google_sql_database_instance", "gcp", "database", map[string]any{"availability_type": "REGIONAL"}, nil, 99.95},
		{"spanner.googleapis.com/Instance", "gcp", "database", map[string]any{"config": "regional-us-central1"}, nil, 99.99},
		{"spanner.googleapis.com/Instance", "gcp", "database", map[string]any{"config": "nam4"}, nil, 99.999},
		{"Microsoft.Compute/virtualMachines", "azure", "instance", nil, nil, 99.9},
		{"Microsoft.DocumentDB/databaseAccounts", "azure", "nosql", nil, nil, 99.99},
		{"azurerm_cosmosdb_account", "azure", "nosql", map[string]any{"enable_multiple_write_locations": true}, nil, 99.999},
		{"saas:stripe", "stripe", "saas_api", nil, nil, 99.99},
		{"", "auth0", "identity", nil, nil, 99.99},
		{"", "okta", "identity", nil, nil, 99.99},
		{"onprem:oracle_database", "onprem", "database", nil, nil, 99.9},
		{"", "hetzner", "instance", nil, nil, 99.5}, // (*, kind)
	} {
		p, ok := c.Lookup(&graph.Node{Type: tc.typ, Provider: tc.provider, Kind: tc.kind, Attrs: tc.attrs, Zones: tc.zones})
		if !ok || p.SLA != tc.want || p.Source == "" {
			t.Errorf("%s %s/%s %v: got %v (%s, ok %v), want %v", tc.typ, tc.provider, tc.kind, tc.attrs, p.SLA, p.Product, ok, tc.want)
		}
	}
	if _, ok := c.Lookup(&graph.Node{Type: "x", Provider: "acme", Kind: "gizmo"}); ok {
		t.Error("an unknown product matched")
	}
	for _, tc := range []struct {
		n    graph.Node
		want float64
	}{
		{graph.Node{Level: graph.LevelZone, Provider: "aws"}, 99.95},
		{graph.Node{Level: graph.LevelRegion, Provider: "gcp"}, 99.99},
		{graph.Node{Level: graph.LevelProvider, Provider: "azure"}, 99.999},
		{graph.Node{Level: graph.LevelService, Provider: "aws", Service: "dynamodb"}, 99.99},
		{graph.Node{Level: graph.LevelService, Provider: "aws", Service: "route53"}, 100},
		{graph.Node{Level: graph.LevelRegion, Provider: "onprem"}, 99.982},
	} {
		if p, ok := c.LookupPlacement(&tc.n); !ok || p.SLA != tc.want {
			t.Errorf("placement %+v: got %v, want %v", tc.n, p.SLA, tc.want)
		}
	}
}

func TestAvailabilityCatalogOverride(t *testing.T) {
	over := `untether_availability: 1
default: 99
products:
  - {product: RDS Single-AZ (our contract), provider: aws, kind: database, types: [aws_db_instance], when: {multi_az: [false, null]}, sla: 99.9}
placements:
  - {level: zone, provider: aws, sla: 99.9}
`
	c, err := ParseAvailabilityCatalog([]byte(over), "over.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rds := func(attrs map[string]any) float64 {
		p, _ := c.Lookup(&graph.Node{Type: "aws_db_instance", Provider: "aws", Kind: "database", Attrs: attrs})
		return p.SLA
	}
	if rds(nil) != 99.9 || rds(map[string]any{"multi_az": false}) != 99.9 || rds(map[string]any{"multi_az": true}) != 99.95 {
		t.Errorf("override: single-AZ %v/%v, multi-AZ %v", rds(nil), rds(map[string]any{"multi_az": false}), rds(map[string]any{"multi_az": true}))
	}
	if p, _ := c.LookupPlacement(&graph.Node{Level: graph.LevelZone, Provider: "aws"}); p.SLA != 99.9 {
		t.Errorf("zone override: %v", p.SLA)
	}
	if p, _ := c.LookupPlacement(&graph.Node{Level: graph.LevelZone, Provider: "gcp"}); p.SLA != 99.95 {
		t.Errorf("built-in zone kept: %v", p.SLA)
	}
	if c.Default != 99 {
		t.Errorf("default %v", c.Default)
	}
	only, err := ParseAvailabilityCatalog([]byte("untether_availability: 1\nreplace: true\nproducts: []\n"), "only.yaml")
	if err != nil || only.Default != DefaultAvailability {
		t.Fatalf("replace: %v, default %v", err, only.Default)
	}
	if _, ok := only.Lookup(&graph.Node{Type: "aws_instance", Provider: "aws", Kind: "instance"}); ok {
		t.Error("replace kept the built-in entries")
	}
}

func TestAvailabilityCatalogErrors(t *testing.T) {
	for _, tc := range []struct{ text, line, msg string }{
		{"untether_availability: 2\nproducts: []\n", ":1:", "expected 1"},
		{"untether_availability: 1\nproducts:\n  - {product: x, provider: aws, kind: db, sla: 0}\n", ":3:", "sla is 0"},
		{"untether_availability: 1\nproducts:\n  - {product: x, provider: aws, kind: db, sla: 101}\n", ":3:", "at most 100"},
		{"untether_availability: 1\nproducts:\n  - {product: x, provider: aws, kind: db, SLA: 99}\n", ":3:", "unknown field \"SLA\""},
		{"untether_availability: 1\nproducts:\n  - {provider: aws, kind: db, sla: 99}\n", ":3:", "required"},
		{"untether_availability: 1\nproducts:\n  - {product: x, provider: aws, kind: db, sla: 99,\n     when: {zone_count: \">=two\"}}\n", ":4:", "comparison"},
		{"untether_availability: 1\nplacements:\n  - {level: rack, provider: aws, sla: 99}\n", ":3:", "level \"rack\""},
		{"untether_availability: 1\ndefault: 120\n", ":2:", "default is 120"},
		{"untether_availability: 1\nproducts: [\n", ":2:", "malformed YAML: did not find expected node content"},
		{"untether_availability: 1\nproducts:\n  - {product: x, provider: aws, kind: db, sla: high}\n", ":3:48:", `expected a number, got the string "high"`},
		{"", ":1:", "empty"},
	} {
		_, err := ParseAvailabilityCatalog([]byte(tc.text), "cat.yaml")
		var ie *graph.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "cat.yaml"+tc.line) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%q: got %v, want cat.yaml%s ... %s", tc.text, err, tc.line, tc.msg)
		}
	}
}

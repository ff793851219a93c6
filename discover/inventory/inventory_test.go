package inventory

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func loadBase(t *testing.T) *graph.Estate {
	t.Helper()
	e, err := graph.Load("testdata/base.json")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func encode(t *testing.T, e *graph.Estate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graph.Encode(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hasEdge(e *graph.Estate, from, to string) *graph.Edge {
	for i := range e.Edges {
		if e.Edges[i].From == from && e.Edges[i].To == to {
			return &e.Edges[i]
		}
	}
	return nil
}

func node(e *graph.Estate, id string) *graph.Node {
	for i := range e.Nodes {
		if e.Nodes[i].ID == id {
			return &e.Nodes[i]
		}
	}
	return nil
}

func TestExampleAppliesOntoEstate(t *testing.T) {
	inv, err := Load("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Services) != 4 || len(inv.Resources) != 8 || len(inv.Dependencies) != 2 || len(inv.Groups) != 1 {
		t.Fatalf("parsed %d services, %d resources, %d dependencies, %d groups", len(inv.Services), len(inv.Resources), len(inv.Dependencies), len(inv.Groups))
	}
	e, err := inv.Apply(loadBase(t))
	if err != nil {
		t.Fatal(err)
	}
	co := node(e, "service:checkout")
	if co == nil || co.Tier != 1 || co.DowntimeCostPerHour != 250000 || !slices.Equal(co.Owners, []string{"checkout-team", "sre@example.com"}) {
		t.Fatalf("checkout service = %+v", co)
	}
	if erp := node(e, "service:erp"); erp == nil || !slices.Equal(erp.Residency, []string{"eu"}) {
		t.Fatalf("erp service = %+v", erp)
	}
	alb := "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout/50dc6c495c0c9188"
	for _, c := range []struct{ from, to, evidence string }{
		{"service:checkout", alb, "testdata/example.yaml:14"},
		{"service:checkout", "service:payments", "testdata/example.yaml:15"},
		{"service:payments", "arn:aws:apigateway:us-east-1::/restapis/pay1", "testdata/example.yaml:24"},
		{"service:payments", "group:card-processors", "testdata/example.yaml:25"},
		{"saas:stripe", "stripe", "testdata/example.yaml:43"},
		{"onprem:fra1:oracle:erp-prod", "onprem/fra1/hall-a", "testdata/example.yaml:71"},
		{"onprem:fra1:san-01", "group:onprem/fra1:1-of:hall-a,hall-b", "testdata/example.yaml:82"},
		{"arn:aws:apigateway:us-east-1::/restapis/pay1", "saas:stripe", "testdata/example.yaml:92 card authorisation"},
		{alb, "saas:github", "testdata/example.yaml:93 deploys need GitHub Actions"},
		{"arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "saas:github", "testdata/example.yaml:93 deploys need GitHub Actions"},
		{"group:card-processors", "saas:adyen", "testdata/example.yaml:101"},
	} {
		ed := hasEdge(e, c.from, c.to)
		if ed == nil {
			t.Errorf("missing edge %s -> %s", c.from, c.to)
			continue
		}
		if ed.Evidence != c.evidence {
			t.Errorf("edge %s -> %s: evidence %q, want %q", c.from, c.to, ed.Evidence, c.evidence)
		}
	}
	if g := node(e, "group:card-processors"); g == nil || g.Need != 1 || g.Class != graph.ClassGroup {
		t.Errorf("group = %+v", g)
	}
	if err := graph.Validate(e); err != nil {
		t.Error(err)
	}
}

func TestApplyOntoEmptyAndDeterministic(t *testing.T) {
	src := `untether_inventory: 1
resources:
  - {id: saas:okta, kind: identity, provider: okta}
  - {id: dns, kind: dns_zone, provider: aws, managed_service: route53}
  - {id: db, kind: database, provider: onprem, region: dc1, zones: [r1, r2, r3], zone_need: 2}
services:
  - {id: intranet, tier: 2, entry: [saas:okta, "kind:database"], needs: [dns]}
`
	var first []byte
	for i := 0; i < 5; i++ {
		inv, err := Parse([]byte(src), "inv.yaml")
		if err != nil {
			t.Fatal(err)
		}
		for _, base := range []*graph.Estate{nil, {}} {
			e, err := inv.Apply(base)
			if err != nil {
				t.Fatal(err)
			}
			b := encode(t, e)
			if first == nil {
				first = b
			} else if !bytes.Equal(first, b) {
				t.Fatal("Apply is not deterministic")
			}
			if hasEdge(e, "dns", "aws/global/service/route53") == nil || hasEdge(e, "aws/global/service/route53", "aws") == nil {
				t.Error("managed_service without region should need the global service")
			}
			if hasEdge(e, "db", "group:onprem/dc1:2-of:r1,r2,r3") == nil {
				t.Error("zone_need 2 should make a 2-of-3 zone group")
			}
			if hasEdge(e, "service:intranet", "db") == nil {
				t.Error("kind selector did not resolve")
			}
		}
	}
}

func TestApplyDoesNotChangeBase(t *testing.T) {
	base := loadBase(t)
	before := encode(t, base)
	inv, err := Load("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inv.Apply(base); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, encode(t, base)) {
		t.Error("Apply changed its input estate")
	}
}

func TestMergeFillsExistingResource(t *testing.T) {
	src := `untether_inventory: 1
resources:
  - id: arn:aws:apigateway:us-east-1::/restapis/pay1
    kind: gateway
    provider: aws
    region: us-east-1
    tags: {owner: payments-team, service: overridden}
`
	inv, err := Parse([]byte(src), "inv.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := inv.Apply(loadBase(t))
	if err != nil {
		t.Fatal(err)
	}
	n := node(e, "arn:aws:apigateway:us-east-1::/restapis/pay1")
	if n.Kind != "api" || n.Tags["service"] != "payments" || n.Tags["owner"] != "payments-team" {
		t.Errorf("merged node = %+v; the estate's values should win and new tags be added", n)
	}
}

func inputError(t *testing.T, err error) *graph.InputError {
	t.Helper()
	var ie *graph.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *graph.InputError", err, err)
	}
	return ie
}

func TestErrorMessageNamesFile(t *testing.T) {
	_, err := Parse([]byte("untether_inventory: 1\nservices:\n  - id: a\n    tier: high\n"), "my inventory.yaml")
	if got, want := err.Error(), `my inventory.yaml:4:11: expected tier as a whole number from 1 to 4, got the string "high"`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	_ = strings.TrimSpace
}

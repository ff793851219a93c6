package inventory

import (
	"bytes"
	"slices"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

func TestDeriveServicesFromTags(t *testing.T) {
	e, err := DeriveServices(loadBase(t), "service", "tier")
	if err != nil {
		t.Fatal(err)
	}
	co := node(e, "service:checkout")
	if co == nil || co.Class != graph.ClassService || co.Tier != 1 {
		t.Fatalf("checkout = %+v", co)
	}
	alb := "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout/50dc6c495c0c9188"
	// The instance is needed by the ALB (same tag), so only the ALB is an entry.
	if hasEdge(e, "service:checkout", alb) == nil || hasEdge(e, "service:checkout", "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc") != nil {
		t.Error("checkout should enter through its ALB only")
	}
	if p := node(e, "service:payments"); p == nil || p.Tier != 0 {
		t.Errorf("payments = %+v; without a tier tag it keeps the default", p)
	}
}

func TestDeriveServicesCycleAndErrors(t *testing.T) {
	b := graph.NewBuilder()
	for _, id := range []string{"a", "b"} {
		b.Node(graph.Node{ID: id, Class: graph.ClassResource, Provider: "p", Tags: map[string]string{"svc": "x", "tier": "t2"}})
		b.Place(id, "p", "", nil, "test")
	}
	b.Edge("a", "b", "test")
	b.Edge("b", "a", "test")
	base, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	e, err := DeriveServices(base, "svc", "tier")
	if err != nil {
		t.Fatal(err)
	}
	if hasEdge(e, "service:x", "a") == nil || hasEdge(e, "service:x", "b") == nil || node(e, "service:x").Tier != 2 {
		t.Error("a service whose resources form a cycle should enter through all of them")
	}
	if _, err := DeriveServices(base, "", ""); err == nil {
		t.Error("empty tag key should be an error")
	}
}

func TestDeriveServicesKeepsDeclaredServices(t *testing.T) {
	d, err := demo.Estate()
	if err != nil {
		t.Fatal(err)
	}
	e, err := DeriveServices(d, "service", "tier")
	if err != nil {
		t.Fatal(err)
	}
	// Declared services are untouched; only tag values without a service
	// (here "platform") gain one.
	var added []string
	for i := range e.Nodes {
		if n := &e.Nodes[i]; n.Class == graph.ClassService && node(d, n.ID) == nil {
			added = append(added, n.ID)
		}
	}
	if !slices.Equal(added, []string{"service:platform"}) {
		t.Errorf("derived %v, want only service:platform", added)
	}
	count := func(e *graph.Estate, from string) (n int) {
		for _, ed := range e.Edges {
			if ed.From == from {
				n++
			}
		}
		return n
	}
	if count(e, "service:checkout") != count(d, "service:checkout") {
		t.Error("a declared service gained derived edges")
	}
}

func TestDeriveServicesOnDemo(t *testing.T) {
	d, err := demo.Estate()
	if err != nil {
		t.Fatal(err)
	}
	// Drop the declared services, then derive them back from tags.
	d.Nodes = slices.DeleteFunc(d.Nodes, func(n graph.Node) bool { return n.Class == graph.ClassService })
	d.Edges = slices.DeleteFunc(d.Edges, func(ed graph.Edge) bool { return len(ed.From) > 8 && ed.From[:8] == "service:" })
	e1, err := DeriveServices(d, "service", "")
	if err != nil {
		t.Fatal(err)
	}
	e2, _ := DeriveServices(d, "service", "")
	if !bytes.Equal(encode(t, e1), encode(t, e2)) {
		t.Error("DeriveServices is not deterministic")
	}
	for _, s := range []string{"checkout", "payments", "storefront", "catalog", "support-desk"} {
		if node(e1, "service:"+s) == nil {
			t.Errorf("service %s not derived", s)
		}
	}
}

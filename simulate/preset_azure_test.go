package simulate

import (
	"slices"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// TestFrontDoorPreset: the October 2025 Front Door preset stops what is
// published only through Front Door and keeps the origins, and what has
// another way in, up.
func TestFrontDoorPreset(t *testing.T) {
	b := graph.NewBuilder()
	fd := b.ManagedService("azure", graph.GlobalRegion, "front-door")
	region := b.Region("azure", "eastus")
	res := func(id string, needs ...string) {
		b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: "web_app", Provider: "azure", Evidence: "test"})
		for _, n := range needs {
			b.Edge(id, n, "test")
		}
	}
	res("origin", region)
	res("afd", fd, "origin")
	res("agw", region, "origin")
	b.Group("group:either", 1, []string{"afd", "agw"}, "test")
	res("tm", "group:either")
	for _, svc := range []struct{ id, entry string }{{"service:only-afd", "afd"}, {"service:two-ways", "tm"}, {"service:origin", "origin"}} {
		b.Node(graph.Node{ID: svc.id, Class: graph.ClassService, Tier: 1})
		b.Edge(svc.id, svc.entry, "test")
	}
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range m.Audit().Scenarios {
		if sc.Name != "azure-front-door-config-2025-10" {
			continue
		}
		if !slices.Equal(sc.ServicesDown, []string{"service:only-afd"}) {
			t.Errorf("services down: %v, want only the one published through Front Door alone", sc.ServicesDown)
		}
		return
	}
	t.Fatal("the Front Door preset did not run on an estate with Front Door")
}

package terraform

import (
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// gcp_lb's backend service names a zonal NEG no resource in the state has:
// the reader stands it in from its self-link. Like the live collectors'
// stubs, the stand-in is a placeholder, so an estate that collected the
// NEG (a live GCP discovery) wins when the two are merged, instead of
// conflicting with a made-up node.
func TestOutsideInputStandInsArePlaceholders(t *testing.T) {
	est, err := Read(caseInputs(t, "testdata/gcp_lb")...)
	if err != nil {
		t.Fatal(err)
	}
	var stand *graph.Node
	for i := range est.Nodes {
		n := &est.Nodes[i]
		addr, _ := n.Attrs["address"].(string)
		switch {
		case strings.HasPrefix(addr, "outside-input:"):
			if !n.Placeholder {
				t.Errorf("%s stands in for something outside the input but is not a placeholder", n.ID)
			}
			stand = n
		case n.Placeholder:
			t.Errorf("%s (%s) is in the input but marked a placeholder", n.ID, addr)
		}
	}
	if stand == nil {
		t.Fatal("no stand-in node in gcp_lb")
	}
	live := &graph.Estate{Nodes: []graph.Node{{ID: stand.ID, Class: graph.ClassResource, Kind: "network_endpoint_group",
		Type: "compute.googleapis.com/NetworkEndpointGroup", Provider: "gcp", Account: "shop", Region: "us-central1",
		Zones: []string{"us-central1-f"}, Name: "web-neg-live", Evidence: "live"}}}
	merged, err := graph.Merge(graph.Shard{Name: "terraform", Estate: est}, graph.Shard{Name: "live", Estate: live})
	if err != nil {
		t.Fatalf("merging the live NEG: %v", err)
	}
	for _, n := range merged.Nodes {
		if n.ID == stand.ID && (n.Name != "web-neg-live" || n.Placeholder) {
			t.Errorf("merged NEG %+v: want the live node", n)
		}
	}
}

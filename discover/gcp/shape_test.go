package gcp

import (
	"testing"

	"github.com/untether-dev/untether/graph"
)

// TestRegionalMIGShapes: a regional managed instance group whose target
// shape may put every VM in one zone (ANY_SINGLE_ZONE, and ANY, which
// promises no spread) goes on the zone decided at apply; EVEN and BALANCED
// spread over the listed zones, as the Terraform reader reads the same
// attribute (discover/terraform TestRegionalMIGTargetShape).
func TestRegionalMIGShapes(t *testing.T) {
	for shape, wantDecided := range map[string]bool{"ANY_SINGLE_ZONE": true, "ANY": true, "EVEN": false, "BALANCED": false, "": false} {
		data := map[string]any{
			"region": "https://www.googleapis.com/compute/v1/projects/shop-prod/regions/us-central1",
			"distributionPolicy": map[string]any{"targetShape": shape, "zones": []any{
				map[string]any{"zone": "https://www.googleapis.com/compute/v1/projects/shop-prod/zones/us-central1-a"},
				map[string]any{"zone": "https://www.googleapis.com/compute/v1/projects/shop-prod/zones/us-central1-b"},
			}},
		}
		it := item{name: "//compute.googleapis.com/projects/shop-prod/regions/us-central1/instanceGroupManagers/mig",
			typ: "compute.googleapis.com/RegionInstanceGroupManager", location: "us-central1", projectNum: "1", data: data}
		e, err := assemble([]listing{{parent: "projects/shop-prod", assets: []item{it}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		decided, zoned := false, 0
		for _, ed := range e.Edges {
			switch ed.To {
			case "gcp/us-central1/" + graph.DecidedAtApply:
				decided = true
			case "gcp/us-central1/us-central1-a", "gcp/us-central1/us-central1-b":
				zoned++
			}
		}
		if decided != wantDecided || (!wantDecided && zoned != 2) {
			t.Errorf("shape %q: on the zone decided at apply = %v (want %v), edges to listed zones = %d", shape, decided, wantDecided, zoned)
		}
	}
}

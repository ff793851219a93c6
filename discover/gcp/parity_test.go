package gcp

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/untether-dev/untether/discover/gcp/gcpfake"
	"github.com/untether-dev/untether/discover/terraform"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// TestTerraformParity: the project described in Terraform (a state of the
// same resources) and read through Cloud Asset Inventory gives the same
// zone answers: for every zone, the same resources go down.
func TestTerraformParity(t *testing.T) {
	path := filepath.Join("testdata", "shop-prod.tfstate")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tf, err := terraform.Decode(data, path)
	if err != nil {
		t.Fatal(err)
	}
	cai := collectFixture(t, fixtureFake(t), func(o *Options) { o.Projects = []string{gcpfake.ProdProject} })
	// The resources both describe, by their "projects/..." path.
	common := map[string]bool{}
	for _, n := range tf.Nodes {
		if n.Class == graph.ClassResource {
			common[normLink(n.ID)] = true
		}
	}
	if len(common) != 7 {
		t.Fatalf("the Terraform fixture gave %d resources, want 7", len(common))
	}
	for _, zone := range []string{"us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f"} {
		sel := "zone:gcp/us-central1/" + zone
		a, b := down(t, tf, sel, common), down(t, cai, sel, common)
		if !slices.Equal(a, b) {
			t.Errorf("%s: Terraform says %v go down, Cloud Asset Inventory %v", zone, a, b)
		}
		if zone == "us-central1-f" && !slices.Contains(b, "projects/shop-prod/instances/reports-db") {
			t.Errorf("the zonal reports-db must go down with us-central1-f: %v", b)
		}
	}
}

// down lists the resources of common that the selector's failure stops.
func down(t *testing.T, e *graph.Estate, sel string, common map[string]bool) []string {
	t.Helper()
	m, err := simulate.NewModel(e, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Simulate([]string{sel})
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	var out []string
	for _, id := range s.Down {
		if k := normLink(id); common[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

package gcp_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/gcp"
	"github.com/untether-dev/untether/discover/gcp/gcpfake"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

const (
	cmp = "https://www.googleapis.com/compute/v1/projects/shop-prod/"
	sql = "https://sqladmin.googleapis.com/sql/v1beta4/projects/shop-prod/instances/"
)

// TestFixtureSPOFs runs the collected fixture through the simulator with
// two services and checks the SPOFs the fixture was built to have.
func TestFixtureSPOFs(t *testing.T) {
	f := gcpfake.New(gcpfake.Fixture())
	defer f.Close()
	e, err := gcp.Collect(context.Background(), gcp.Options{Projects: []string{gcpfake.ProdProject}, Endpoint: f.URL,
		Run: discover.RunOptions{MaxBackoff: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	b := graph.NewBuilder()
	b.Merge(e)
	needs := map[string][]string{
		"service:storefront": {cmp + "global/forwardingRules/web-fr", sql + "orders-db", "//redis.googleapis.com/projects/shop-prod/locations/us-central1/instances/sessions"},
		"service:jobs":       {cmp + "regions/us-central1/forwardingRules/internal-fr", "//pubsub.googleapis.com/projects/shop-prod/topics/orders"},
	}
	for svc, ids := range needs {
		b.Node(graph.Node{ID: svc, Class: graph.ClassService, Name: svc, Tier: 1})
		for _, id := range ids {
			if b.Get(id) == nil {
				t.Fatalf("fixture lacks %s", id)
			}
			b.Edge(svc, id, "test")
		}
	}
	est, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := simulate.NewModel(est, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	audit := m.Audit()
	// The June 2025 preset: Service Control down stops what reaches data
	// through Google APIs (jobs: its Pub/Sub topic), not the regional data
	// planes (storefront: load balancer, VMs, Cloud SQL, Memorystore).
	found := false
	for _, sc := range audit.Scenarios {
		if sc.Name == "gcp-service-control-2025-06" {
			found = true
			if !slices.Contains(sc.ServicesDown, "service:jobs") || slices.Contains(sc.ServicesDown, "service:storefront") {
				t.Errorf("Service Control preset stops %v; want jobs and not storefront", sc.ServicesDown)
			}
		}
	}
	if !found {
		t.Errorf("no gcp-service-control-2025-06 scenario")
	}
	spofs := map[string]bool{}
	for _, s := range audit.SPOFs {
		spofs[s.Node] = true
	}
	for id, want := range map[string]bool{
		"gcp/us-central1/us-central1-a":                           false, // MIG over a,b,c or the NEG in b; SQL HA a+b; Redis HA a+f
		"gcp/us-central1/us-central1-b":                           false,
		"gcp/us-central1/us-central1-f":                           false, // only the /static route's backend lives there
		"gcp/us-central1/decided-at-apply":                        true,  // worker-mig: ANY_SINGLE_ZONE
		"gcp/us-central1":                                         true,
		"gcp/us-central1/service/cloudsql":                        true,
		"gcp/global/service/cloud-load-balancing":                 true,
		"gcp/global/service/service-control":                      true,  // the Pub/Sub topic is reached through Google APIs
		"gcp/us-central1/service/pubsub":                          true,  // messages may only be stored there
		sql + "orders-db":                                         true,  // HA across zones, still one instance
		cmp + "regions/us-central1/instanceGroupManagers/api-mig": false, // the NEG serves too
	} {
		if spofs[id] != want {
			t.Errorf("SPOF %s: got %v, want %v", id, spofs[id], want)
		}
	}
}

package simulate

import (
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// TestFindingsSpeakInDisplayNames: a finding's message names nodes by the
// display names every report shows (a service by its name, a resource by
// its name, a zone in words), never by a raw ARN; its id keeps the node
// ids, which baselines and waivers key on.
func TestFindingsSpeakInDisplayNames(t *testing.T) {
	const db = "arn:aws:rds:us-east-1:111122223333:db:orders-db"
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:shop", Class: graph.ClassService, Name: "Shop", Tier: 1})
	b.Node(graph.Node{ID: db, Class: graph.ClassResource, Kind: "database", Provider: "aws", Region: "us-east-1", Name: "orders-db"})
	zone := b.Zone("aws", "us-east-1", "use1-az1")
	b.Edge("service:shop", db, "test")
	b.Edge(db, zone, "test")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range m.Audit().Findings {
		if f.ID != "spof-resource:"+db {
			continue
		}
		found = true
		if strings.Contains(f.Message, "arn:") || !strings.Contains(f.Message, "orders-db") || !strings.Contains(f.Message, "Shop") {
			t.Errorf("message %q: want display names, no ARN", f.Message)
		}
	}
	if !found {
		t.Fatal("no resource SPOF finding for the database")
	}
}

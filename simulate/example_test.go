package simulate_test

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// A checkout service on a multi-AZ database survives one zone, not two.
func ExampleModel_Simulate() {
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:checkout", Class: graph.ClassService, Tier: 1})
	b.Node(graph.Node{ID: "db:orders", Class: graph.ClassResource, Kind: "database", Provider: "aws", Region: "us-east-1"})
	b.Edge("service:checkout", "db:orders", "inventory.yaml:3")
	b.Edge("db:orders", b.ZoneGroup("aws", "us-east-1", 1, []string{"use1-az1", "use1-az2"}), "MultiAZ=true")
	e, _ := b.Estate()
	m, _ := simulate.NewModel(e, simulate.Options{})

	one, _ := m.Simulate([]string{"zone:aws/us-east-1/use1-az1"})
	two, _ := m.Simulate([]string{"zone:aws/us-east-1/use1-az1", "zone:aws/us-east-1/use1-az2"})
	fmt.Println("one zone:", one.ServicesDown)
	fmt.Println("two zones:", two.ServicesDown)
	_, err := m.Simulate([]string{"zone:aws/us-east-1/use1-az9"})
	fmt.Println(err)
	// Output:
	// one zone: []
	// two zones: [service:checkout]
	// selector "zone:aws/us-east-1/use1-az9": matches no node in the estate; it has zone:aws/us-east-1/use1-az1, zone:aws/us-east-1/use1-az2
}

func ExampleModel_Explain() {
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:login", Class: graph.ClassService, Tier: 1})
	b.Node(graph.Node{ID: "saas:auth0", Class: graph.ClassResource, Kind: "identity", Provider: "auth0"})
	b.Edge("service:login", "saas:auth0", "inventory.yaml:9")
	e, _ := b.Estate()
	m, _ := simulate.NewModel(e, simulate.Options{})
	ex, _ := m.Explain("saas:auth0")
	fmt.Println(ex.Summary)
	fmt.Println(ex.Down[0].Path, ex.Down[0].Evidence)
	// Output:
	// saas:auth0 (resource) is a SPOF: its failure alone takes 1 critical service(s) down: login (shortest chain: login -> saas:auth0).
	// [service:login saas:auth0] [inventory.yaml:9]
}

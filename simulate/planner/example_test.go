package planner_test

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/planner"
)

// A checkout service on a single-zone database: survive-zone needs one
// action, and the plan proves it by re-simulation.
func ExampleBuildPlan() {
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:checkout", Class: graph.ClassService, Name: "checkout", Tier: 1, DowntimeCostPerHour: 9000})
	b.Zone("aws", "us-east-1", "use1-az2")
	b.Node(graph.Node{ID: "orders-db", Class: graph.ClassResource, Kind: "database", Type: "AWS::RDS::DBInstance",
		Provider: "aws", Region: "us-east-1", Zones: []string{"use1-az1"}, Name: "orders"})
	b.Place("orders-db", "aws", "us-east-1", []string{"use1-az1"}, "rds.DescribeDBInstances MultiAZ=false")
	b.Edge("service:checkout", "orders-db", "inventory.yaml:3")
	e, _ := b.Estate()

	goals, _ := planner.ParseGoals([]string{"survive-zone"})
	plan, after, _ := planner.BuildPlan(e, simulate.Options{}, planner.PlanRequest{Goals: goals})
	fmt.Println(plan.Headline)
	for _, w := range plan.Waves {
		for _, a := range w.Actions {
			fmt.Printf("wave %d: %s on %s -> %s\n", w.Number, a.Action, a.TargetName, a.To)
		}
	}
	fmt.Println("downtime cost avoided per hour:", plan.DowntimeCostAvoidedPerHour)
	fmt.Println("nodes after:", len(after.Nodes))
	// Output:
	// 1 action in 1 wave, about 2 person-days; verified: survive-zone.
	// wave 1: enable-multi-az on orders -> zones use1-az1, use1-az2
	// downtime cost avoided per hour: 9000
	// nodes after: 7
}

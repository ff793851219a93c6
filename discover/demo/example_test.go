package demo_test

import (
	"fmt"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

func ExampleGenerate() {
	e, err := demo.Generate(2000, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	count := map[graph.Class]int{}
	for i := range e.Nodes {
		count[e.Nodes[i].Class]++
	}
	fmt.Println(count[graph.ClassResource], "resources,", count[graph.ClassService], "services")
	// Output: 2000 resources, 50 services
}

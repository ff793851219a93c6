package inventory_test

import (
	"fmt"

	"github.com/untether-dev/untether/discover/inventory"
)

func Example() {
	inv, err := inventory.Parse([]byte(`untether_inventory: 1
services:
  - id: checkout
    tier: 1
    entry: [saas:stripe]
resources:
  - {id: saas:stripe, kind: saas_api, provider: stripe}
`), "inventory.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := inv.Apply(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ed := range e.Edges {
		fmt.Printf("%s -> %s (%s)\n", ed.From, ed.To, ed.Evidence)
	}
	_, err = inventory.Parse([]byte("untether_inventory: 1\nservices:\n  - id: checkout\n    tier: critical\n"), "inventory.yaml")
	fmt.Println(err)
	// Output:
	// saas:stripe -> stripe (inventory.yaml:7)
	// service:checkout -> saas:stripe (inventory.yaml:5)
	// inventory.yaml:4:11: expected tier as a whole number from 1 to 4, got the string "critical"
}

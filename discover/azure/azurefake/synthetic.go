package azurefake

import "fmt"

// Synthetic is an estate of subs subscriptions, each with perRegion
// resources in every region (zonal VMs, zone-redundant databases, storage
// accounts), for benchmarks.
func Synthetic(subs int, regions []string, perRegion int) []Row {
	var rows []Row
	for s := range subs {
		sub := fmt.Sprintf("00000000-0000-4000-8000-%012d", s+1)
		rows = append(rows, SubscriptionRow(sub, fmt.Sprintf("sub-%d", s+1)))
		for _, reg := range regions {
			group := "rg-" + reg
			for i := range perRegion {
				var r Resource
				switch i % 3 {
				case 0:
					r = Resource{Type: "Microsoft.Compute/virtualMachines", Name: fmt.Sprintf("vm-%d", i), Zones: []string{fmt.Sprint(1 + i%3)}}
				case 1:
					r = Resource{Type: "Microsoft.Storage/storageAccounts", Name: fmt.Sprintf("st%d", i), SKU: map[string]any{"name": "Standard_ZRS"}}
				default:
					r = Resource{ID: ID(sub, group, "Microsoft.Sql/servers", "sql") + fmt.Sprintf("/databases/db-%d", i),
						Type: "Microsoft.Sql/servers/databases", Name: fmt.Sprintf("db-%d", i), Props: map[string]any{"zoneRedundant": i%2 == 0}}
				}
				r.Sub, r.Group, r.Location = sub, group, reg
				rows = append(rows, r.Row())
			}
		}
	}
	return rows
}

package azure

import (
	"slices"
	"strings"
)

// mappedTypes are the ARM types the query asks for: the ones a mapper
// reads (see mappers), lowercase as Resource Graph writes them.
func mappedTypes() []string {
	out := make([]string, 0, len(mappers))
	for t := range mappers {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// subscriptionType is the resourcecontainers type of a subscription.
const subscriptionType = "microsoft.resources/subscriptions"

// columns are the projected columns: id first (Resource Graph returns a
// $skipToken only when id is projected), then what the mappers read.
const columns = "id, name, type, location, subscriptionId, resourceGroup, kind, sku, zones, tags, properties"

// kql is the one query of a run: every resource (the unmapped ones without
// their properties, which only the mappers read), and the subscriptions
// (to learn which were really read), ordered by id so pages are stable. It
// has no limit or take, which would drop the $skipToken.
func kql() string {
	quoted := make([]string, 0, len(mappers))
	for _, t := range mappedTypes() {
		quoted = append(quoted, "'"+t+"'")
	}
	return "resources\n" +
		"| extend properties = iff(type in~ (" + strings.Join(quoted, ", ") + "), properties, dynamic(null))\n" +
		"| project " + columns + "\n" +
		"| union (resourcecontainers | where type =~ '" + subscriptionType + "' | project " + columns + ")\n" +
		"| order by id asc"
}

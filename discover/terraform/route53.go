package terraform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// routingPolicies are the aws_route53_record blocks that make several
// records one name served by any of them.
var routingPolicies = []string{"failover_routing_policy", "weighted_routing_policy", "latency_routing_policy",
	"geolocation_routing_policy", "geoproximity_routing_policy", "multivalue_answer_routing_policy", "cidr_routing_policy"}

// dnsNames adds, for records that share a zone, name and type under a
// routing policy (failover, weighted, latency ...), one node for the name
// that needs any one of its records: the redundancy DNS failover gives.
func dnsNames(b *graph.Builder, nodes []*node) {
	sets := map[string][]*node{}
	policy := map[string]string{}
	for _, n := range nodes {
		if n.in.typ != "aws_route53_record" || knownString(n.in, "set_identifier") == "" {
			continue
		}
		key := fmt.Sprintf("dns:%s/%s/%s", str(n.in.values, "zone_id"), strings.TrimSuffix(str(n.in.values, "name"), "."), str(n.in.values, "type"))
		sets[key] = append(sets[key], n)
		for _, p := range routingPolicies {
			if len(blocks(n.in.values, p)) > 0 || n.in.values[p] == true {
				policy[key] = p
			}
		}
	}
	for _, key := range sortedKeys(sets) {
		recs := sets[key]
		if len(recs) < 2 {
			continue
		}
		ids := make([]string, len(recs))
		for i, r := range recs {
			ids[i] = r.id
		}
		slices.Sort(ids)
		ev := fmt.Sprintf("terraform: %d records of %s with set_identifier and %s", len(ids), strings.TrimPrefix(key, "dns:"), policy[key])
		b.Node(graph.Node{ID: key, Class: graph.ClassResource, Kind: "dns_name", Type: "aws_route53_record",
			Provider: "aws", Region: graph.GlobalRegion, Name: str(recs[0].in.values, "name"), Evidence: ev,
			Attrs: map[string]any{"routing_policy": policy[key], "records": len(ids)}})
		b.Edge(key, b.ManagedService("aws", graph.GlobalRegion, "route53"), "DNS answers come from Route 53")
		gid := b.Group(graph.GroupID(key, "records"), 1, ids, ev)
		b.Edge(key, gid, ev)
	}
}

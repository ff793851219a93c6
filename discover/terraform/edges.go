package terraform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// How an attribute reference turns into edges. Most are plain needs (an
// instance needs its subnet). Some point the other way: a listener names
// its load balancer, but the load balancer needs the listener. Some make
// the source one of the target's redundant members (target group
// attachments, cluster instances, node pools): the target needs any one of
// them. And some list alternatives the source needs any one of (subnets).
type relation int

const (
	relNeed relation = iota
	relReverse
	relMember
	relAnyOf
)

var reverseKeys = map[string]map[string]bool{
	"aws_lb_listener":                                   toSet("load_balancer_arn"),
	"aws_alb_listener":                                  toSet("load_balancer_arn"),
	"aws_lb_listener_rule":                              toSet("listener_arn"),
	"aws_route_table_association":                       toSet("subnet_id", "gateway_id"),
	"azurerm_lb_backend_address_pool":                   toSet("loadbalancer_id"),
	"azurerm_lb_rule":                                   toSet("loadbalancer_id"),
	"azurerm_subnet_network_security_group_association": toSet("subnet_id"),
	"aws_lambda_event_source_mapping":                   toSet("function_name"),
}

var memberKeys = map[string]map[string]bool{
	"aws_lb_target_group_attachment":                             toSet("target_group_arn"),
	"aws_alb_target_group_attachment":                            toSet("target_group_arn"),
	"aws_autoscaling_group":                                      toSet("target_group_arns", "load_balancers"),
	"aws_autoscaling_attachment":                                 toSet("lb_target_group_arn", "alb_target_group_arn", "elb"),
	"aws_rds_cluster_instance":                                   toSet("cluster_identifier"),
	"aws_rds_cluster":                                            toSet("global_cluster_identifier"),
	"aws_eks_node_group":                                         toSet("cluster_name"),
	"google_container_node_pool":                                 toSet("cluster"),
	"azurerm_kubernetes_cluster_node_pool":                       toSet("kubernetes_cluster_id"),
	"azurerm_network_interface_backend_address_pool_association": toSet("backend_address_pool_id"),
	"azurerm_traffic_manager_azure_endpoint":                     toSet("profile_id"),
	"azurerm_traffic_manager_external_endpoint":                  toSet("profile_id"),
	"azurerm_mssql_database":                                     toSet("elastic_pool_id"),
}

// anyOfKeys on every type: lists of alternatives.
var anyOfKeys = toSet("subnet_ids", "subnets", "vpc_zone_identifier", "group", "availability_zones", "node_locations")

func relationOf(typ, key string) relation {
	switch {
	case reverseKeys[typ][key]:
		return relReverse
	case memberKeys[typ][key]:
		return relMember
	case anyOfKeys[key]:
		return relAnyOf
	}
	return relNeed
}

type edges struct {
	b       *graph.Builder
	ix      *index
	members map[string][]memberOf // target id -> members
	anyOf   map[[2]string][]string
	covered map[[2]string]bool // pairs already related, either way
	targets map[string]*node
}

type memberOf struct{ id, evidence string }

func newEdges(b *graph.Builder, ix *index) *edges {
	return &edges{b: b, ix: ix, members: map[string][]memberOf{}, anyOf: map[[2]string][]string{},
		covered: map[[2]string]bool{}, targets: map[string]*node{}}
}

// relate records that n refers to t in attribute key.
func (e *edges) relate(n, t *node, key, evidence string) {
	if n.id == t.id {
		return
	}
	e.covered[[2]string{n.id, t.id}] = true
	e.covered[[2]string{t.id, n.id}] = true
	switch relationOf(n.in.typ, key) {
	case relReverse:
		e.b.Edge(t.id, n.id, evidence+" (the target needs the resource naming it)")
	case relMember:
		e.members[t.id] = append(e.members[t.id], memberOf{n.id, evidence})
	case relAnyOf:
		k := [2]string{n.id, key}
		if !slices.Contains(e.anyOf[k], t.id) {
			e.anyOf[k] = append(e.anyOf[k], t.id)
		}
	default:
		e.b.Edge(n.id, t.id, evidence)
	}
}

func (e *edges) fromRefs(n *node) {
	for _, r := range n.refs {
		how := "attribute %s holds the id of %s"
		if r.config {
			how = "configuration expression %s references %s"
		}
		e.relate(n, r.target, r.key, fmt.Sprintf("terraform %s: "+how, n.in.address, r.key, r.target.in.address))
	}
}

// fromDependencies adds the state's dependencies not already explained
// by an attribute.
func (e *edges) fromDependencies(n *node) {
	for _, dep := range n.in.deps {
		if strings.HasPrefix(dep, "data.") || strings.Contains(dep, ".data.") {
			continue
		}
		targets := e.resolve(n, configAddress(dep), "")
		if slices.ContainsFunc(targets, func(t *node) bool { return e.covered[[2]string{n.id, t.id}] }) {
			continue // an attribute already says which instance (web[0] needs subnet[0])
		}
		for _, t := range targets {
			if t.in.typ == "azurerm_resource_group" {
				continue
			}
			e.b.Edge(n.id, t.id, fmt.Sprintf("terraform %s: dependencies lists %s", n.in.address, dep))
		}
	}
}

// resolve finds the instances of a config address, preferring those in
// n's own module instance, and the one index when given.
func (e *edges) resolve(n *node, to, index string) []*node {
	return e.ix.resolve(n, to, index)
}

func (ix *index) resolve(n *node, to, index string) []*node {
	all := ix.byConfig[n.in.file+"\x00"+to]
	if index != "" {
		var one []*node
		for _, t := range all {
			if strings.HasSuffix(t.in.address, index) {
				one = append(one, t)
			}
		}
		all = one
	}
	prefix := modulePrefix(n.in.address)
	var same []*node
	for _, t := range all {
		if modulePrefix(t.in.address) == prefix {
			same = append(same, t)
		}
	}
	if len(same) > 0 {
		return same
	}
	return all
}

// modulePrefix is the module instance part of an address
// (module.app["x"] of module.app["x"].aws_instance.web[0]).
func modulePrefix(addr string) string {
	var cuts []int
	depth, inString := 0, false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			cuts = append(cuts, i)
		}
	}
	if len(cuts) < 2 {
		return ""
	}
	return addr[:cuts[len(cuts)-2]]
}

// flush writes the member and any-of groups.
func (e *edges) flush() {
	for _, t := range sortedKeys(e.members) {
		ms := e.members[t]
		slices.SortFunc(ms, func(a, b memberOf) int { return strings.Compare(a.id, b.id) })
		ms = slices.CompactFunc(ms, func(a, b memberOf) bool { return a.id == b.id })
		if len(ms) == 1 {
			e.b.Edge(t, ms[0].id, ms[0].evidence+" (the target needs its member)")
			continue
		}
		gid := "group:" + t + ":members"
		ids := make([]string, len(ms))
		for i, m := range ms {
			ids[i] = m.id
		}
		e.b.Group(gid, 1, ids, fmt.Sprintf("any 1 of %d members (%s)", len(ids), ms[0].evidence))
		e.b.Edge(t, gid, "needs any one of its members")
	}
	keys := make([][2]string, 0, len(e.anyOf))
	for k := range e.anyOf {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	for _, k := range keys {
		ts := slices.Sorted(slices.Values(e.anyOf[k]))
		if len(ts) == 1 {
			e.b.Edge(k[0], ts[0], fmt.Sprintf("attribute %s", k[1]))
			continue
		}
		gid := "group:" + k[0] + ":" + k[1]
		e.b.Group(gid, 1, ts, fmt.Sprintf("any 1 of the %d in attribute %s", len(ts), k[1]))
		e.b.Edge(k[0], gid, fmt.Sprintf("attribute %s lists %d alternatives", k[1], len(ts)))
	}
}

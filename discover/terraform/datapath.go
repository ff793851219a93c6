package terraform

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// The data path: a subnet needs the target of its route table's default
// route (a NAT gateway, an appliance found by its next-hop IP, a firewall,
// an internet gateway). A single NAT in one zone is then a zone SPOF for
// every workload routed through it, in any zone; one NAT per zone is not.

// awsRouteTargets are the route attributes that name a next hop.
var awsRouteTargets = toSet("nat_gateway_id", "gateway_id", "network_interface_id", "instance_id",
	"transit_gateway_id", "vpc_endpoint_id", "egress_only_gateway_id", "local_gateway_id", "vpc_peering_connection_id")

const defaultRoute = "0.0.0.0/0"

// dataPaths adds subnet -> default-route target edges for AWS and Azure.
func dataPaths(b *graph.Builder, ix *index, nodes []*node) {
	byIP := ipIndex(nodes)
	// Routes by the table they belong to, and VMs by their interfaces, so
	// the pass stays linear in the estate.
	awsRoutes := map[*node][]*node{}
	awsRoutesByID := map[inFile][]*node{} // a table the input does not manage, by its id
	azureRoutes := map[string][]*node{}
	vms := map[*node]*node{}
	for _, r := range nodes {
		switch {
		case r.in.typ == "aws_route":
			for _, rt := range refTargets(r, "route_table_id") {
				awsRoutes[rt] = append(awsRoutes[rt], r) // a VPC: main_route_table_id (plans)
			}
			if id := knownString(r.in, "route_table_id"); id != "" {
				awsRoutesByID[inFile{r.in.file, id}] = append(awsRoutesByID[inFile{r.in.file, id}], r)
			}
		case r.in.typ == "azurerm_route":
			k := r.in.file + "\x00" + str(r.in.values, "route_table_name")
			azureRoutes[k] = append(azureRoutes[k], r)
		case strings.Contains(r.in.typ, "virtual_machine"):
			for _, nic := range refTargets(r, "network_interface_ids") {
				if vms[nic] == nil {
					vms[nic] = r
				}
			}
		}
	}
	associated := map[*node]bool{}
	for _, a := range nodes {
		switch a.in.typ {
		case "aws_route_table_association":
			for _, s := range refTargets(a, "subnet_id") {
				associated[s] = true
				for _, rt := range refTargets(a, "route_table_id") {
					for _, hop := range awsDefaultHops(ix, rt, awsRoutes[rt]) {
						b.Edge(s.id, hop.target.id, fmt.Sprintf("terraform %s: subnet %s sends %s to %s (route table %s, %s)",
							a.in.address, s.in.address, defaultRoute, hop.target.in.address, rt.in.address, hop.via))
					}
				}
			}
		case "azurerm_subnet_route_table_association":
			for _, s := range subnetsOf(ix, a) {
				for _, rt := range refTargets(a, "route_table_id") {
					azureDefaultHops(b, byIP, s, rt, azureRoutes[rt.in.file+"\x00"+knownString(rt.in, "name")], vms, a.in.address)
				}
			}
		}
	}
	awsMainRoutes(b, ix, nodes, associated, awsRoutes, awsRoutesByID)
}

// awsMainRoutes: a subnet with no explicit route table association uses
// its VPC's main route table. The main table is the one an
// aws_main_route_table_association names, else the table whose id is the
// VPC's main_route_table_id (an aws_default_route_table or aws_route_table
// in the input), else an aws_default_route_table of the VPC; when the
// input does not manage it, the aws_route resources naming its id (or, in
// a plan, the VPC's main_route_table_id) are its routes.
func awsMainRoutes(b *graph.Builder, ix *index, nodes []*node, associated map[*node]bool, routes map[*node][]*node, routesByID map[inFile][]*node) {
	main := map[*node]*node{} // VPC -> its main route table
	how := map[*node]string{}
	for _, n := range nodes { // the explicit choice first, then the default table
		if n.in.typ == "aws_main_route_table_association" {
			for _, vpc := range refTargets(n, "vpc_id") {
				for _, rt := range refTargets(n, "route_table_id") {
					main[vpc], how[vpc] = rt, "made main by "+n.in.address
				}
			}
		}
	}
	for _, n := range nodes {
		if n.in.typ != "aws_vpc" && n.in.typ != "aws_default_vpc" || main[n] != nil {
			continue
		}
		for _, t := range ix.byValue[normValue(knownString(n.in, "main_route_table_id"))] {
			if t.in.file == n.in.file && strings.HasSuffix(t.in.typ, "route_table") {
				main[n], how[n] = t, "the VPC's main_route_table_id"
			}
		}
	}
	for _, n := range nodes {
		if n.in.typ != "aws_default_route_table" {
			continue
		}
		for _, vpc := range append(refTargets(n, "vpc_id"), refTargets(n, "default_route_table_id")...) {
			if strings.HasSuffix(vpc.in.typ, "vpc") && main[vpc] == nil {
				main[vpc], how[vpc] = n, "the VPC's default route table"
			}
		}
	}
	for _, s := range nodes {
		if associated[s] || (s.in.typ != "aws_subnet" && s.in.typ != "aws_default_subnet") {
			continue
		}
		for _, vpc := range refTargets(s, "vpc_id") {
			if !strings.HasSuffix(vpc.in.typ, "vpc") {
				continue
			}
			var hops []hop
			rt, table := main[vpc], ""
			if rt != nil {
				hops, table = awsDefaultHops(ix, rt, routes[rt]), rt.in.address+", "+how[vpc]
			} else {
				id := knownString(vpc.in, "main_route_table_id")
				unmanaged := append(slices.Clone(routes[vpc]), routesByID[inFile{vpc.in.file, id}]...)
				hops, table = awsDefaultHops(ix, nil, unmanaged), cmp.Or(id, "main_route_table_id")+", the main route table of "+vpc.in.address
			}
			for _, h := range hops {
				if refersTo(h.target, "subnet_id", s) {
					continue // the NAT's own subnet: its association is outside the input
				}
				b.Edge(s.id, h.target.id, fmt.Sprintf("terraform %s: no route table association, so it uses its VPC's main route table (%s), which sends %s to %s (%s)",
					s.in.address, table, defaultRoute, h.target.in.address, h.via))
			}
		}
	}
}

// hop is a default route's next hop and the route that names it.
type hop struct {
	target *node
	via    string
}

// subnetsOf is the subnet an Azure association names. Its subnet_id is
// also the association's own id, which reference finding skips as "its
// own id", so it is looked up by value.
func subnetsOf(ix *index, a *node) []*node {
	var out []*node
	for _, t := range ix.byValue[normValue(knownString(a.in, "subnet_id"))] {
		if t.in.typ == "azurerm_subnet" && t.in.file == a.in.file {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return refTargets(a, "subnet_id")
	}
	return out
}

func refTargets(n *node, key string) []*node {
	var out []*node
	for _, r := range n.refs {
		if r.key == key {
			out = append(out, r.target)
		}
	}
	return out
}

// awsDefaultHops finds the next hops of rt's 0.0.0.0/0 route: aws_route
// resources in the route table, or the table's inline route blocks.
func awsDefaultHops(ix *index, rt *node, routes []*node) []hop {
	var out []hop
	for _, r := range routes {
		if str(r.in.values, "destination_cidr_block") != defaultRoute {
			continue
		}
		for _, ref := range r.refs {
			if awsRouteTargets[ref.key] {
				out = append(out, hop{ref.target, r.in.address + " " + ref.key})
			}
		}
	}
	if rt == nil {
		return out
	}
	for _, blk := range blocks(rt.in.values, "route") {
		if str(blk, "cidr_block") != defaultRoute {
			continue
		}
		found := false
		for _, k := range sortedKeys(blk) {
			id, _ := blk[k].(string)
			if !awsRouteTargets[k] || id == "" {
				continue
			}
			for _, t := range ix.byValue[normValue(id)] {
				if t.in.file == rt.in.file {
					out = append(out, hop{t, "inline route." + k})
					found = true
				}
			}
		}
		if !found { // a plan: the id is unknown, the configuration names the target
			for _, ref := range rt.refs {
				if awsRouteTargets[ref.key] && ref.config {
					out = append(out, hop{ref.target, "inline route." + ref.key + " (configuration)"})
				}
			}
		}
	}
	return out
}

func refersTo(n *node, key string, t *node) bool {
	for _, r := range n.refs {
		if r.key == key && r.target == t {
			return true
		}
	}
	return false
}

// ipIndex maps private IPs to what answers on them: network interfaces,
// firewalls and internal load balancer frontends (Azure).
func ipIndex(nodes []*node) map[string][]*node {
	out := map[string][]*node{}
	for _, n := range nodes {
		var block string
		switch n.in.typ {
		case "azurerm_network_interface", "azurerm_firewall":
			block = "ip_configuration"
		case "azurerm_lb":
			block = "frontend_ip_configuration"
		default:
			continue
		}
		for _, c := range blocks(n.in.values, block) {
			if ip := str(c, "private_ip_address"); ip != "" {
				out[n.in.file+"\x00"+ip] = append(out[n.in.file+"\x00"+ip], n)
			}
		}
	}
	return out
}

// azureDefaultHops adds subnet -> next hop of rt's 0.0.0.0/0 route: inline
// route blocks or azurerm_route resources naming the table. A virtual
// appliance is found by its next-hop IP (the VM behind the interface, the
// firewall, or an internal load balancer in front of an appliance pair);
// an IP the input does not hold is a recorded gap.
func azureDefaultHops(b *graph.Builder, byIP map[string][]*node, s, rt *node, named []*node, vms map[*node]*node, assoc string) {
	type route struct {
		values map[string]any
		via    string
	}
	var routes []route
	for _, blk := range blocks(rt.in.values, "route") {
		routes = append(routes, route{blk, rt.in.address + " inline route"})
	}
	if knownString(rt.in, "name") != "" {
		for _, r := range named {
			routes = append(routes, route{r.in.values, r.in.address})
		}
	}
	for _, r := range routes {
		if str(r.values, "address_prefix") != defaultRoute {
			continue
		}
		kind := strings.ToLower(str(r.values, "next_hop_type"))
		ip := str(r.values, "next_hop_in_ip_address")
		if kind != "virtualappliance" || ip == "" {
			continue // Internet, VnetLocal, None: no box of ours in the path
		}
		targets := byIP[s.in.file+"\x00"+ip]
		if len(targets) == 0 {
			b.Gap(graph.Gap{Provider: "azure", Region: s.region, Service: "terraform", Status: graph.GapUnknown,
				Detail: fmt.Sprintf("%s: %s routes %s to appliance %s, which is not in the input", s.in.file, s.in.address, defaultRoute, ip)})
			continue
		}
		for _, t := range targets {
			if vm := vms[t]; vm != nil {
				t = vm // the appliance is the VM using the interface
			}
			b.Edge(s.id, t.id, fmt.Sprintf("terraform %s: subnet %s sends %s to the appliance at %s, %s (%s)",
				assoc, s.in.address, defaultRoute, ip, t.in.address, r.via))
		}
	}
}

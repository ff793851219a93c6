package terraform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// outsideRefs finds GCP self-links to instance groups and network
// endpoint groups that no resource in the input has (a backend service's
// backend.group made elsewhere), and adds a stand-in instance for each (a
// graph placeholder, as the live collectors mark their stubs, so a merge
// with an estate that collected it keeps the collected node):
// the self-link itself says its zone or region, so the backend still
// gets its zone edge, and the reference is recorded as a coverage gap
// instead of being dropped.
func outsideRefs(docs []*document) []string {
	hasBackends := false
	for _, d := range docs {
		for _, in := range d.instances {
			hasBackends = hasBackends || in.typ == "google_compute_backend_service" || in.typ == "google_compute_region_backend_service"
		}
	}
	if !hasBackends {
		return nil
	}
	known := map[string]bool{}
	for _, d := range docs {
		for _, in := range d.instances {
			for _, k := range []string{"self_link", "id", "instance_group"} {
				if s := knownString(in, k); s != "" {
					known[normValue(s)] = true
				}
			}
		}
	}
	var notes []string
	for _, d := range docs {
		added := map[string]bool{}
		var extra []*instance
		for _, in := range d.instances {
			if in.typ != "google_compute_backend_service" && in.typ != "google_compute_region_backend_service" {
				continue
			}
			for _, be := range blocks(in.values, "backend") {
				url := str(be, "group")
				key := normValue(url)
				if !strings.HasPrefix(key, "projects/") || known[key] || added[key] {
					continue
				}
				added[key] = true
				typ := "google_compute_instance_group"
				if strings.Contains(key, "/networkendpointgroups/") {
					typ = "google_compute_network_endpoint_group"
				}
				extra = append(extra, &instance{
					file: in.file, address: "outside-input:" + url, typ: typ, provider: "registry.terraform.io/hashicorp/google",
					values: map[string]any{"self_link": url, "name": lastSegment(url)}, path: in.path + ".backend", standIn: true,
				})
				notes = append(notes, fmt.Sprintf("%s: %s backend.group %s is not in the input; its zone or region is taken from the self-link", in.file, in.address, url))
			}
		}
		sort.Slice(extra, func(i, j int) bool { return extra[i].address < extra[j].address })
		d.instances = append(d.instances, extra...)
	}
	return notes
}

// outsideKeys are attributes whose value names a resource the workload
// needs at run time; a value no resource in the input has is a gap.
var outsideKeys = toSet("subnet_id", "subnet_ids", "subnets", "vpc_zone_identifier", "nat_gateway_id",
	"network_interface_id", "network_interface_ids", "target_group_arn", "target_group_arns",
	"load_balancer_arn", "transit_gateway_id", "kubernetes_cluster_id", "cluster_id", "server_id",
	"virtual_network_id", "route_table_id", "backend_address_pool_id", "target_resource_id")

// cloudIDPrefixes tell a cloud id from a name or a free-text value.
var cloudIDPrefixes = []string{"subnet-", "nat-", "eni-", "igw-", "tgw-", "rtb-", "arn:", "/subscriptions/", "projects/", "https://www.googleapis.com/"}

// outsideGaps records, per file, the references to resources the input
// does not hold (a subnet made by another configuration): never dropped
// silently, and never read as "nothing needed".
func outsideGaps(b *graph.Builder, ix *index, nodes []*node) {
	type miss struct {
		cloud string
		refs  []string
	}
	byFile := map[string]*miss{}
	for _, n := range nodes {
		for k := range outsideKeys { // refs are sorted below
			if _, ok := n.in.values[k]; !ok || n.in.unknown[k] || n.in.sensitive[k] {
				continue
			}
			for _, v := range strs(n.in.values, k) {
				if !looksLikeCloudID(v) || len(ix.byValue[normValue(v)]) > 0 {
					continue
				}
				m := byFile[n.in.file]
				if m == nil {
					m = &miss{cloud: n.cloud}
					byFile[n.in.file] = m
				}
				m.refs = append(m.refs, fmt.Sprintf("%s %s=%s", n.in.address, k, v))
			}
		}
	}
	for _, f := range sortedKeys(byFile) {
		m := byFile[f]
		sort.Strings(m.refs)
		b.Gap(graph.Gap{Provider: m.cloud, Service: "terraform", Status: graph.GapUnknown,
			Detail: fmt.Sprintf("%s: %d reference(s) to resources outside the input (%s): what they need there is not modelled",
				f, len(m.refs), firstFew(m.refs, 3))})
	}
}

func looksLikeCloudID(v string) bool {
	for _, p := range cloudIDPrefixes {
		if strings.HasPrefix(strings.ToLower(v), p) {
			return true
		}
	}
	return false
}

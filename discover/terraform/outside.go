package terraform

import (
	"fmt"
	"sort"
	"strings"
)

// outsideRefs finds GCP self-links to instance groups and network
// endpoint groups that no resource in the input has (a backend service's
// backend.group made elsewhere), and adds a stand-in instance for each:
// the self-link itself says its zone or region, so the backend still
// gets its zone edge, and the reference is recorded as a coverage gap
// instead of being dropped.
func outsideRefs(docs []*document) []string {
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
					values: map[string]any{"self_link": url, "name": lastSegment(url)}, path: in.path + ".backend",
				})
				notes = append(notes, fmt.Sprintf("%s: %s backend.group %s is not in the input; its zone or region is taken from the self-link", in.file, in.address, url))
			}
		}
		sort.Slice(extra, func(i, j int) bool { return extra[i].address < extra[j].address })
		d.instances = append(d.instances, extra...)
	}
	return notes
}

package terraform

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

var (
	awsAZ     = regexp.MustCompile(`^([a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+)[a-z]$`)
	gcpZone   = regexp.MustCompile(`^([a-z]+-[a-z]+\d+)-[a-z]$`)
	gcpRegion = regexp.MustCompile(`^[a-z]+-[a-z]+\d+$`)
)

// locate fills account, region and zones from the attributes every
// resource of a cloud shares; the per-type mapping refines them.
func locate(n *node) {
	v := n.in.values
	switch n.cloud {
	case "aws":
		if arn := knownString(n.in, "arn"); strings.HasPrefix(arn, "arn:") {
			if p := strings.SplitN(arn, ":", 6); len(p) == 6 {
				n.account = p[4]
				n.setRegion(p[3], "arn")
			}
		}
		if n.account == "" {
			n.account = knownString(n.in, "owner_id")
		}
		n.setRegion(knownString(n.in, "region"), "region")
		if az := knownString(n.in, "availability_zone"); az != "" {
			if m := awsAZ.FindStringSubmatch(az); m != nil {
				n.setRegion(m[1], "availability_zone")
				n.setZones([]string{az}, "availability_zone")
			}
		}
	case "gcp":
		n.account = knownString(n.in, "project")
		link := knownString(n.in, "self_link")
		if link == "" {
			link = knownString(n.in, "id")
		}
		if p := pathPart(link, "projects"); p != "" && n.account == "" {
			n.account = p
		}
		n.setRegion(knownString(n.in, "region"), "region")
		zone := knownString(n.in, "zone")
		if zone == "" {
			zone = pathPart(link, "zones")
		}
		if m := gcpZone.FindStringSubmatch(zone); m != nil {
			n.setRegion(m[1], "zone")
			n.setZones([]string{zone}, "zone")
		}
		loc := strings.ToLower(knownString(n.in, "location"))
		if m := gcpZone.FindStringSubmatch(loc); m != nil {
			n.setRegion(m[1], "location")
			n.setZones([]string{loc}, "location")
		} else if gcpRegion.MatchString(loc) {
			n.setRegion(loc, "location")
		}
		n.setRegion(pathPart(link, "regions"), "self_link")
	case "azure":
		if p := pathPart(strings.ToLower(knownString(n.in, "id")), "subscriptions"); p != "" {
			n.account = p
		}
		n.setRegion(azureLocation(knownString(n.in, "location")), "location")
		zones := strs(v, "zones")
		if z := knownString(n.in, "zone"); z != "" {
			zones = append(zones, z)
		}
		if !n.in.unknown["zones"] && !n.in.unknown["zone"] && len(zones) > 0 {
			n.setZones(zones, "zones")
		}
	}
	if n.region == "" && n.in.providerRegion != "" {
		n.setRegion(n.in.providerRegion, "provider configuration region")
	}
}

// inferRegion fills a missing region from the zones found by the mapping
// (a NAT gateway's subnet zone), else from the one region of the resources
// it refers to (a target group attachment's target group).
func inferRegion(n *node) {
	if n.region != "" || noPlacement[n.cloud] {
		return
	}
	for _, z := range n.zones {
		if m := awsAZ.FindStringSubmatch(z); m != nil && n.cloud == "aws" {
			n.setRegion(m[1], "zone "+z)
			return
		}
		if m := gcpZone.FindStringSubmatch(z); m != nil && n.cloud == "gcp" {
			n.setRegion(m[1], "zone "+z)
			return
		}
	}
	regions := map[string]string{}
	for _, r := range n.refs {
		if r.target.cloud == n.cloud && r.target.region != "" && r.target.region != "global" {
			regions[r.target.region] = r.target.in.address
		}
	}
	if len(regions) == 1 {
		for reg, from := range regions {
			n.setRegion(reg, "the region of "+from+", which it refers to")
		}
	}
}

func (n *node) setRegion(region, evidence string) {
	if n.region == "" && region != "" {
		n.region, n.regionEvidence = region, evidence
	}
}

func (n *node) setZones(zones []string, evidence string) {
	n.zones, n.zoneEvidence = uniqueSorted(zones), evidence
}

// pathPart returns the segment after name in a path such as
// projects/p/zones/us-central1-a/instances/x.
func pathPart(path, name string) string {
	parts := strings.Split(path, "/")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == name {
			return parts[i+1]
		}
	}
	return ""
}

// azureLocation normalises "West Europe" to "westeurope".
func azureLocation(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

// place writes the placement edges of n, following DESIGN.md §3.
func place(b *graph.Builder, n *node) {
	if noPlacement[n.cloud] {
		return // logical providers (random, null, time ...) run nowhere
	}
	ev := func(s string) string {
		if n.note != "" {
			s += "; " + n.note
		}
		return fmt.Sprintf("terraform %s: %s", n.in.address, s)
	}
	svc := n.spec.service
	switch {
	case n.spec.global:
		b.Edge(n.id, b.ManagedService(n.cloud, graph.GlobalRegion, svc), ev("global service "+svc))
		return
	case len(n.regions) > 1:
		members := make([]string, 0, len(n.regions))
		for _, r := range uniqueSorted(n.regions) {
			if svc != "" {
				members = append(members, b.ManagedService(n.cloud, r, svc))
			} else {
				members = append(members, b.Region(n.cloud, r))
			}
		}
		gid := graph.GroupID(n.id, "regions")
		b.Group(gid, 1, members, ev(fmt.Sprintf("1 of %d regions (%s)", len(members), n.regionsEvidence)))
		b.Edge(n.id, gid, ev("multi-region ("+n.regionsEvidence+")"))
		return
	case n.region == "" || n.region == graph.GlobalRegion && svc == "":
		b.Edge(n.id, b.Provider(n.cloud), ev("region unknown: no arn, region, location, zone or provider region in the file; placed on the provider"))
		return
	case n.region == graph.GlobalRegion:
		b.Edge(n.id, b.ManagedService(n.cloud, graph.GlobalRegion, svc), ev("global service "+svc))
		return
	}
	if svc != "" {
		b.Edge(n.id, b.ManagedService(n.cloud, n.region, svc), ev(fmt.Sprintf("managed service %s in %s (from %s)", svc, n.region, n.regionEvidence)))
	}
	zones := uniqueSorted(n.zones)
	switch {
	case len(zones) == 0 && n.undecided != "":
		b.Edge(n.id, b.DecidedAtApply(n.cloud, n.region), ev(n.undecided+": placed on the zone decided at apply, a zone failure domain of its own"))
	case len(zones) == 1:
		b.Edge(n.id, b.Zone(n.cloud, n.region, zones[0]), ev("zone from "+n.zoneEvidence))
	case len(zones) > 1:
		need := min(max(n.zoneNeed, 1), len(zones))
		b.Edge(n.id, b.ZoneGroup(n.cloud, n.region, need, zones), ev(fmt.Sprintf("%d of %d zones from %s", need, len(zones), n.zoneEvidence)))
	case svc == "":
		b.Edge(n.id, b.Region(n.cloud, n.region), ev("region from "+n.regionEvidence))
	}
}

// noPlacement are providers that are not clouds: their resources exist only
// in Terraform, or inside a cluster they hang on (see hangOnClusters).
var noPlacement = toSet("random", "null", "time", "tls", "local", "template", "archive", "external", "terraform", "http",
	"cloudinit", "kubernetes", "helm", "kubectl")

// undecidedGaps says, per file and region, how many resources went on the
// "decided at apply" zone: a coverage note, so the unknown is said.
func undecidedGaps(b *graph.Builder, nodes []*node) {
	type key struct{ file, cloud, region string }
	count := map[key][]string{}
	for _, n := range nodes {
		if n.undecided != "" && len(n.zones) == 0 && n.region != "" && n.region != graph.GlobalRegion && !n.spec.global && len(n.regions) < 2 {
			k := key{n.in.file, n.cloud, n.region}
			count[k] = append(count[k], n.in.address)
		}
	}
	keys := make([]key, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.cloud, b.cloud), cmp.Compare(a.region, b.region))
	})
	for _, k := range keys {
		addrs := count[k]
		slices.Sort(addrs)
		b.Gap(graph.Gap{Provider: k.cloud, Region: k.region, Service: "terraform", Status: graph.GapUnknown,
			Detail: fmt.Sprintf("%s: the zone of %d resource(s) is decided at apply or by the cloud (%s): placed on zone %s, counted as a zone failure domain",
				k.file, len(addrs), firstFew(addrs, 3), graph.DecidedAtApply)})
	}
}

func firstFew(s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(s[:n], ", "), len(s)-n)
}

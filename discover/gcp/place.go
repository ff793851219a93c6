package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Placement edges, following DESIGN.md §3 and the Terraform reader's
// choices for the same resources, so both sources give the same answers.

func (a *asm) ev(it item, s string) string { return "cloudasset:ListAssets " + it.typ + ": " + s }

// zones places id on one zone, or on "any one of" several.
func (a *asm) zones(it item, zones []string, field string) bool {
	var zs []string
	for _, z := range zones {
		if z = zoneOf(z); z != "" {
			zs = append(zs, z)
		}
	}
	zs = slices.Compact(slices.Sorted(slices.Values(zs)))
	if len(zs) == 0 {
		return false
	}
	region := regionOfZone(zs[0])
	for _, z := range zs {
		if regionOfZone(z) != region {
			return false // zones of two regions: not a zonal resource
		}
	}
	id := it.id()
	if len(zs) == 1 {
		a.b.Edge(id, a.b.Zone("gcp", region, zs[0]), a.ev(it, "zone from "+field))
		return true
	}
	a.b.Edge(id, a.b.ZoneGroup("gcp", region, 1, zs), a.ev(it, fmt.Sprintf("1 of %d zones from %s", len(zs), field)))
	return true
}

// service places id on a managed service in region ("" or global: the
// global service).
func (a *asm) service(it item, region, svc, why string) {
	if region == "" {
		region = graph.GlobalRegion
	}
	a.b.Edge(it.id(), a.b.ManagedService("gcp", region, svc), a.ev(it, why))
}

// region places id on its region when nothing narrower is known.
func (a *asm) region(it item, region, why string) {
	if region == "" {
		a.b.Edge(it.id(), a.b.Provider("gcp"), a.ev(it, "location unknown: placed on the provider"))
		return
	}
	a.b.Edge(it.id(), a.b.Region("gcp", region), a.ev(it, why))
}

// anyRegion places id on "any one of" a service in several regions.
func (a *asm) anyRegion(it item, svc string, regions []string, why string) {
	regions = slices.Compact(slices.Sorted(slices.Values(regions)))
	members := make([]string, len(regions))
	for i, r := range regions {
		members[i] = a.b.ManagedService("gcp", r, svc)
	}
	gid := graph.GroupID(it.id(), "regions")
	a.b.Group(gid, 1, members, a.ev(it, fmt.Sprintf("1 of %d regions (%s)", len(regions), why)))
	a.b.Edge(it.id(), gid, a.ev(it, "multi-region ("+why+")"))
}

// anyOf makes id need one of the resources at links (backends a load
// balancer spreads over, services a URL map routes to).
func (a *asm) anyOf(it item, suffix string, links []string, why string) {
	links = slices.Compact(slices.Sorted(slices.Values(links)))
	switch len(links) {
	case 0:
		return
	case 1:
		a.ref(it.id(), links[0], a.ev(it, why))
		return
	}
	gid := graph.GroupID(it.id(), suffix)
	a.b.Node(graph.Node{ID: gid, Class: graph.ClassGroup, Need: 1, Evidence: a.ev(it, fmt.Sprintf("1 of %d (%s)", len(links), why))})
	a.b.Edge(it.id(), gid, a.ev(it, why))
	for _, l := range links {
		a.ref(gid, l, a.ev(it, why))
	}
}

// apiServed: data reached through Google APIs, which Service Control
// admits request by request.
func (a *asm) apiServed(it item) {
	a.b.Edge(it.id(), a.b.ManagedService("gcp", graph.GlobalRegion, "service-control"), a.ev(it,
		"read and written through Google APIs, and Service Control admits every API request (June 2025: its global crash answered 503 while VMs kept running)"))
}

// multiRegions are Google's multi-region locations (storage, BigQuery,
// Firestore, Spanner): they survive the loss of a region.
func multiRegion(loc string) bool {
	switch l := strings.ToLower(loc); {
	case l == "us" || l == "eu" || l == "asia":
		return true
	case strings.HasPrefix(l, "nam") || strings.HasPrefix(l, "eur") || strings.HasPrefix(l, "asia") && !regionPattern.MatchString(l):
		return true
	}
	return false
}

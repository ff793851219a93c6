package planner

import (
	"slices"

	"github.com/untether-dev/untether/graph"
)

// Relocation: where an edge to a placement points once a node (or its copy)
// lives in another zone, region or provider. Zones map by position among
// the region's zones; regional managed services map to the same service in
// the target region of the same provider, or to the target region on
// another provider; global services and providers map to the target
// provider.

// relocation maps placements from one provider and set of regions (or one
// zone) to another.
type relocation struct {
	fromP, toP string
	regions    map[string]string // source region -> target region
	zones      map[string]string // source zone placement id -> target zone name
}

func (w *work) newRelocation(fromP, toP string, regions map[string]string) *relocation {
	rl := &relocation{fromP: fromP, toP: toP, regions: regions, zones: map[string]string{}}
	for _, src := range sortedKeys(regions) {
		tgt := regions[src]
		tz := regionZones(toP, tgt, w.knownZones(toP, tgt))
		if len(tz) == 0 {
			continue // zones then map to the target region
		}
		for i, z := range w.knownZones(fromP, src) {
			rl.zones[graph.ZoneID(fromP, src, z)] = tz[i%len(tz)]
		}
	}
	return rl
}

// mapTarget returns where an edge to id points after relocation.
func (w *work) mapTarget(id string, rl *relocation) string {
	n := w.nodes[id]
	tgtRegion, inRegion := rl.regions[n.Region]
	inRegion = inRegion && n.Provider == rl.fromP
	switch w.placeKind(id) {
	case "zone":
		if z, ok := rl.zones[id]; ok {
			return w.zone(rl.toP, cmpOr(tgtRegion, n.Region), z)
		}
		if inRegion {
			return w.region(rl.toP, tgtRegion)
		}
	case "region":
		if inRegion {
			return w.region(rl.toP, tgtRegion)
		}
	case "service":
		if inRegion && rl.toP == rl.fromP {
			return w.managed(rl.toP, tgtRegion, n.Service)
		}
		if inRegion {
			return w.region(rl.toP, tgtRegion)
		}
	case "global", "provider":
		if n.Provider == rl.fromP && rl.toP != rl.fromP {
			return w.provider(rl.toP)
		}
	case "regiongroup":
		var regions []string
		changed := false
		for _, m := range w.needs(id) {
			mn := w.nodes[m]
			if mn.Provider != rl.fromP {
				return id // a multi-provider group stays as it is
			}
			r, ok := rl.regions[mn.Region]
			if !ok && mn.Provider == rl.fromP && rl.toP != rl.fromP {
				cands := candidateRegions(rl.toP, rl.fromP, mn.Region, nil, w.usedRegions())
				if len(cands) == 0 {
					return w.provider(rl.toP)
				}
				r, ok = cands[0], true
			}
			if !ok {
				r = mn.Region
			}
			changed = changed || r != mn.Region || rl.toP != mn.Provider
			regions = append(regions, r)
		}
		if changed {
			slices.Sort(regions)
			regions = slices.Compact(regions)
			return w.regionGroup(rl.toP, min(n.Need, len(regions)), regions)
		}
	case "zonegroup":
		var zones []string
		region, changed := "", false
		for _, m := range w.needs(id) {
			t := w.mapTarget(m, rl)
			changed = changed || t != m
			tn := w.nodes[t]
			if tn.Level != graph.LevelZone {
				return t // the target region has no known zones
			}
			zones, region = append(zones, tn.Zones[0]), tn.Region
		}
		if changed {
			slices.Sort(zones)
			return w.zoneGroup(rl.toP, region, slices.Compact(zones))
		}
	}
	return id
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

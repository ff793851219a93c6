package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// The five transformation primitives every catalog action is made of. Each
// first checks and chooses (zones, region, provider) without touching the
// estate, so a dry run answers "would it apply, and why not"; then it
// changes the work estate. Every node and edge it adds or changes carries
// the evidence "plan:<action-id>".

// change is what one applied action did.
type change struct {
	to    string   // where: zones, a region, a provider, a product
	nodes []string // nodes added or changed, sorted
}

// pinsFunc returns the residency pin lists that bind a node: each list
// must be satisfied (see regionAllowed).
type pinsFunc func(id string) [][]string

func allowed(provider, region string, pins [][]string) bool {
	for _, p := range pins {
		if !regionAllowed(provider, region, p) {
			return false
		}
	}
	return true
}

// apply runs action a on target. dry reports applicability only.
func (w *work) apply(a *Action, target string, pins pinsFunc, dry bool) (change, error) {
	x := w.nodes[target]
	if x == nil || x.Class != graph.ClassResource {
		return change{}, fmt.Errorf("%s is not a resource", target)
	}
	if !a.matches(x) {
		return change{}, fmt.Errorf("%s (%s %s) does not match the action's preconditions", target, x.Provider, x.Kind)
	}
	t := a.Transform
	switch t.Primitive {
	case PrimSpreadZones:
		return w.spreadZones(a.ID, x, t.Zones, dry)
	case PrimClone:
		return w.clone(a.ID, x, t, pins, dry)
	case PrimPeer:
		return w.peer(a.ID, x, t, pins, dry)
	case PrimReplace:
		return w.replace(a.ID, x, t, dry)
	case PrimMove:
		return w.move(a.ID, x, t.Providers, pins, dry)
	}
	return change{}, fmt.Errorf("unknown primitive %q", t.Primitive)
}

// pickZones keeps the zones already used and adds the region's others
// until there are n.
func (w *work) pickZones(p, r string, have []string, n int) ([]string, error) {
	out := slices.Clone(have)
	for _, z := range regionZones(p, r, w.knownZones(p, r)) {
		if len(out) >= n {
			break
		}
		if !slices.Contains(out, z) {
			out = append(out, z)
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("region %s has only %d known zone(s); %d needed", graph.RegionID(p, r), len(out), n)
	}
	slices.Sort(out)
	return out, nil
}

// spreadZones replaces a single-zone placement by a need-1 group of n zones
// and deals the members of a single-zone pool over n zones.
func (w *work) spreadZones(act string, x *graph.Node, n int, dry bool) (change, error) {
	if x.Region == "" || x.Region == graph.GlobalRegion {
		return change{}, fmt.Errorf("%s has no region to spread over", x.ID)
	}
	var zoneEdge string
	for _, t := range w.needs(x.ID) {
		if w.placeKind(t) == "zone" {
			zoneEdge = t
		}
	}
	type pool struct {
		members []string
		zone    map[string]string // member -> its zone placement id
		zones   int               // how many zones to deal the members over
	}
	avail := len(regionZones(x.Provider, x.Region, w.knownZones(x.Provider, x.Region)))
	var pools []pool
	for _, g := range w.needs(x.ID) {
		gn := w.nodes[g]
		if gn.Class != graph.ClassGroup || w.placeKind(g) != "" {
			continue
		}
		pl := pool{members: w.needs(g), zone: map[string]string{}}
		perZone := map[string]int{}
		for _, m := range pl.members {
			for _, t := range w.needs(m) {
				if w.placeKind(t) == "zone" {
					pl.zone[m] = t
					perZone[t]++
				}
			}
		}
		if len(pl.zone) != len(pl.members) {
			continue // some member is not in exactly one zone
		}
		worst := 0
		for _, k := range perZone {
			worst = max(worst, k)
		}
		// Deal over the fewest zones (at least n) that let the pool lose
		// any one zone and keep its need; else over every known zone.
		slack := len(pl.members) - gn.Need
		pl.zones = min(max(n, 2), avail, len(pl.members))
		for pl.zones < min(avail, len(pl.members)) && ceilDiv(len(pl.members), pl.zones) > slack {
			pl.zones++
		}
		if worst > slack && ceilDiv(len(pl.members), pl.zones) < worst {
			pools = append(pools, pl)
		}
	}
	if zoneEdge == "" && len(pools) == 0 {
		return change{}, fmt.Errorf("%s is not placed in a single zone and has no single-zone pool", x.ID)
	}
	var have []string
	if zoneEdge != "" {
		have = w.nodes[zoneEdge].Zones
	}
	want := n
	for _, pl := range pools {
		want = max(want, pl.zones)
	}
	zones, err := w.pickZones(x.Provider, x.Region, have, want)
	if err != nil {
		return change{}, err
	}
	ch := change{to: "zones " + strings.Join(zones, ", ")}
	if dry {
		return ch, nil
	}
	ev := "plan:" + act
	if zoneEdge != "" {
		w.unlink(x.ID, zoneEdge)
		w.edge(x.ID, w.zoneGroup(x.Provider, x.Region, zones), ev)
		x.Zones = zones
		markNode(x, act)
		ch.nodes = append(ch.nodes, x.ID)
	}
	for _, pl := range pools {
		for k, m := range pl.members {
			to := w.zone(x.Provider, x.Region, zones[k%pl.zones])
			if to != pl.zone[m] {
				ch.nodes = w.rezone(act, m, pl.zone[m], to, ch.nodes)
			}
		}
		if zoneEdge == "" {
			markNode(x, act)
			ch.nodes = append(ch.nodes, x.ID)
		}
	}
	slices.Sort(ch.nodes)
	ch.nodes = slices.Compact(ch.nodes)
	return ch, nil
}

// rezone moves r, and what only r needs in the same zone, to another zone.
func (w *work) rezone(act, r, from, to string, acc []string) []string {
	n := w.nodes[r]
	w.unlink(r, from)
	w.edge(r, to, "plan:"+act)
	n.Zones = slices.Clone(w.nodes[to].Zones)
	markNode(n, act)
	acc = append(acc, r)
	for _, d := range w.needs(r) {
		dn := w.nodes[d]
		if dn.Class != graph.ClassResource || len(w.in[d]) != 1 {
			continue
		}
		if _, ok := w.out[d][from]; ok {
			acc = w.rezone(act, d, from, to, acc)
		}
	}
	return acc
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

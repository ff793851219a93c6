package simulate

import (
	"fmt"
	"maps"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// peer adds the same capability from another provider beside x, behind a
// need-1 group. A pinned node gets no peer: a SaaS or global provider has
// no region untether could check against the pin.
func (w *work) peer(act string, x *graph.Node, t Transform, pins pinsFunc, dry bool) (change, error) {
	if ps := pins(x.ID); len(ps) > 0 {
		return change{}, fmt.Errorf("residency pins %s to %s, and a peer at another provider has no region untether can hold to it", x.Label(), pinText(ps))
	}
	p := ""
	for _, cand := range t.Providers {
		if cand != x.Provider && w.nodes[x.ID+"#plan-peer:"+cand] == nil {
			p = cand
			break
		}
	}
	if p == "" {
		return change{}, fmt.Errorf("no provider left among %s to add beside %s", strings.Join(t.Providers, ", "), x.Provider)
	}
	if dry {
		return change{to: p}, nil
	}
	ev := "plan:" + act
	id := x.ID + "#plan-peer:" + p
	w.put(&graph.Node{ID: id, Class: graph.ClassResource, Kind: x.Kind, Type: t.Type, Provider: p,
		Name: x.Label() + " (" + p + ")", Tags: maps.Clone(x.Tags), Attrs: map[string]any{"plan_peer_of": x.ID}, Evidence: ev})
	w.edge(id, w.provider(p), ev)
	nodes := append([]string{id}, w.behindGroup(act, x.ID, id, nil)...)
	return change{to: p, nodes: sortedStrings(nodes)}, nil
}

// replace changes x's product in place: kind, type, and no more managed
// service placement (it runs on the region, or the provider when global).
func (w *work) replace(act string, x *graph.Node, t Transform, dry bool) (change, error) {
	if strings.EqualFold(x.Type, t.Type) {
		return change{}, fmt.Errorf("%s already is %s", x.ID, t.Product)
	}
	if dry {
		return change{to: t.Product}, nil
	}
	ev := "plan:" + act
	for _, n := range w.needs(x.ID) {
		if k := w.placeKind(n); k == "service" || k == "global" {
			w.unlink(x.ID, n)
		}
	}
	w.edge(x.ID, w.region(x.Provider, x.Region), ev)
	if x.Attrs == nil {
		x.Attrs = map[string]any{}
	}
	x.Attrs["replaced_product"] = cmpOr(x.Type, x.Kind)
	x.Kind, x.Type = t.Kind, t.Type
	markNode(x, act)
	return change{to: t.Product, nodes: []string{x.ID}}, nil
}

// move moves x to a region of another provider in the same jurisdiction
// its pins allow. Its id stays, so everything that needs it still does.
func (w *work) move(act string, x *graph.Node, providers []string, pins pinsFunc, dry bool) (change, error) {
	if x.Region == "" || x.Region == graph.GlobalRegion {
		return change{}, fmt.Errorf("%s is global; it has no region to move", x.ID)
	}
	ps := pins(x.ID)
	var why []string
	for _, p := range providers {
		if p == x.Provider {
			continue
		}
		for _, r := range candidateRegions(p, x.Provider, x.Region, nil, w.usedRegions()) {
			if !allowed(p, r, ps) {
				continue
			}
			if dry {
				return change{to: graph.RegionID(p, r)}, nil
			}
			return w.relocate(act, x, p, r), nil
		}
		why = append(why, p+" has no allowed region in "+jurisdictionName(x.Provider, x.Region))
	}
	msg := strings.Join(why, "; ")
	if len(ps) > 0 {
		msg += fmt.Sprintf(" (residency pins %s to %s)", x.Label(), pinText(ps))
	}
	return change{}, fmt.Errorf("%s", msg)
}

func (w *work) relocate(act string, x *graph.Node, p, r string) change {
	ev := "plan:" + act
	rl := w.newRelocation(x.Provider, p, map[string]string{x.Region: r})
	for _, t := range w.needs(x.ID) {
		if nt := w.mapTarget(t, rl); nt != t {
			w.unlink(x.ID, t)
			w.edge(x.ID, nt, ev)
		}
	}
	var zones []string
	for _, z := range x.Zones {
		if tz, ok := rl.zones[graph.ZoneID(x.Provider, x.Region, z)]; ok {
			zones = append(zones, tz)
		}
	}
	if x.Attrs == nil {
		x.Attrs = map[string]any{}
	}
	x.Attrs["moved_from"] = graph.RegionID(x.Provider, x.Region)
	x.Provider, x.Region, x.Account, x.Type = p, r, "", ""
	x.Zones = sortedStrings(zones)
	markNode(x, act)
	return change{to: graph.RegionID(p, r), nodes: []string{x.ID}}
}

// sortedStrings returns s sorted and deduplicated.
func sortedStrings(s []string) []string {
	seen := make(map[string]bool, len(s))
	for _, v := range s {
		seen[v] = true
	}
	return sortedKeys(seen)
}

package planner

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

// move moves x, and what only x needs in its region (a pool's instances
// and their disks), to a region of another provider in the same
// jurisdiction every moved node's pins allow. Ids stay, so everything that
// needs them still does.
func (w *work) move(act string, x *graph.Node, providers []string, pins pinsFunc, dry bool) (change, error) {
	if x.Region == "" || x.Region == graph.GlobalRegion {
		return change{}, fmt.Errorf("%s is global; it has no region to move", x.ID)
	}
	owned := w.owned(x)
	var why []string
	for _, p := range providers {
		if p == x.Provider {
			continue
		}
		for _, r := range candidateRegions(p, x.Provider, x.Region, nil, w.usedRegions()) {
			if w.pinned(owned, p, r, pins) != "" {
				continue
			}
			if dry {
				return change{to: graph.RegionID(p, r)}, nil
			}
			ch := change{to: graph.RegionID(p, r)}
			for _, id := range owned {
				if n := w.nodes[id]; n.Class == graph.ClassResource {
					w.relocate(act, n, p, r)
					ch.nodes = append(ch.nodes, id)
				}
			}
			return ch, nil
		}
		why = append(why, p+" has no allowed region in "+jurisdictionName(x.Provider, x.Region))
	}
	msg := strings.Join(why, "; ")
	if ps := pins(x.ID); len(ps) > 0 {
		msg += fmt.Sprintf(" (residency pins %s to %s)", x.Label(), pinText(ps))
	}
	return change{}, fmt.Errorf("%s", msg)
}

// owned is x and what x alone needs, transitively, in its own provider and
// region: resources and groups no node outside the set needs. Sorted.
func (w *work) owned(x *graph.Node) []string {
	set := map[string]bool{x.ID: true}
	for grew := true; grew; {
		grew = false
		for _, id := range sortedKeys(set) {
			for _, y := range w.needs(id) {
				yn := w.nodes[y]
				if set[y] || !(yn.Class == graph.ClassResource && yn.Provider == x.Provider && yn.Region == x.Region ||
					yn.Class == graph.ClassGroup && w.placeKind(y) == "") {
					continue
				}
				only := true
				for u := range w.in[y] {
					if !set[u] {
						only = false
						break
					}
				}
				if only {
					set[y] = true
					grew = true
				}
			}
		}
	}
	return sortedKeys(set)
}

func (w *work) relocate(act string, x *graph.Node, p, r string) {
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
}

// sortedStrings returns s sorted and deduplicated.
func sortedStrings(s []string) []string {
	seen := make(map[string]bool, len(s))
	for _, v := range s {
		seen[v] = true
	}
	return sortedKeys(seen)
}

package planner

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// footprint is x and what x needs, transitively, inside the domain: the
// nodes a copy of x must bring along. Groups come along when one of their
// members does.
func (w *work) footprint(x string, in func(*graph.Node) bool) []string {
	seen := map[string]bool{x: true}
	queue := []string{x}
	for h := 0; h < len(queue); h++ {
		for _, y := range w.needs(queue[h]) {
			if seen[y] {
				continue
			}
			yn := w.nodes[y]
			ok := yn.Class == graph.ClassResource && in(yn)
			if yn.Class == graph.ClassGroup && w.placeKind(y) == "" {
				for _, m := range w.needs(y) {
					if mn := w.nodes[m]; mn.Class == graph.ClassResource && in(mn) || mn.Class == graph.ClassGroup {
						ok = true
					}
				}
			}
			if ok {
				seen[y] = true
				queue = append(queue, y)
			}
		}
	}
	return sortedKeys(seen)
}

// clone copies x and its footprint in the failed domain to another zone,
// region or provider, behind a need-1 group with the original.
func (w *work) clone(act string, x *graph.Node, t Transform, pins pinsFunc, dry bool) (change, error) {
	if x.Region == "" || x.Region == graph.GlobalRegion {
		if t.Scope == "zone" || t.Scope == "region" {
			return change{}, fmt.Errorf("%s is global; it has no region to copy from", x.ID)
		}
	}
	var fp []string
	var rl *relocation
	var loc string
	switch t.Scope {
	case "place":
		fp = []string{x.ID}
		rl = &relocation{fromP: x.Provider, toP: x.Provider, regions: map[string]string{}, zones: map[string]string{}}
		loc = "second"
	case "zone":
		var zoneEdge string
		for _, e := range w.needs(x.ID) {
			if w.placeKind(e) == "zone" {
				zoneEdge = e
			}
		}
		if zoneEdge == "" {
			return change{}, fmt.Errorf("%s is not placed in a single zone", x.ID)
		}
		zones, err := w.pickZones(x.Provider, x.Region, w.nodes[zoneEdge].Zones, 2)
		if err != nil {
			return change{}, err
		}
		other := zones[0]
		if other == w.nodes[zoneEdge].Zones[0] {
			other = zones[1]
		}
		fp = w.footprint(x.ID, func(n *graph.Node) bool { _, ok := w.out[n.ID][zoneEdge]; return ok })
		rl = &relocation{fromP: x.Provider, toP: x.Provider, regions: map[string]string{}, zones: map[string]string{zoneEdge: other}}
		loc = graph.ZoneID(x.Provider, x.Region, other)
	case "region":
		fp = w.footprint(x.ID, func(n *graph.Node) bool { return n.Provider == x.Provider && n.Region == x.Region })
		var why string
		for _, r := range candidateRegions(x.Provider, x.Provider, x.Region, nil, w.usedRegions()) {
			if bad := w.pinned(fp, x.Provider, r, pins); bad != "" {
				why = bad
				continue
			}
			rl = w.newRelocation(x.Provider, x.Provider, map[string]string{x.Region: r})
			loc = graph.RegionID(x.Provider, r)
			break
		}
		if rl == nil {
			return change{}, fmt.Errorf("no other region of %s in %s is allowed%s", x.Provider, jurisdictionName(x.Provider, x.Region), why)
		}
	case "provider":
		fp = w.footprint(x.ID, func(n *graph.Node) bool { return n.Provider == x.Provider })
		var why []string
		for _, p := range t.Providers {
			if p == x.Provider {
				continue
			}
			regions, bad := w.providerRegions(fp, x.Provider, p, pins)
			if bad != "" {
				why = append(why, bad)
				continue
			}
			rl = w.newRelocation(x.Provider, p, regions)
			loc = p
			break
		}
		if rl == nil {
			return change{}, fmt.Errorf("no other provider can take it: %s", strings.Join(why, "; "))
		}
	}
	if dry {
		return change{to: loc}, nil
	}
	return w.copyFootprint(act, x, fp, rl, loc), nil
}

// pinned names the first footprint node whose pins forbid provider/region.
func (w *work) pinned(fp []string, provider, region string, pins pinsFunc) string {
	for _, id := range fp {
		if ps := pins(id); !allowed(provider, region, ps) {
			return fmt.Sprintf(": residency pins %s to %s", w.nodes[id].Label(), pinText(ps))
		}
	}
	return ""
}

// providerRegions maps every region of the footprint to a region of p.
func (w *work) providerRegions(fp []string, fromP, p string, pins pinsFunc) (map[string]string, string) {
	regions := map[string]string{}
	for _, id := range fp {
		n := w.nodes[id]
		if n.Class != graph.ClassResource || n.Region == "" || n.Region == graph.GlobalRegion {
			continue
		}
		if _, done := regions[n.Region]; done {
			continue
		}
		var members []string
		for _, m := range fp {
			if w.nodes[m].Region == n.Region {
				members = append(members, m)
			}
		}
		found := ""
		for _, r := range candidateRegions(p, fromP, n.Region, nil, w.usedRegions()) {
			if w.pinned(members, p, r, pins) == "" {
				found = r
				break
			}
		}
		if found == "" {
			return nil, fmt.Sprintf("%s has no region for %s%s", p, graph.RegionID(fromP, n.Region), w.pinned(members, p, "", pins))
		}
		regions[n.Region] = found
	}
	return regions, ""
}

func (w *work) copyFootprint(act string, x *graph.Node, fp []string, rl *relocation, loc string) change {
	ev := "plan:" + act
	newID := func(id string) string { return id + "#plan:" + loc }
	in := map[string]bool{}
	for _, id := range fp {
		in[id] = true
	}
	ch := change{to: loc}
	for _, id := range fp {
		y := w.nodes[id]
		if w.nodes[newID(id)] != nil {
			continue // a shared dependency another copy already brought
		}
		c := copyNode(*y)
		c.ID, c.Evidence = newID(id), ev
		if y.Class == graph.ClassResource {
			c.Name = y.Label() + " (copy in " + loc + ")"
			if c.Attrs == nil {
				c.Attrs = map[string]any{}
			}
			c.Attrs["plan_copy_of"] = y.ID
			if r, ok := rl.regions[y.Region]; ok {
				c.Region = r
			}
			if rl.toP != y.Provider {
				c.Provider, c.Account, c.Type = rl.toP, "", ""
			}
			var zones []string
			for _, z := range y.Zones {
				if tz, ok := rl.zones[graph.ZoneID(y.Provider, y.Region, z)]; ok {
					zones = append(zones, tz)
				} else if _, moved := rl.regions[y.Region]; !moved {
					zones = append(zones, z)
				}
			}
			slices.Sort(zones)
			c.Zones = slices.Compact(zones)
		}
		w.put(c)
		ch.nodes = append(ch.nodes, c.ID)
	}
	for _, id := range fp {
		for _, t := range w.needs(id) {
			if in[t] {
				w.edge(newID(id), newID(t), ev)
			} else {
				w.edge(newID(id), w.mapTarget(t, rl), ev)
			}
		}
	}
	ch.nodes = append(ch.nodes, w.behindGroup(act, x.ID, newID(x.ID), in)...)
	slices.Sort(ch.nodes)
	return ch
}

// behindGroup puts x and its alternative alt behind the need-1 group
// "group:plan:<x>", which takes over x's incoming edges (except from skip).
func (w *work) behindGroup(act, x, alt string, skip map[string]bool) []string {
	ev := "plan:" + act
	gid := graph.GroupID("plan", x)
	if w.nodes[gid] == nil {
		w.put(&graph.Node{ID: gid, Class: graph.ClassGroup, Need: 1, Evidence: ev})
		for _, u := range w.neededBy(x) {
			if skip[u] {
				continue
			}
			old := w.out[u][x]
			w.unlink(u, x)
			e := &graph.Edge{From: u, To: gid, Evidence: ev, Extra: maps.Clone(old.Extra)}
			w.link(e)
		}
		w.edge(gid, x, ev)
	}
	w.edge(gid, alt, ev)
	return []string{gid}
}

// pinText names the pins that bind a node: "aws/eu-west-1, eu".
func pinText(pins [][]string) string {
	var all []string
	for _, p := range pins {
		all = append(all, p...)
	}
	return strings.Join(sortedStrings(all), ", ")
}

func jurisdictionName(provider, region string) string {
	if j := Jurisdiction(provider, region); j != "" {
		return "jurisdiction " + j
	}
	return "the same jurisdiction"
}

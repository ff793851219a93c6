package inventory

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/untether-dev/untether/discover/redact"
	"github.com/untether-dev/untether/graph"
)

// Apply merges the inventory onto e (which may be empty or nil) and returns a
// new, validated estate; e is not changed. Inventory resources that share an
// id with a node of e fill in its empty fields (the estate's values win).
// References resolve against e plus the inventory's own nodes; a reference to
// an unknown id, or a selector matching nothing, is an *graph.InputError at
// its line and column.
func (inv *Inventory) Apply(e *graph.Estate) (*graph.Estate, error) {
	b := graph.NewBuilder()
	ids := map[string]bool{}
	if e != nil {
		b.Merge(e)
		for i := range e.Nodes {
			ids[e.Nodes[i].ID] = true
		}
	}
	a := &applier{inv: inv, b: b}
	if err := a.nodes(ids); err != nil {
		return nil, err
	}
	a.index(ids)
	if err := a.edges(); err != nil {
		return nil, err
	}
	out, err := b.Estate()
	if err != nil {
		var ie *graph.InputError
		if errors.As(err, &ie) {
			return nil, &graph.InputError{File: inv.File, Msg: "merging the inventory makes an invalid estate: " + ie.Msg}
		}
		return nil, fmt.Errorf("apply inventory %s: %w", inv.File, err)
	}
	return out, nil
}

type applier struct {
	inv *Inventory
	b   *graph.Builder
	// resources is every resource node, sorted by id, for selectors.
	resources []*graph.Node
}

func (a *applier) at(line, col int, format string, args ...any) error {
	return &graph.InputError{File: a.inv.File, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (a *applier) evidence(line int) string { return fmt.Sprintf("%s:%d", a.inv.File, line) }

// ServiceID is the node id of the inventory service with id.
func ServiceID(id string) string { return graph.ServiceID(id) }

// GroupID is the node id of the inventory group with id.
func GroupID(id string) string {
	if strings.HasPrefix(id, graph.GroupPrefix) {
		return id
	}
	return graph.GroupID(id)
}

// nodes adds the inventory's resources, services and groups.
func (a *applier) nodes(ids map[string]bool) error {
	for _, r := range a.inv.Resources {
		if old := a.b.Get(r.ID); old != nil && old.Class != graph.ClassResource {
			return a.at(r.Line, r.Col, "resource id %q is already a %s node in the estate", r.ID, old.Class)
		}
		ev := a.evidence(r.Line)
		a.b.Node(graph.Node{ID: r.ID, Class: graph.ClassResource, Kind: r.Kind, Type: r.Type, Provider: r.Provider,
			Account: r.Account, Region: r.Region, Zones: r.Zones, Name: r.Name, Tags: redact.Tags(r.Tags), Attrs: redact.Attrs(r.Attrs),
			Residency: r.Residency, Evidence: ev})
		ids[r.ID] = true
		region := r.Region
		switch {
		case r.ManagedService != "" && (region == "" || region == graph.GlobalRegion):
			a.b.Edge(r.ID, a.b.ManagedService(r.Provider, graph.GlobalRegion, r.ManagedService), ev)
		case r.ZoneNeed > 1:
			a.b.Edge(r.ID, a.b.ZoneGroup(r.Provider, region, r.ZoneNeed, r.Zones), ev)
		default:
			a.b.Place(r.ID, r.Provider, region, r.Zones, ev)
		}
		if r.ManagedService != "" && region != "" && region != graph.GlobalRegion {
			a.b.Edge(r.ID, a.b.ManagedService(r.Provider, region, r.ManagedService), ev)
		}
	}
	for _, s := range a.inv.Services {
		id := ServiceID(s.ID)
		if old := a.b.Get(id); old != nil && old.Class != graph.ClassService {
			return a.at(s.Line, s.Col, "service id %q is already a %s node in the estate", id, old.Class)
		}
		a.b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: s.Name, Tier: s.Tier, Owners: s.Owners,
			DowntimeCostPerHour: s.DowntimeCostPerHour, Residency: s.Residency, Tags: redact.Tags(s.Tags), Evidence: a.evidence(s.Line)})
		ids[id] = true
	}
	for _, g := range a.inv.Groups {
		id := GroupID(g.ID)
		if a.b.Get(id) != nil {
			return a.at(g.Line, g.Col, "group id %q is already used by another node", id)
		}
		a.b.Node(graph.Node{ID: id, Class: graph.ClassGroup, Need: g.Need, Evidence: a.evidence(g.Line)})
		ids[id] = true
	}
	return nil
}

// index lists the resource nodes selectors can match, in id order.
func (a *applier) index(ids map[string]bool) {
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		if n := a.b.Get(id); n != nil && n.Class == graph.ClassResource {
			a.resources = append(a.resources, n)
		}
	}
}

// resolve turns a reference into node ids, sorted.
func (a *applier) resolve(r Ref) ([]string, error) {
	sel, isSel, _ := refSelector(r.Text)
	if !isSel {
		if a.b.Get(r.Text) == nil {
			return nil, a.at(r.Line, r.Col, "unknown node %q: not in the estate or this inventory (services are service:ID, groups group:ID)", clip(r.Text))
		}
		return []string{r.Text}, nil
	}
	var out []string
	for _, n := range a.resources {
		if sel.Matches(n) {
			out = append(out, n.ID)
		}
	}
	if len(out) == 0 {
		return nil, a.at(r.Line, r.Col, "selector %q matches no resource", clip(r.Text))
	}
	return out, nil
}

// need adds from -> each target of ref.
func (a *applier) need(from string, r Ref, evidence string) error {
	to, err := a.resolve(r)
	if err != nil {
		return err
	}
	for _, t := range to {
		a.b.Edge(from, t, evidence)
	}
	return nil
}

func (a *applier) edges() error {
	for _, s := range a.inv.Services {
		for _, r := range append(slices.Clone(s.Entry), s.Needs...) {
			if err := a.need(ServiceID(s.ID), r, a.evidence(r.Line)); err != nil {
				return err
			}
		}
	}
	for _, res := range a.inv.Resources {
		for _, r := range res.Needs {
			if err := a.need(res.ID, r, a.evidence(r.Line)); err != nil {
				return err
			}
		}
	}
	for _, d := range a.inv.Dependencies {
		from, err := a.resolve(d.From)
		if err != nil {
			return err
		}
		ev := a.evidence(d.Line)
		if d.Note != "" {
			ev += " " + d.Note
		}
		for _, f := range from {
			if err := a.need(f, d.To, ev); err != nil {
				return err
			}
		}
	}
	for _, g := range a.inv.Groups {
		id := GroupID(g.ID)
		members := map[string]bool{}
		for _, r := range g.Members {
			to, err := a.resolve(r)
			if err != nil {
				return err
			}
			for _, t := range to {
				if t != id {
					members[t] = true
					a.b.Edge(id, t, a.evidence(r.Line))
				}
			}
		}
		if g.Need > len(members) {
			return a.at(g.Line, g.Col, "group %q needs %d but its members resolve to %d nodes", g.ID, g.Need, len(members))
		}
	}
	return nil
}

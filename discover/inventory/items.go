package inventory

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

func (inv *Inventory) service(r *reader, n *yaml.Node) error {
	f, err := r.fields(n, "a service", []string{"id", "name", "tier", "owners", "downtime_cost_per_hour", "residency", "tags", "entry", "needs"})
	if err != nil {
		return err
	}
	s := Service{Line: n.Line, Col: n.Column}
	if f["id"] == nil {
		return r.errAt(n, "a service needs an id")
	}
	if s.ID, err = r.id(f["id"], "service id"); err != nil {
		return err
	}
	for _, prev := range inv.Services {
		if prev.ID == s.ID {
			return r.errAt(f["id"], "service %q is declared twice (first at line %d)", s.ID, prev.Line)
		}
	}
	err = firstErr(
		opt(f["name"], func(v *yaml.Node) (err error) { s.Name, err = r.str(v, "name"); return }),
		opt(f["tier"], func(v *yaml.Node) (err error) { s.Tier, err = r.integer(v, "tier", 1, 4); return }),
		opt(f["owners"], func(v *yaml.Node) (err error) { s.Owners, err = r.strings(v, "owners"); return }),
		opt(f["downtime_cost_per_hour"], func(v *yaml.Node) (err error) {
			s.DowntimeCostPerHour, err = r.money(v, "downtime_cost_per_hour")
			return
		}),
		opt(f["residency"], func(v *yaml.Node) (err error) { s.Residency, err = r.strings(v, "residency"); return }),
		opt(f["tags"], func(v *yaml.Node) (err error) { s.Tags, err = r.tags(v, "tags"); return }),
		opt(f["entry"], func(v *yaml.Node) (err error) { s.Entry, err = r.refs(v, "entry"); return }),
		opt(f["needs"], func(v *yaml.Node) (err error) { s.Needs, err = r.refs(v, "needs"); return }),
	)
	if err != nil {
		return err
	}
	inv.Services = append(inv.Services, s)
	return nil
}

func (inv *Inventory) resource(r *reader, n *yaml.Node) error {
	f, err := r.fields(n, "a resource", []string{"id", "kind", "type", "provider", "account", "region", "zones", "zone_need",
		"managed_service", "name", "tags", "attrs", "residency", "needs"})
	if err != nil {
		return err
	}
	res := Resource{Line: n.Line, Col: n.Column}
	for _, k := range []string{"id", "kind", "provider"} {
		if f[k] == nil {
			return r.errAt(n, "a resource needs %s (id, kind and provider are required)", k)
		}
	}
	if res.ID, err = r.id(f["id"], "resource id"); err != nil {
		return err
	}
	for _, prev := range inv.Resources {
		if prev.ID == res.ID {
			return r.errAt(f["id"], "resource %q is declared twice (first at line %d)", res.ID, prev.Line)
		}
	}
	err = firstErr(
		opt(f["kind"], func(v *yaml.Node) (err error) { res.Kind, err = r.id(v, "kind"); return }),
		opt(f["type"], func(v *yaml.Node) (err error) { res.Type, err = r.str(v, "type"); return }),
		opt(f["provider"], func(v *yaml.Node) (err error) { res.Provider, err = r.placementName(v, "provider"); return }),
		opt(f["account"], func(v *yaml.Node) (err error) { res.Account, err = r.str(v, "account"); return }),
		opt(f["region"], func(v *yaml.Node) (err error) { res.Region, err = r.placementName(v, "region"); return }),
		opt(f["zones"], func(v *yaml.Node) (err error) { res.Zones, err = r.placementNames(v, "zones"); return }),
		opt(f["zone_need"], func(v *yaml.Node) (err error) { res.ZoneNeed, err = r.integer(v, "zone_need", 1, 1000); return }),
		opt(f["managed_service"], func(v *yaml.Node) (err error) {
			res.ManagedService, err = r.placementName(v, "managed_service")
			return
		}),
		opt(f["name"], func(v *yaml.Node) (err error) { res.Name, err = r.str(v, "name"); return }),
		opt(f["tags"], func(v *yaml.Node) (err error) { res.Tags, err = r.tags(v, "tags"); return }),
		opt(f["attrs"], func(v *yaml.Node) (err error) { res.Attrs, err = r.attrs(v, "attrs"); return }),
		opt(f["residency"], func(v *yaml.Node) (err error) { res.Residency, err = r.strings(v, "residency"); return }),
		opt(f["needs"], func(v *yaml.Node) (err error) { res.Needs, err = r.refs(v, "needs"); return }),
	)
	if err != nil {
		return err
	}
	if len(res.Zones) > 0 && (res.Region == "" || res.Region == "global") {
		return r.errAt(f["zones"], "zones need a region: a zone is part of one region (an on-prem site is a region)")
	}
	if res.ZoneNeed > 0 && res.ZoneNeed > len(res.Zones) {
		return r.errAt(f["zone_need"], "zone_need is %d but the resource lists %d zones", res.ZoneNeed, len(res.Zones))
	}
	inv.Resources = append(inv.Resources, res)
	return nil
}

// placementName reads a provider, region or service name, which becomes part
// of placement node ids and so cannot contain "/".
func (r *reader) placementName(n *yaml.Node, what string) (string, error) {
	s, err := r.id(n, what)
	if err == nil && (containsAny(s, "/ ") || s == ".." || s == ".") {
		return "", r.errAt(n, "%s %q cannot contain '/' or spaces; it becomes part of placement ids", what, clip(s))
	}
	return s, err
}

func (r *reader) placementNames(n *yaml.Node, what string) ([]string, error) {
	var out []string
	err := r.list(n, what, func(c *yaml.Node) error {
		s, err := r.placementName(c, "each of "+what)
		if err == nil && slices.Contains(out, s) {
			err = r.errAt(c, "%s lists %q twice", what, s)
		}
		out = append(out, s)
		return err
	})
	return out, err
}

func (inv *Inventory) dependency(r *reader, n *yaml.Node) error {
	f, err := r.fields(n, "a dependency", []string{"from", "to", "note"})
	if err != nil {
		return err
	}
	d := Dependency{Line: n.Line, Col: n.Column}
	if f["from"] == nil || f["to"] == nil {
		return r.errAt(n, "a dependency needs both from and to")
	}
	err = firstErr(
		opt(f["from"], func(v *yaml.Node) (err error) { d.From, err = r.ref(v, "from"); return }),
		opt(f["to"], func(v *yaml.Node) (err error) { d.To, err = r.ref(v, "to"); return }),
		opt(f["note"], func(v *yaml.Node) (err error) { d.Note, err = r.str(v, "note"); return }),
	)
	if err != nil {
		return err
	}
	inv.Dependencies = append(inv.Dependencies, d)
	return nil
}

func (inv *Inventory) group(r *reader, n *yaml.Node) error {
	f, err := r.fields(n, "a group", []string{"id", "need", "members"})
	if err != nil {
		return err
	}
	g := Group{Line: n.Line, Col: n.Column}
	for _, k := range []string{"id", "need", "members"} {
		if f[k] == nil {
			return r.errAt(n, "a group needs %s (id, need and members are required)", k)
		}
	}
	err = firstErr(
		opt(f["id"], func(v *yaml.Node) (err error) { g.ID, err = r.id(v, "group id"); return }),
		opt(f["need"], func(v *yaml.Node) (err error) { g.Need, err = r.integer(v, "need", 1, 1<<30); return }),
		opt(f["members"], func(v *yaml.Node) (err error) { g.Members, err = r.refs(v, "members"); return }),
	)
	if err != nil {
		return err
	}
	for _, prev := range inv.Groups {
		if prev.ID == g.ID {
			return r.errAt(f["id"], "group %q is declared twice (first at line %d)", g.ID, prev.Line)
		}
	}
	inv.Groups = append(inv.Groups, g)
	return nil
}

// opt runs read on v when the key was present.
func opt(v *yaml.Node, read func(*yaml.Node) error) func() error {
	return func() error {
		if v == nil {
			return nil
		}
		return read(v)
	}
}

// firstErr runs steps in order and returns the first error.
func firstErr(steps ...func() error) error {
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

func containsAny(s, chars string) bool {
	for _, c := range chars {
		for _, d := range s {
			if c == d {
				return true
			}
		}
	}
	return false
}

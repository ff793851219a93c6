package azure

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/discover/redact"
	"github.com/untether-dev/untether/discover/roles"
	"github.com/untether-dev/untether/graph"
)

// mapper turns one row of its type into nodes and edges.
type mapper func(a *asm, r *row)

// asm assembles the rows of a run into one estate, in id order.
type asm struct {
	b     *graph.Builder
	byID  map[string]*row   // armID -> row
	hosts map[string]string // lowercase host name -> node id
	later []func()          // references, resolved once every row has its node
}

func assemble(rows []row, gaps []graph.Gap) (*graph.Estate, error) {
	a := &asm{b: graph.NewBuilder(), byID: map[string]*row{}, hosts: map[string]string{}}
	for i := range rows {
		a.byID[armID(rows[i].ID)] = &rows[i]
	}
	for i := range rows {
		switch m, ok := mappers[rows[i].Type]; {
		case ok:
			m(a, &rows[i])
		case rows[i].Type != subscriptionType:
			mapGeneric(a, &rows[i])
		}
	}
	for _, f := range a.later {
		f()
	}
	for _, g := range gaps {
		a.b.Gap(g)
	}
	return a.b.Estate()
}

// node adds the resource node of r and returns its id.
func (a *asm) node(r *row, kind, evidence string, attrs map[string]any) string {
	for k, v := range attrs {
		if v == nil || v == "" {
			delete(attrs, k)
		}
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	redact.Attrs(attrs)
	reg := region(r.Location)
	if reg == "" || reg == "global" {
		reg = graph.GlobalRegion
	}
	a.b.Node(graph.Node{ID: r.ID, Class: graph.ClassResource, Kind: kind, Type: r.Type, Role: roles.Of(r.Type), Provider: provider,
		Account: r.SubscriptionID, Region: reg, Zones: sortedZones(r.Zones), Name: r.Name, Tags: tags(r.Tags),
		Attrs: attrs, Evidence: evidence})
	return r.ID
}

// tags are the row's tags under the one redaction rule of every source.
func tags(in map[string]any) map[string]string {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = tagString(v)
	}
	return redact.Tags(out)
}

func sortedZones(z []string) []string {
	var out []string
	for _, s := range z {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// zonal places id on its zones: one zone needs that zone, several need
// `need` of them, none is a zone Azure does not say (never read as safe).
func (a *asm) zonal(id, reg string, zones []string, need int, evidence string) {
	zones = sortedZones(zones)
	switch {
	case len(zones) == 0:
		a.unknownZone(id, reg, evidence)
	case len(zones) == 1:
		a.b.Edge(id, a.b.Zone(provider, reg, zones[0]), evidence)
	default:
		a.b.Edge(id, a.b.ZoneGroup(provider, reg, max(1, min(need, len(zones))), zones), evidence)
	}
}

// unknownZone places id in one zone of reg that the input does not name:
// the explicit placement that counts as a zone failure domain of its own.
func (a *asm) unknownZone(id, reg, evidence string) {
	a.b.Edge(id, a.unknownZoneOf(reg), evidence+"; Azure does not say which zone, so it counts as a zone of its own")
}

// zoneRedundant places id on its region: it survives any one zone.
func (a *asm) zoneRedundant(id, reg, evidence string) {
	a.b.Edge(id, a.b.Region(provider, reg), evidence)
}

// managed makes id need its product's regional (or global) service node.
func (a *asm) managed(id, reg, service string) {
	if reg == "" {
		reg = graph.GlobalRegion
	}
	a.b.Edge(id, a.b.ManagedService(provider, reg, service), "runs on "+service+" in "+reg)
}

// ref makes from need the resource with ARM id target, once every row has
// its node; a target that was not read gets a stub node saying so.
func (a *asm) ref(from, target, evidence string) {
	if strings.TrimSpace(target) == "" {
		return
	}
	a.later = append(a.later, func() { a.b.Edge(from, a.resolve(target, from), evidence) })
}

// anyOf makes from need any one of the targets (ARM ids or node ids).
func (a *asm) anyOf(from, gid string, targets []string, evidence string) {
	if len(targets) == 0 {
		return
	}
	a.later = append(a.later, func() {
		members := make([]string, 0, len(targets))
		for _, t := range targets {
			members = append(members, a.resolve(t, from))
		}
		members = slices.Compact(slices.Sorted(slices.Values(members)))
		a.b.Group(gid, 1, members, evidence)
		a.b.Edge(from, gid, evidence)
	})
}

// resolve is the node id of an ARM id or host name, adding a stub when no
// row gave it.
func (a *asm) resolve(target, neededBy string) string {
	if a.b.Get(target) != nil {
		return target // a node id already (a placement, a node made by a mapper)
	}
	if r, ok := a.byID[armID(target)]; ok && a.b.Get(r.ID) != nil {
		return r.ID
	}
	if id, ok := a.hosts[strings.ToLower(target)]; ok {
		return id
	}
	ev := fmt.Sprintf("referenced by %s; not itself read (another subscription, a type untether does not map, or not readable)", neededBy)
	n := graph.Node{ID: target, Class: graph.ClassResource, Kind: "unknown", Role: roles.Of(typeOf(target)), Provider: provider, Evidence: ev,
		Account: subscriptionOf(target), Type: typeOf(target), Name: target[strings.LastIndex(target, "/")+1:]}
	if !strings.HasPrefix(target, "/") {
		// A host name no row serves: a stub for whatever answers on it.
		n = graph.Node{ID: "dns:" + strings.ToLower(target), Class: graph.ClassResource, Kind: "endpoint", Type: "DNS",
			Provider: "external", Name: strings.ToLower(target), Evidence: ev}
	}
	if a.b.Get(n.ID) == nil {
		a.b.Node(n)
	}
	return n.ID
}

// typeOf is the ARM type named by an id ("microsoft.sql/servers/databases").
func typeOf(id string) string {
	parts := strings.Split(strings.Trim(id, "/"), "/")
	for i := range parts {
		if strings.EqualFold(parts[i], "providers") && i+2 < len(parts) {
			t := parts[i+1]
			for j := i + 2; j < len(parts); j += 2 {
				t += "/" + parts[j]
			}
			return strings.ToLower(t)
		}
	}
	return ""
}

// host records that a DNS name is served by node id (for traffic manager
// and Front Door origins given by name).
func (a *asm) host(name, id string) {
	if name = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(name), ".")); name != "" {
		a.hosts[name] = id
	}
}

// mapGeneric keeps a resource of a type no mapper reads: the kind the role
// taxonomy gives (or "generic", which the audit's coverage section counts),
// and the placement its own columns say: the zones listed, else its
// region. Configuration (role assignments, diagnostics ...) is kept
// unplaced: it never carries a failure.
func mapGeneric(a *asm, r *row) {
	e, known := roles.Lookup(r.Type)
	kind := e.Kind
	if kind == "" || !known {
		kind = "generic"
	}
	id := a.node(r, kind, "resources: "+r.Type+" (not mapped: placed by its zones and location columns)", nil)
	reg := region(r.Location)
	switch {
	case e.Role == graph.RoleConfiguration:
	case len(sortedZones(r.Zones)) > 0:
		a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ",")+" (the zones column)")
	case reg == "" || reg == "global":
		a.b.Edge(id, a.b.Provider(provider), "location global: placed on the provider")
	default:
		a.b.Edge(id, a.b.Region(provider, reg), "location "+reg+": placed on the region (its zone placement is not read)")
	}
}

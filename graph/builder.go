package graph

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// Builder assembles an estate for collectors and readers: nodes merge by id,
// edges are deduplicated, and placement hierarchy nodes are created on first
// use with their own edges (zone needs region, region needs provider, a
// regional managed service needs its region). Estate validates the result.
type Builder struct {
	nodes map[string]*Node
	edges map[[2]string]*Edge
	gaps  []Gap
	extra map[string]json.RawMessage
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{nodes: map[string]*Node{}, edges: map[[2]string]*Edge{}}
}

// Node adds n, or merges it into the node with the same id: empty fields are
// filled in, tags and attrs are merged (existing values win). It returns the
// stored node, which the caller may keep changing.
func (b *Builder) Node(n Node) *Node {
	old, ok := b.nodes[n.ID]
	if ok && old.Placeholder && !n.Placeholder {
		*old = Node{} // the collected node replaces what a reference made up
		ok = false
	}
	if !ok {
		c := n
		c.Zones = slices.Clone(n.Zones)
		c.Tags = maps.Clone(n.Tags)
		c.Attrs = maps.Clone(n.Attrs)
		if old != nil {
			*old = c
			return old
		}
		b.nodes[n.ID] = &c
		return &c
	}
	fill(&old.Class, n.Class)
	fill(&old.Level, n.Level)
	fill(&old.Kind, n.Kind)
	fill(&old.Type, n.Type)
	fill(&old.Role, n.Role)
	fill(&old.Provider, n.Provider)
	fill(&old.Account, n.Account)
	fill(&old.Region, n.Region)
	fill(&old.Service, n.Service)
	fill(&old.Name, n.Name)
	fill(&old.Evidence, n.Evidence)
	fill(&old.Need, n.Need)
	fill(&old.Tier, n.Tier)
	fill(&old.DowntimeCostPerHour, n.DowntimeCostPerHour)
	if len(old.Zones) == 0 {
		old.Zones = slices.Clone(n.Zones)
	}
	if len(old.Owners) == 0 {
		old.Owners = slices.Clone(n.Owners)
	}
	if len(old.Residency) == 0 {
		old.Residency = slices.Clone(n.Residency)
	}
	old.Tags = mergeMap(old.Tags, n.Tags)
	old.Attrs = mergeMap(old.Attrs, n.Attrs)
	old.Extra = mergeMap(old.Extra, n.Extra)
	return old
}

func fill[T comparable](dst *T, v T) {
	var zero T
	if *dst == zero {
		*dst = v
	}
}

func mergeMap[M ~map[K]V, K comparable, V any](dst, src M) M {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(M, len(src))
	}
	for k, v := range src {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
	return dst
}

// Get returns the node with id, or nil.
func (b *Builder) Get(id string) *Node { return b.nodes[id] }

// Edge records that from needs to (or, from a group, has to as a member).
// A repeated edge keeps its first evidence; a need replaces an ordering
// edge between the same nodes, since the need says more.
func (b *Builder) Edge(from, to, evidence string) {
	key := [2]string{from, to}
	if from == to {
		return // a node needing itself adds nothing to the model
	}
	if old, ok := b.edges[key]; ok {
		if old.Relation == RelationOrdering {
			*old = Edge{From: from, To: to, Evidence: evidence}
		}
		return
	}
	b.edges[key] = &Edge{From: from, To: to, Evidence: evidence}
}

// Ordering records that from was ordered after to (depends_on, state
// dependencies): evidence only, never a need. A need between the same
// nodes wins.
func (b *Builder) Ordering(from, to, evidence string) {
	key := [2]string{from, to}
	if from == to {
		return
	}
	if _, ok := b.edges[key]; ok {
		return
	}
	b.edges[key] = &Edge{From: from, To: to, Evidence: evidence, Relation: RelationOrdering}
}

// DecidedAtApply ensures the zone placement of a region whose resources'
// zone is decided only at apply (see DecidedAtApply) and returns its id.
func (b *Builder) DecidedAtApply(provider, region string) string {
	id := b.Zone(provider, region, DecidedAtApply)
	b.nodes[id].Name = "zone decided at apply (" + region + ")"
	return id
}

// HasEdge reports whether from -> to was recorded.
func (b *Builder) HasEdge(from, to string) bool {
	_, ok := b.edges[[2]string{from, to}]
	return ok
}

// Gap records a part of the estate that could not be collected.
func (b *Builder) Gap(g Gap) { b.gaps = append(b.gaps, g) }

// Provider ensures the provider placement node and returns its id.
func (b *Builder) Provider(provider string) string {
	id := ProviderID(provider)
	if _, ok := b.nodes[id]; !ok {
		b.Node(Node{ID: id, Class: ClassPlacement, Level: LevelProvider, Provider: provider, Name: provider})
	}
	return id
}

// Region ensures the region (and its provider) and returns the region's id.
func (b *Builder) Region(provider, region string) string {
	id := RegionID(provider, region)
	if _, ok := b.nodes[id]; !ok {
		b.Node(Node{ID: id, Class: ClassPlacement, Level: LevelRegion, Provider: provider, Region: region, Name: region})
		b.Edge(id, b.Provider(provider), "a region needs its provider")
	}
	return id
}

// Zone ensures the zone (and its region and provider) and returns its id.
func (b *Builder) Zone(provider, region, zone string) string {
	id := ZoneID(provider, region, zone)
	if _, ok := b.nodes[id]; !ok {
		b.Node(Node{ID: id, Class: ClassPlacement, Level: LevelZone, Provider: provider, Region: region, Zones: []string{zone}, Name: zone})
		b.Edge(id, b.Region(provider, region), "a zone needs its region")
	}
	return id
}

// ManagedService ensures the placement node of a managed service in a region,
// or a global one when region is GlobalRegion (it then needs the provider).
func (b *Builder) ManagedService(provider, region, service string) string {
	id := ManagedServiceID(provider, region, service)
	if _, ok := b.nodes[id]; !ok {
		n := Node{ID: id, Class: ClassPlacement, Level: LevelService, Provider: provider, Region: region, Service: service, Name: service}
		b.Node(n)
		if region == GlobalRegion {
			b.Edge(id, b.Provider(provider), "a global service needs its provider")
		} else {
			b.Edge(id, b.Region(provider, region), "a regional service needs its region")
		}
	}
	return id
}

// Group ensures a k-of-n group over members and returns its id.
func (b *Builder) Group(id string, need int, members []string, evidence string) string {
	b.Node(Node{ID: id, Class: ClassGroup, Need: need, Evidence: evidence})
	for _, m := range members {
		b.Edge(id, m, evidence)
	}
	return id
}

// Place applies DESIGN.md's placement rules to resource id: with no zone it
// needs its region; with one zone it needs that zone; with several it needs a
// shared group needing one of them. Each edge carries evidence.
func (b *Builder) Place(id, provider, region string, zones []string, evidence string) {
	zones = slices.Compact(slices.Sorted(slices.Values(zones)))
	switch {
	case region == "" || region == GlobalRegion:
		b.Edge(id, b.Provider(provider), evidence)
	case len(zones) == 0:
		b.Edge(id, b.Region(provider, region), evidence)
	case len(zones) == 1:
		b.Edge(id, b.Zone(provider, region, zones[0]), evidence)
	default:
		b.Edge(id, b.ZoneGroup(provider, region, 1, zones), evidence)
	}
}

// ZoneGroup ensures the shared group needing `need` of zones in a region.
func (b *Builder) ZoneGroup(provider, region string, need int, zones []string) string {
	gid := ZoneGroupID(provider, region, need, zones)
	if b.Get(gid) == nil {
		members := make([]string, len(zones))
		for i, z := range zones {
			members[i] = b.Zone(provider, region, z)
		}
		b.Group(gid, need, members, fmt.Sprintf("%d of %d zones", need, len(zones)))
	}
	return gid
}

// RegionGroup ensures the shared group needing `need` of a provider's regions.
func (b *Builder) RegionGroup(provider string, need int, regions []string) string {
	gid := RegionGroupID(provider, need, regions)
	if b.Get(gid) == nil {
		members := make([]string, len(regions))
		for i, r := range regions {
			members[i] = b.Region(provider, r)
		}
		b.Group(gid, need, members, fmt.Sprintf("%d of %d regions", need, len(regions)))
	}
	return gid
}

// Merge adds every node, edge and gap of e.
func (b *Builder) Merge(e *Estate) {
	for i := range e.Nodes {
		b.Node(e.Nodes[i])
	}
	for _, ed := range e.Edges {
		key := [2]string{ed.From, ed.To}
		if _, ok := b.edges[key]; !ok && ed.From != ed.To {
			c := ed
			b.edges[key] = &c
		}
	}
	b.gaps = append(b.gaps, e.Gaps...)
	if len(e.Extra) > 0 {
		if b.extra == nil {
			b.extra = map[string]json.RawMessage{}
		}
		for k, v := range e.Extra {
			b.extra[k] = v
		}
	}
}

// Estate returns the assembled estate, sorted and validated.
func (b *Builder) Estate() (*Estate, error) {
	e := &Estate{Nodes: make([]Node, 0, len(b.nodes)), Edges: make([]Edge, 0, len(b.edges))}
	for _, n := range b.nodes {
		e.Nodes = append(e.Nodes, *n)
	}
	for _, ed := range b.edges {
		e.Edges = append(e.Edges, *ed)
	}
	e.Gaps = slices.Clone(b.gaps)
	for k, v := range b.extra {
		if e.Extra == nil {
			e.Extra = map[string]json.RawMessage{}
		}
		e.Extra[k] = v
	}
	e.Sort()
	e.Gaps = slices.CompactFunc(e.Gaps, gapEqual)
	if err := Validate(e); err != nil {
		return nil, fmt.Errorf("assembled estate is invalid: %w", err)
	}
	return e, nil
}

func gapEqual(a, b Gap) bool {
	return a.Provider == b.Provider && a.Account == b.Account && a.Region == b.Region &&
		a.Service == b.Service && a.Status == b.Status && a.Detail == b.Detail
}

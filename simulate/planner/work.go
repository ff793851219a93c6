package planner

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// work is a mutable copy of an estate the planner transforms: nodes by id,
// edges by (from, to) with a reverse index. It never changes its source.
type work struct {
	nodes map[string]*graph.Node
	out   map[string]map[string]*graph.Edge
	in    map[string]map[string]bool
	src   *graph.Estate // gaps and extra fields come from here
	// regions caches usedRegions; nil until first asked.
	regions map[string]bool
	// zonesOf counts, per node id (a region), the single-zone placements
	// needing it by zone name: knownZones without a scan of every node
	// that needs the region. link and unlink keep it.
	zonesOf map[string]map[string]int
}

func newWork(e *graph.Estate) *work {
	w := &work{nodes: map[string]*graph.Node{}, out: map[string]map[string]*graph.Edge{}, in: map[string]map[string]bool{}, src: e,
		zonesOf: map[string]map[string]int{}}
	for i := range e.Nodes {
		w.put(copyNode(e.Nodes[i]))
	}
	for _, ed := range e.Edges {
		c := ed
		c.Extra = maps.Clone(ed.Extra)
		w.link(&c)
	}
	return w
}

func copyNode(n graph.Node) *graph.Node {
	c := n
	c.Zones = slices.Clone(n.Zones)
	c.Tags = maps.Clone(n.Tags)
	c.Attrs = maps.Clone(n.Attrs)
	c.Owners = slices.Clone(n.Owners)
	c.Residency = slices.Clone(n.Residency)
	c.Extra = maps.Clone(n.Extra)
	return &c
}

func (w *work) put(n *graph.Node) { w.nodes[n.ID] = n }

func (w *work) link(e *graph.Edge) {
	if e.From == e.To {
		return
	}
	if w.out[e.From] == nil {
		w.out[e.From] = map[string]*graph.Edge{}
	}
	if _, ok := w.out[e.From][e.To]; ok {
		return
	}
	w.out[e.From][e.To] = e
	if w.in[e.To] == nil {
		w.in[e.To] = map[string]bool{}
	}
	w.in[e.To][e.From] = true
	if z, ok := w.zoneName(e.From); ok {
		if w.zonesOf[e.To] == nil {
			w.zonesOf[e.To] = map[string]int{}
		}
		w.zonesOf[e.To][z]++
	}
}

// zoneName is the zone of a single-zone placement node.
func (w *work) zoneName(id string) (string, bool) {
	n := w.nodes[id]
	if n == nil || n.Class != graph.ClassPlacement || n.Level != graph.LevelZone || len(n.Zones) != 1 {
		return "", false
	}
	return n.Zones[0], true
}

func (w *work) edge(from, to, evidence string) {
	w.link(&graph.Edge{From: from, To: to, Evidence: evidence})
}

func (w *work) unlink(from, to string) {
	if _, ok := w.out[from][to]; !ok {
		return
	}
	if z, ok := w.zoneName(from); ok {
		if w.zonesOf[to][z]--; w.zonesOf[to][z] == 0 {
			delete(w.zonesOf[to], z)
		}
	}
	delete(w.out[from], to)
	delete(w.in[to], from)
}

// needs lists what id needs (or, for a group, its members), sorted.
func (w *work) needs(id string) []string { return sortedKeys(w.out[id]) }

// neededBy lists what needs id, sorted.
func (w *work) neededBy(id string) []string { return sortedKeys(w.in[id]) }

// ensure adds a placement node (and its parents) the way graph.Builder does.
func (w *work) provider(p string) string {
	id := graph.ProviderID(p)
	if w.nodes[id] == nil {
		w.put(&graph.Node{ID: id, Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: p, Name: p})
	}
	return id
}

func (w *work) region(p, r string) string {
	if r == "" || r == graph.GlobalRegion {
		return w.provider(p)
	}
	id := graph.RegionID(p, r)
	if w.nodes[id] == nil {
		w.put(&graph.Node{ID: id, Class: graph.ClassPlacement, Level: graph.LevelRegion, Provider: p, Region: r, Name: r})
		w.edge(id, w.provider(p), "a region needs its provider")
		if w.regions != nil {
			w.regions[id] = true
		}
	}
	return id
}

func (w *work) zone(p, r, z string) string {
	id := graph.ZoneID(p, r, z)
	if w.nodes[id] == nil {
		w.put(&graph.Node{ID: id, Class: graph.ClassPlacement, Level: graph.LevelZone, Provider: p, Region: r, Zones: []string{z}, Name: z})
		w.edge(id, w.region(p, r), "a zone needs its region")
	}
	return id
}

func (w *work) managed(p, r, svc string) string {
	id := graph.ManagedServiceID(p, r, svc)
	if w.nodes[id] == nil {
		w.put(&graph.Node{ID: id, Class: graph.ClassPlacement, Level: graph.LevelService, Provider: p, Region: r, Service: svc, Name: svc})
		if r == graph.GlobalRegion {
			w.edge(id, w.provider(p), "a global service needs its provider")
		} else {
			w.edge(id, w.region(p, r), "a regional service needs its region")
		}
	}
	return id
}

func (w *work) zoneGroup(p, r string, zones []string) string {
	id := graph.ZoneGroupID(p, r, 1, zones)
	if w.nodes[id] == nil {
		w.put(&graph.Node{ID: id, Class: graph.ClassGroup, Need: 1, Evidence: fmt.Sprintf("1 of %d zones", len(zones))})
		for _, z := range zones {
			w.edge(id, w.zone(p, r, z), fmt.Sprintf("1 of %d zones", len(zones)))
		}
	}
	return id
}

// knownZones lists the zones of provider/region the estate has.
func (w *work) knownZones(p, r string) []string {
	var out []string
	for z, k := range w.zonesOf[graph.RegionID(p, r)] { // sorted below
		for range k {
			out = append(out, z)
		}
	}
	slices.Sort(out)
	return out
}

// usedRegions is every provider/region id the estate has a node for. It is
// kept up to date by region; callers must not change it.
func (w *work) usedRegions() map[string]bool {
	if w.regions == nil {
		w.regions = map[string]bool{}
		for _, n := range w.nodes {
			if n.Class == graph.ClassPlacement && n.Level == graph.LevelRegion {
				w.regions[n.ID] = true
			}
		}
	}
	return w.regions
}

// placeKind classifies an edge target: zone, region, service (regional),
// global (global service), provider, zonegroup, or "" for anything else.
func (w *work) placeKind(id string) string {
	n := w.nodes[id]
	switch n.Class {
	case graph.ClassPlacement:
		switch n.Level {
		case graph.LevelService:
			if n.Region == graph.GlobalRegion {
				return "global"
			}
			return "service"
		default:
			return string(n.Level)
		}
	case graph.ClassGroup:
		ms := w.needs(id)
		zones, regions := 0, 0
		for _, m := range ms {
			switch mn := w.nodes[m]; {
			case mn.Class == graph.ClassPlacement && mn.Level == graph.LevelZone:
				zones++
			case mn.Class == graph.ClassPlacement && mn.Level == graph.LevelRegion:
				regions++
			}
		}
		switch {
		case len(ms) == 0:
		case zones == len(ms):
			return "zonegroup"
		case regions == len(ms):
			return "regiongroup"
		}
	}
	return ""
}

// regionGroup ensures the shared group needing `need` of a provider's regions.
func (w *work) regionGroup(p string, need int, regions []string) string {
	id := graph.RegionGroupID(p, need, regions)
	if w.nodes[id] == nil {
		ev := fmt.Sprintf("%d of %d regions", need, len(regions))
		w.put(&graph.Node{ID: id, Class: graph.ClassGroup, Need: need, Evidence: ev})
		for _, r := range regions {
			w.edge(id, w.region(p, r), ev)
		}
	}
	return id
}

// estate returns the transformed estate, sorted and validated.
func (w *work) estate() (*graph.Estate, error) {
	e := &graph.Estate{Gaps: slices.Clone(w.src.Gaps), Extra: maps.Clone(w.src.Extra)}
	for _, id := range sortedKeys(w.nodes) {
		e.Nodes = append(e.Nodes, *w.nodes[id])
	}
	for _, from := range sortedKeys(w.out) {
		for _, to := range sortedKeys(w.out[from]) {
			e.Edges = append(e.Edges, *w.out[from][to])
		}
	}
	e.Sort()
	if err := graph.Validate(e); err != nil {
		return nil, fmt.Errorf("plan produced an invalid estate: %w", err)
	}
	return e, nil
}

// addEvidence appends the plan mark to a node's evidence.
func markNode(n *graph.Node, action string) {
	tag := "plan:" + action
	switch {
	case n.Evidence == "":
		n.Evidence = tag
	case !strings.Contains(n.Evidence, tag):
		n.Evidence += "; " + tag
	}
}

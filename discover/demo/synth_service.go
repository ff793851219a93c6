package demo

import (
	"slices"
	"strconv"

	"github.com/untether-dev/untether/graph"
)

// Shared attribute maps: the generator never changes them after start.
var (
	attrsMultiAZ  = map[string]any{"multi_az": true, "stored_bytes": int64(200) << 30}
	attrsSingleAZ = map[string]any{"multi_az": false, "stored_bytes": int64(50) << 30}
	attrsStore    = map[string]any{"stored_bytes": int64(1) << 40}
	attrsPool     = map[string]any{"autoscaling": true}
)

var tierCost = [5]float64{0, 100000, 25000, 5000, 500}

// Evidence strings, shared by every node and edge that cites them.
const (
	evSynth    = "synthetic inventory"
	evZone     = "placement: single zone"
	evZones    = "placement: spans zones"
	evRegional = "regional managed service"
	evMember   = "autoscaling member"
	evEntry    = "synthetic inventory: service entry point"
	evCalls    = "synthetic inventory: service calls service"
	evUses     = "synthetic inventory: dependency"
)

// service adds one business service of budget resources homed in a
// randomly drawn region.
func (g *gen) service(s, budget int) {
	ri := g.pickRegion()
	r := synthRegions[ri]
	p := r.provider
	prod := synthProducts[p]
	name := "svc-" + strconv.Itoa(s)
	team := "team-" + strconv.Itoa(s%50)
	account := synthAccount(p, s)
	tags := map[string]string{"service": name, "team": team, "env": "prod"}
	x := g.rng.IntN(100)
	tier := 1 + boolInt(x >= 10) + boolInt(x >= 35) + boolInt(x >= 80)
	sid := "service:" + name
	g.node(graph.Node{ID: sid, Class: graph.ClassService, Name: name, Tier: tier, Owners: []string{team},
		DowntimeCostPerHour: tierCost[tier], Tags: map[string]string{"service": name}, Evidence: evSynth})
	seq := 0
	res := func(role, zone string, zones []string, attrs map[string]any) string {
		seq++
		id := g.id(p, account, r.name, zone, role, name, seq)
		g.node(graph.Node{ID: id, Class: graph.ClassResource, Kind: synthKinds[role], Type: prod[role].typ, Provider: p,
			Account: account, Region: r.name, Zones: zones, Name: role, Tags: tags, Attrs: attrs, Evidence: evSynth})
		return id
	}
	allZones := r.zones
	// managed: a regional (or global) managed product needs its service
	// node and its region.
	managed := func(id, role string) {
		rid := graph.RegionID(p, r.name)
		if svc := prod[role].service; svc != "" {
			region := r.name
			if svc == "pubsub" {
				region = graph.GlobalRegion
			}
			g.edge(id, graph.ManagedServiceID(p, region, svc), evRegional)
		}
		g.edge(id, rid, evRegional)
	}
	zone := func() int { return g.rng.IntN(len(allZones)) }

	if budget < 8 { // too small for the full shape: a pool of instances
		pool := res("pool", "", allZones, attrsPool)
		g.edge(pool, g.zoneGroups[ri][0], evZones)
		g.edge(sid, pool, evEntry)
		g.instances(ri, pool, "", budget-1, res)
		g.services = append(g.services, synthService{id: sid, entry: pool, region: ri})
		return
	}
	lb := res("lb", "", allZones, nil)
	g.edge(lb, g.zoneGroups[ri][0], evZones)
	if prod["lb"].service != "" {
		g.edge(lb, graph.ManagedServiceID(p, r.name, prod["lb"].service), evRegional)
	}
	g.edge(sid, lb, evEntry)
	pool := res("pool", "", allZones, attrsPool)
	g.edge(lb, pool, evUses)
	g.edge(pool, g.zoneGroups[ri][0], evZones)
	db := g.database(ri, res, zone)
	fixed := 6
	var db2, store string
	if budget >= 30 {
		db2 = g.database(ri, res, zone)
		fixed++
	}
	if budget >= 20 && g.rng.IntN(100) < 40 {
		store = res("store", "", nil, attrsStore)
		if p == "gcp" { // Spanner: a quorum of zones
			g.edge(store, g.zoneGroups[ri][2], evZones)
		}
		managed(store, "store")
		fixed++
	}
	var cache string
	if g.rng.IntN(100) < 40 {
		z := zone()
		cache = res("cache", allZones[z], g.zoneSlices[ri][z], attrsSingleAZ)
		g.edge(cache, g.zoneIDs[ri][z], evZone)
	} else {
		cache = res("cache", "", allZones[:2], attrsMultiAZ)
		g.edge(cache, g.zoneGroups[ri][1], evZones)
	}
	queue := res("queue", "", nil, nil)
	managed(queue, "queue")
	bucket := res("bucket", "", nil, attrsStore)
	managed(bucket, "bucket")
	for _, t := range []string{cache, queue, bucket, store} {
		if t != "" {
			g.edge(pool, t, evUses)
		}
	}
	if len(g.saas) > 0 && g.rng.IntN(100) < 50 {
		g.edge(pool, g.saas[g.rng.IntN(len(g.saas))], evUses)
	}
	rest := budget - fixed
	n := rest * 55 / 100
	g.instances(ri, pool, db, n, res)
	for i := 0; i < rest-n; i++ {
		f := res("function", "", nil, nil)
		managed(f, "function")
		g.edge(f, queue, evUses)
		switch {
		case store != "" && i%2 == 0:
			g.edge(f, store, evUses)
		case db2 != "" && i%3 == 0:
			g.edge(f, db2, evUses)
		default:
			g.edge(f, db, evUses)
		}
	}
	g.services = append(g.services, synthService{id: sid, entry: lb, region: ri})
}

// database adds a Multi-AZ (two zones) or single-zone database.
func (g *gen) database(ri int, res func(string, string, []string, map[string]any) string, zone func() int) string {
	r := synthRegions[ri]
	if g.rng.IntN(100) < 65 {
		db := res("db", "", r.zones[:2], attrsMultiAZ)
		g.edge(db, g.zoneGroups[ri][1], evZones)
		return db
	}
	z := zone()
	db := res("db", r.zones[z], g.zoneSlices[ri][z], attrsSingleAZ)
	g.edge(db, g.zoneIDs[ri][z], evZone)
	return db
}

func synthAccount(provider string, s int) string {
	switch provider {
	case "aws":
		return "2000000000" + strconv.Itoa(10+s%8)
	case "gcp":
		return "synth-project-" + strconv.Itoa(s%8)
	case "azure":
		return "00000000-0000-4000-8000-00000000000" + strconv.Itoa(s%4)
	}
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// instances adds n instances to pool's k-of-n group, each needing its zone
// and db (when given). Most pools are spread so they survive any one zone;
// one in eight piles over half its instances into one zone, which then
// takes the pool down.
func (g *gen) instances(ri int, pool, db string, n int, res func(string, string, []string, map[string]any) string) {
	if n < 1 {
		return
	}
	r := synthRegions[ri]
	zones := len(r.zones)
	counts := make([]int, zones)
	start := g.rng.IntN(zones)
	imbalanced := n >= 4 && g.rng.IntN(8) == 0
	for i := 0; i < n; i++ {
		z := (start + i) % zones
		if imbalanced && i < n/2+1 {
			z = start
		}
		counts[z]++
	}
	need := n - slices.Max(counts)
	if imbalanced || need < 1 {
		need = max(1, (2*n+2)/3)
	}
	gid := "group:" + pool + ":healthy"
	g.node(graph.Node{ID: gid, Class: graph.ClassGroup, Need: need, Evidence: evMember})
	g.edge(pool, gid, evMember)
	for z, c := range counts {
		for j := 0; j < c; j++ {
			inst := res("instance", r.zones[z], g.zoneSlices[ri][z], nil)
			g.edge(gid, inst, evMember)
			g.edge(inst, g.zoneIDs[ri][z], evZone)
			if db != "" {
				g.edge(inst, db, evUses)
			}
		}
	}
}

// callGraph makes services call each other: mostly earlier services (a
// layered architecture), sometimes a later one, which closes cycles.
func (g *gen) callGraph(n int) {
	for s := 1; s < n; s++ {
		from := g.services[s].id
		calls := 1 + g.rng.IntN(2)
		seen := map[int]bool{}
		for c := 0; c < calls; c++ {
			t := g.rng.IntN(s)
			if g.rng.IntN(100) < 5 {
				t = s + 1 + g.rng.IntN(max(1, n-s-1))
				if t >= n {
					continue
				}
			}
			if seen[t] {
				continue
			}
			seen[t] = true
			g.edge(from, g.services[t].id, evCalls)
		}
	}
}

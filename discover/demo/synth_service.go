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
	attrsFailover = map[string]any{"routing_policy": "failover", "health_checked": true}
)

var tierCost = [5]float64{0, 100000, 25000, 5000, 500}

// Evidence strings, shared by every node and edge that cites them.
const (
	evSynth    = "synthetic inventory"
	evZone     = "placement: single zone"
	evZones    = "placement: spans zones"
	evRegional = "regional managed service"
	evGlobal   = "global managed service"
	evMember   = "autoscaling member"
	evFailover = "DNS failover between regions"
	evEntry    = "synthetic inventory: service entry point"
	evCalls    = "synthetic inventory: service calls service"
	evUses     = "synthetic inventory: dependency"
)

// svcGen is one service being generated.
type svcGen struct {
	g             *gen
	name, account string
	provider      string
	tags          map[string]string
	seq           int
}

// res adds a resource of role in region ri and returns its id.
func (s *svcGen) res(ri int, role, zone string, zones []string, attrs map[string]any) string {
	s.seq++
	r := synthRegions[ri]
	id := s.g.id(s.provider, s.account, r.name, zone, role, s.name, s.seq)
	s.g.node(graph.Node{ID: id, Class: graph.ClassResource, Kind: synthKinds[role], Type: synthProducts[s.provider][role].typ,
		Provider: s.provider, Account: s.account, Region: r.name, Zones: zones, Name: role, Tags: s.tags, Attrs: attrs, Evidence: evSynth})
	return id
}

// managed makes a regional (or global) managed product need its service
// node and its region.
func (s *svcGen) managed(ri int, id, role string) {
	if svc := s.g.serviceIDs[ri][role]; svc != "" {
		s.g.edge(id, svc, evRegional)
	}
	s.g.edge(id, s.g.regionIDs[ri], evRegional)
}

// stack adds a load balancer in front of an autoscaling pool of n instances
// that need db; it returns the load balancer and the pool.
func (s *svcGen) stack(ri, n int, db string) (lb, pool string) {
	g, r := s.g, synthRegions[ri]
	lb = s.res(ri, "lb", "", r.zones, nil)
	g.edge(lb, g.zoneGroups[ri][0], evZones)
	if svc := g.serviceIDs[ri]["lb"]; svc != "" {
		g.edge(lb, svc, evRegional)
	}
	pool = s.res(ri, "pool", "", r.zones, attrsPool)
	g.edge(lb, pool, evUses)
	g.edge(pool, g.zoneGroups[ri][0], evZones)
	g.instances(ri, pool, db, n, s.res)
	return lb, pool
}

// service adds one business service of budget resources homed in a
// randomly drawn region; some tier-1 and tier-2 services run in two regions
// behind DNS failover.
func (g *gen) service(idx, budget int) {
	ri := g.pickRegion()
	p := synthRegions[ri].provider
	name := "svc-" + strconv.Itoa(idx)
	team := "team-" + strconv.Itoa(idx%50)
	s := &svcGen{g: g, name: name, account: synthAccount(p, idx), provider: p,
		tags: map[string]string{"service": name, "team": team, "env": "prod"}}
	x := g.rng.IntN(100)
	tier := 1 + boolInt(x >= 10) + boolInt(x >= 35) + boolInt(x >= 80)
	sid := graph.ServiceID(name)
	g.node(graph.Node{ID: sid, Class: graph.ClassService, Name: name, Tier: tier, Owners: []string{team},
		DowntimeCostPerHour: tierCost[tier], Tags: map[string]string{"service": name}, Evidence: evSynth})
	zone := func() int { return g.rng.IntN(len(synthRegions[ri].zones)) }

	if budget < 8 { // too small for the full shape: a pool of instances
		pool := s.res(ri, "pool", "", synthRegions[ri].zones, attrsPool)
		g.edge(pool, g.zoneGroups[ri][0], evZones)
		g.edge(sid, pool, evEntry)
		g.instances(ri, pool, "", budget-1, s.res)
		g.services = append(g.services, synthService{id: sid, entry: pool, region: ri})
		return
	}
	ri2 := -1
	if tier <= 2 && budget >= 30 && p != "onprem" && g.rng.IntN(100) < 30 {
		ri2 = g.otherRegion(ri)
	}
	db := g.database(ri, s, zone)
	fixed := 5 // lb, pool, db, queue, bucket
	var db2, store, cache string
	if budget >= 30 {
		db2 = g.database(ri, s, zone)
		fixed++
	}
	if budget >= 20 && g.rng.IntN(100) < 40 {
		store = s.res(ri, "store", "", nil, attrsStore)
		if p == "gcp" { // Spanner: a quorum of zones
			g.edge(store, g.zoneGroups[ri][2], evZones)
		}
		s.managed(ri, store, "store")
		fixed++
	}
	if g.rng.IntN(100) < 40 {
		z := zone()
		cache = s.res(ri, "cache", synthRegions[ri].zones[z], g.zoneSlices[ri][z], attrsSingleAZ)
		g.edge(cache, g.zoneIDs[ri][z], evZone)
	} else {
		cache = s.res(ri, "cache", "", synthRegions[ri].zones[:2], attrsMultiAZ)
		g.edge(cache, g.zoneGroups[ri][1], evZones)
	}
	fixed++
	queue := s.res(ri, "queue", "", nil, nil)
	s.managed(ri, queue, "queue")
	bucket := s.res(ri, "bucket", "", nil, attrsStore)
	s.managed(ri, bucket, "bucket")
	if ri2 >= 0 {
		fixed += 4 // the second region's lb, pool and database, and the DNS record
	}
	rest := budget - fixed
	n := rest * 55 / 100
	entry := ""
	var pools []string
	if ri2 < 0 {
		lb, pool := s.stack(ri, n, db)
		entry, pools = lb, []string{pool}
	} else {
		replica := g.database(ri2, s, func() int { return g.rng.IntN(len(synthRegions[ri2].zones)) })
		lb1, pool1 := s.stack(ri, n-n/2, db)
		lb2, pool2 := s.stack(ri2, n/2, replica)
		entry = g.failover(s, lb1, lb2)
		pools = []string{pool1, pool2}
	}
	g.edge(sid, entry, evEntry)
	saas := ""
	if len(g.saas) > 0 && g.rng.IntN(100) < 50 {
		saas = g.saas[g.rng.IntN(len(g.saas))]
	}
	for _, pool := range pools {
		for _, t := range []string{cache, queue, bucket, store, saas} {
			if t != "" {
				g.edge(pool, t, evUses)
			}
		}
	}
	for i := 0; i < rest-n; i++ {
		f := s.res(ri, "function", "", nil, nil)
		s.managed(ri, f, "function")
		g.edge(f, queue, evUses)
		switch {
		case store != "" && i%2 == 0:
			g.edge(f, store, evUses)
		case db2 != "" && i%3 == 0:
			g.edge(f, db2, evUses)
		default:
			g.edge(f, db, evUses)
		}
		if i%4 == 0 { // a synchronous call; the rest are queue workers
			g.edge(pools[0], f, evUses)
		}
	}
	g.services = append(g.services, synthService{id: sid, entry: entry, region: ri})
}

// failover adds a DNS record on the provider's global DNS that fails over
// between two regional load balancers; it returns the record.
func (g *gen) failover(s *svcGen, lb1, lb2 string) string {
	dnsSvc := map[string]string{"aws": "route53", "gcp": "cloud-dns", "azure": "dns"}[s.provider]
	dns := graph.ManagedServiceID(s.provider, graph.GlobalRegion, dnsSvc)
	if !g.has[dns] {
		g.has[dns] = true
		g.node(graph.Node{ID: dns, Class: graph.ClassPlacement, Level: graph.LevelService, Provider: s.provider,
			Region: graph.GlobalRegion, Service: dnsSvc, Name: dnsSvc, Evidence: evGlobal})
		g.edge(dns, s.provider, "a global service needs its provider")
	}
	s.seq++
	rec := "dns:" + s.provider + ":" + s.name + ".synthetic.example."
	s.g.node(graph.Node{ID: rec, Class: graph.ClassResource, Kind: "dns_record", Type: dnsSvc + ":record", Provider: s.provider,
		Account: s.account, Name: s.name + ".synthetic.example", Tags: s.tags, Attrs: attrsFailover, Evidence: evSynth})
	g.edge(rec, dns, evGlobal)
	gid := graph.GroupID(rec, "regions")
	g.node(graph.Node{ID: gid, Class: graph.ClassGroup, Need: 1, Evidence: evFailover})
	g.edge(gid, lb1, evFailover)
	g.edge(gid, lb2, evFailover)
	g.edge(rec, gid, evFailover)
	return rec
}

// otherRegion picks another region of the same provider as ri.
func (g *gen) otherRegion(ri int) int {
	var alts []int
	for i, r := range synthRegions {
		if i != ri && r.provider == synthRegions[ri].provider {
			alts = append(alts, i)
		}
	}
	return alts[g.rng.IntN(len(alts))]
}

// database adds a Multi-AZ (two zones) or single-zone database.
func (g *gen) database(ri int, s *svcGen, zone func() int) string {
	r := synthRegions[ri]
	if g.rng.IntN(100) < 65 {
		db := s.res(ri, "db", "", r.zones[:2], attrsMultiAZ)
		g.edge(db, g.zoneGroups[ri][1], evZones)
		return db
	}
	z := zone()
	db := s.res(ri, "db", r.zones[z], g.zoneSlices[ri][z], attrsSingleAZ)
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
func (g *gen) instances(ri int, pool, db string, n int, res func(int, string, string, []string, map[string]any) string) {
	if n < 1 {
		return
	}
	r := synthRegions[ri]
	zones := len(r.zones)
	var counts [8]int
	start := g.rng.IntN(zones)
	imbalanced := n >= 4 && g.rng.IntN(8) == 0
	for i := 0; i < n; i++ {
		z := (start + i) % zones
		if imbalanced && i < n/2+1 {
			z = start
		}
		counts[z]++
	}
	need := n - slices.Max(counts[:zones])
	if imbalanced || need < 1 {
		need = max(1, (2*n+2)/3)
	}
	gid := graph.GroupID(pool, "healthy")
	g.node(graph.Node{ID: gid, Class: graph.ClassGroup, Need: need, Evidence: evMember})
	g.edge(pool, gid, evMember)
	for z, c := range counts[:zones] {
		for j := 0; j < c; j++ {
			inst := res(ri, "instance", r.zones[z], g.zoneSlices[ri][z], nil)
			g.edge(gid, inst, evMember)
			g.edge(inst, g.zoneIDs[ri][z], evZone)
			if db != "" {
				g.edge(inst, db, evUses)
			}
		}
	}
}

// callGraph makes services call each other in a layered architecture, as
// real estates are built: service s sits in layer s mod callLayers and calls
// one or two of the recent services of the layer below (layer 0 calls none).
// About one in twenty-five is called back by the first service it calls,
// which closes a cycle (service 1 always is, so every estate of two services
// or more has one). Calling only nearby layers keeps each service's
// dependency cone the same size whatever the estate's size: with calls to
// any earlier service, cycles would join most services into one cone and
// the estate would stop looking like a company's.
func (g *gen) callGraph(n int) {
	for s := 1; s < n; s++ {
		if s%callLayers == 0 {
			continue
		}
		from := g.services[s].id
		// s-1 is in the layer below; so is every callLayers-th before it.
		pick := func() int { return s - 1 - callLayers*g.rng.IntN(min(callWindow, (s-1)/callLayers+1)) }
		first := pick()
		g.edge(from, g.services[first].id, evCalls)
		if second := pick(); g.rng.IntN(2) == 0 && second != first {
			g.edge(from, g.services[second].id, evCalls)
		}
		if s == 1 || g.rng.IntN(25) == 0 {
			g.edge(g.services[first].id, from, evCalls)
		}
	}
}

// callLayers is the depth of the synthetic call graph; callWindow how many
// recent services of the layer below a service may call.
const callLayers, callWindow = 6, 20

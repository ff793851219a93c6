package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/untether-dev/untether/graph"
)

// FaultTree is an estate shaped like a classic fault tree, for the cut-set
// benchmarks: n basic events (resources, each needing its zone), grouped
// into tier-1 and tier-2 services of about 7 events each. A service needs
// one to three k-of-n pools of instances spread over its region's zones
// (most can lose one member, some two), a database that is Multi-AZ (a
// primary and a standby in two zones, 1 of 2 enough), single-zone, or the
// region's shared managed database, and, for some services, a lone gateway
// (a resource-level SPOF). Zones, regions and the managed databases are
// the shared events. Double points come from pool members failing
// together, a member with another member's zone, and the Multi-AZ pairs. The same n and seed give the same
// estate.
func FaultTree(n int, seed int64) *graph.Estate {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6661756c74)) // "fault"
	e := &graph.Estate{Nodes: make([]graph.Node, 0, n*6/5+64), Edges: make([]graph.Edge, 0, n*3), Gaps: []graph.Gap{}}
	node := func(nd graph.Node) { e.Nodes = append(e.Nodes, nd) }
	edge := func(from, to, ev string) { e.Edges = append(e.Edges, graph.Edge{From: from, To: to, Evidence: ev}) }
	const provider, regions, zonesPer = "aws", 4, 3
	node(graph.Node{ID: provider, Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: provider})
	var zones [regions][zonesPer]string
	var regionIDs, dbService [regions]string
	for r := range regions {
		reg := fmt.Sprintf("ft-%d", r+1)
		regionIDs[r] = graph.RegionID(provider, reg)
		node(graph.Node{ID: regionIDs[r], Class: graph.ClassPlacement, Level: graph.LevelRegion, Provider: provider, Region: reg})
		edge(regionIDs[r], provider, "region")
		for z := range zonesPer {
			zn := fmt.Sprintf("%s%c", reg, 'a'+z)
			zones[r][z] = graph.ZoneID(provider, reg, zn)
			node(graph.Node{ID: zones[r][z], Class: graph.ClassPlacement, Level: graph.LevelZone, Provider: provider, Region: reg, Zones: []string{zn}})
			edge(zones[r][z], regionIDs[r], "zone")
		}
		dbService[r] = graph.ManagedServiceID(provider, reg, "rds")
		node(graph.Node{ID: dbService[r], Class: graph.ClassPlacement, Level: graph.LevelService, Provider: provider, Region: reg, Service: "rds"})
		edge(dbService[r], regionIDs[r], "regional service")
	}
	events := 0
	event := func(svc string, r, z int, role string, k int) string {
		id := fmt.Sprintf("%s/%s-%d", svc, role, k)
		node(graph.Node{ID: id, Class: graph.ClassResource, Kind: "instance", Type: "AWS::EC2::Instance", Provider: provider,
			Region: fmt.Sprintf("ft-%d", r+1), Zones: []string{fmt.Sprintf("ft-%d%c", r+1, 'a'+z)}})
		edge(id, zones[r][z], "basic event: its zone")
		events++
		return id
	}
	for s := 0; events < n; s++ {
		svc := graph.ServiceID(fmt.Sprintf("ft%05d", s))
		r := rng.IntN(regions)
		node(graph.Node{ID: svc, Class: graph.ClassService, Tier: 1 + rng.IntN(2)})
		if rng.IntN(8) == 0 && events < n {
			edge(svc, event(svc, r, rng.IntN(zonesPer), "gateway", 0), "a lone gateway")
		}
		for p := 0; p < 1+rng.IntN(3) && events < n; p++ {
			size := 2 + rng.IntN(4)
			slack := 1
			if size >= 4 && rng.IntN(3) != 0 {
				slack = 2
			}
			size = min(size, n-events)
			pool := graph.GroupID(fmt.Sprintf("%s/pool-%d", svc, p))
			node(graph.Node{ID: pool, Class: graph.ClassGroup, Need: max(1, size-slack), Evidence: "k-of-n pool"})
			z0 := rng.IntN(zonesPer)
			for k := range size {
				edge(pool, event(svc, r, (z0+k)%zonesPer, fmt.Sprintf("pool%d", p), k), "member")
			}
			edge(svc, pool, "pool")
		}
		if events >= n {
			break
		}
		switch rng.IntN(8) {
		case 0, 1, 2, 3: // Multi-AZ: a primary and a standby, 1 of 2 enough
			pair := graph.GroupID(svc + "/db")
			node(graph.Node{ID: pair, Class: graph.ClassGroup, Need: 1, Evidence: "Multi-AZ: primary and standby"})
			edge(pair, event(svc, r, 0, "db", 0), "member")
			if events < n {
				edge(pair, event(svc, r, 1, "db", 1), "member")
			}
			edge(svc, pair, "database")
		case 4: // single-zone database: it and its zone are SPOFs of the service
			edge(svc, event(svc, r, rng.IntN(zonesPer), "db", 0), "database")
		default: // the region's shared managed database
			edge(svc, dbService[r], "shared managed database")
		}
	}
	return e
}

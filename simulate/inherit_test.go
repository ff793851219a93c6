package simulate

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// chainyEstate is a random estate rich in what the inherited scan handles:
// resources with one dependant in chains, loops of single dependants, chains
// hanging off loops, services in the middle of chains, and groups.
func chainyEstate(seed int64) *graph.Estate {
	r := rand.New(rand.NewSource(seed))
	b := graph.NewBuilder()
	z := []string{b.Zone("p", "r1", "a"), b.Zone("p", "r1", "b")}
	n := 8 + r.Intn(20)
	res := make([]string, n)
	for i := range res {
		res[i] = fmt.Sprintf("r%02d", i)
		b.Node(graph.Node{ID: res[i], Class: graph.ClassResource, Kind: "instance", Provider: "p"})
	}
	for i := 0; i+1 < n; i++ {
		switch r.Intn(6) {
		case 0: // a break in the chain
		case 1:
			b.Edge(res[i], res[r.Intn(n)], "any") // loops and extra dependants
		default:
			b.Edge(res[i], res[i+1], "next")
		}
	}
	if r.Intn(2) == 0 {
		b.Edge(res[n-1], res[r.Intn(n)], "loop")
	}
	for range r.Intn(3) {
		b.Edge(res[r.Intn(n)], z[r.Intn(2)], "zone")
	}
	if r.Intn(2) == 0 {
		b.Group("grp", 1, []string{res[r.Intn(n)], res[r.Intn(n)], z[0]}, "g")
		b.Edge(res[r.Intn(n)], "grp", "g")
	}
	ns := 1 + r.Intn(4)
	for i := range ns {
		id := fmt.Sprintf("svc%d", i)
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Tier: 1 + r.Intn(2)})
		b.Edge(id, res[r.Intn(n)], "entry")
		if r.Intn(3) == 0 { // a service in the middle of a chain
			b.Edge(res[r.Intn(n)], id, "calls")
		}
	}
	e, err := b.Estate()
	if err != nil {
		panic(err)
	}
	return e
}

// scanNaive is the scan as it was: one propagation and one chain search per
// candidate. The inherited scan must give the same records.
func (m *Model) scanNaive(dpCone []bool) (*scanResult, map[int32][]int32) {
	pos := m.svcPos()
	r := &scanResult{killed: make([][4]int32, len(m.services)), dpKilled: map[int32][]int32{}, cone: make([]int32, m.c.Len())}
	chains := map[int32][]int32{}
	p := newPropagator(m)
	f := newChainFinder(m)
	for _, x := range m.candidates() {
		p.fail(x)
		r.cone[x] = int32(len(p.queue))
		var svcs, crit, dps []int32
		resources := 0
		for _, i := range p.queue {
			if m.class[i] == clResource {
				resources++
			}
			if pos[i] >= 0 && i != x {
				svcs = append(svcs, i)
				if l := m.scoreLevel(x); l >= 0 {
					r.killed[pos[i]][l]++
				}
			}
		}
		slices.Sort(svcs)
		for _, s := range svcs {
			if m.IsCritical(s) {
				crit = append(crit, s)
			}
			if m.Tier(s) <= m.opt.DoublePointTier {
				dps = append(dps, s)
			}
		}
		if len(crit) > 0 {
			r.spofs = append(r.spofs, spofRec{node: x, services: crit})
			chains[x] = f.chain(p.down, crit[0], x)
		}
		if len(dps) > 0 {
			r.dpKilled[x] = dps
		}
		if m.class[x] == clPlacement {
			r.placements = append(r.placements, placementRec{node: x, services: svcs, resources: resources})
		}
		for _, g := range p.groups {
			if dpCone != nil && !p.down[g] && dpCone[g] {
				r.partial = append(r.partial, partialHit{g, x, p.hits[g]})
			}
		}
		p.reset()
	}
	return r, chains
}

func TestInheritedScanMatchesNaive(t *testing.T) {
	for seed := range int64(600) {
		var e *graph.Estate
		if seed%2 == 0 {
			e = chainyEstate(seed)
		} else {
			e = randEstate(seed)
		}
		m, _ := NewModel(e, Options{})
		cs := m.cones()
		got := m.scan(cs.dpCone, nil)
		want, chains := m.scanNaive(cs.dpCone)
		where := fmt.Sprintf("seed %d", seed)
		eq := func(t *testing.T, what, got, want string) {
			t.Helper()
			if got != want {
				t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
			}
		}
		eq(t, where+" killed", fmt.Sprint(got.killed), fmt.Sprint(want.killed))
		eq(t, where+" cone", fmt.Sprint(got.cone), fmt.Sprint(want.cone))
		eq(t, where+" placements", fmt.Sprint(got.placements), fmt.Sprint(want.placements))
		eq(t, where+" dpKilled", fmt.Sprint(got.dpKilled), fmt.Sprint(want.dpKilled))
		sortHits := func(h []partialHit) string {
			h = slices.Clone(h)
			slices.SortFunc(h, func(a, b partialHit) int { return int(a.cand-b.cand)*1000 + int(a.g-b.g) })
			return fmt.Sprint(h)
		}
		eq(t, where+" partial", sortHits(got.partial), sortHits(want.partial))
		if len(got.spofs) != len(want.spofs) {
			t.Fatalf("%s: %d SPOFs, naive %d", where, len(got.spofs), len(want.spofs))
		}
		for k, g := range got.spofs {
			w := want.spofs[k]
			eq(t, where+" spof", fmt.Sprint(g.node, g.services), fmt.Sprint(w.node, w.services))
			path, omitted := got.links.bounded(g.chain)
			if omitted != 0 || !slices.Equal(path, chains[w.node]) {
				t.Fatalf("%s: chain of %s = %v (%d omitted), naive %v", where, m.id(g.node), m.ids(path), omitted, m.ids(chains[w.node]))
			}
		}
	}
}

// linearEstate is service:s -> r00000 -> r00001 -> ... (n resources), and
// with loop the last resource needs the first again.
func linearEstate(n int, loop bool) *graph.Estate {
	e := &graph.Estate{Nodes: []graph.Node{{ID: "service:s", Class: graph.ClassService, Tier: 1}}}
	id := func(i int) string { return fmt.Sprintf("r%06d", i) }
	e.Edges = append(e.Edges, graph.Edge{From: "service:s", To: id(0)})
	for i := range n {
		e.Nodes = append(e.Nodes, graph.Node{ID: id(i), Class: graph.ClassResource, Kind: "instance", Provider: "p"})
		if i+1 < n {
			e.Edges = append(e.Edges, graph.Edge{From: id(i), To: id(i + 1)})
		} else if loop {
			e.Edges = append(e.Edges, graph.Edge{From: id(i), To: id(0)})
		}
	}
	return e
}

func TestLongChainsStayBounded(t *testing.T) {
	for _, loop := range []bool{false, true} {
		const n = 20_000
		m, err := NewModel(linearEstate(n, loop), Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := m.Audit()
		if len(a.SPOFs) != n {
			t.Fatalf("loop %v: %d SPOFs, want %d", loop, len(a.SPOFs), n)
		}
		last := a.SPOFs[n-1]
		if len(last.Chain) != chainHead+1+chainTail || last.ChainOmitted != n+1-chainHead-chainTail {
			t.Fatalf("loop %v: last chain %v with %d omitted", loop, last.Chain, last.ChainOmitted)
		}
		if last.Chain[0] != "service:s" || last.Chain[chainHead-1] != fmt.Sprintf("r%06d", chainHead-2) ||
			last.Chain[chainHead] != ChainGap(last.ChainOmitted) || last.Chain[chainHead+1] != fmt.Sprintf("r%06d", n-chainTail) ||
			last.Chain[len(last.Chain)-1] != last.Node {
			t.Fatalf("loop %v: chain %v", loop, last.Chain)
		}
		if short := a.SPOFs[3]; short.ChainOmitted != 0 || len(short.Chain) != 5 {
			t.Fatalf("loop %v: short chain %v", loop, short.Chain)
		}
	}
}

// The stress cases: a 1e5-long chain and a 1e5-node cycle.
func BenchmarkAuditChain100k(b *testing.B) { benchmarkEstate(b, linearEstate(100_000, false)) }
func BenchmarkAuditCycle100k(b *testing.B) { benchmarkEstate(b, linearEstate(100_000, true)) }

func benchmarkEstate(b *testing.B, e *graph.Estate) {
	b.ReportMetric(float64(len(e.Nodes)), "nodes")
	for b.Loop() {
		m, err := NewModel(e, Options{})
		if err != nil {
			b.Fatal(err)
		}
		m.Audit()
	}
}

func TestMaxDoublePointsListsAndCountsAll(t *testing.T) {
	e := demo.FaultTree(2000, 1)
	for _, tc := range []struct{ max, want int }{{0, DefaultMaxDoublePoints}, {3, 3}, {AllDoublePoints, -1}} {
		m, err := NewModel(e, Options{MaxDoublePoints: tc.max})
		if err != nil {
			t.Fatal(err)
		}
		a := m.Audit()
		want := tc.want
		if want < 0 {
			want = a.DoublePointsTotal
		}
		findings := 0
		for _, f := range a.Findings {
			if f.Rule == RuleDoublePoint {
				findings++
			}
		}
		if a.DoublePointsTotal <= DefaultMaxDoublePoints || len(a.DoublePoints) != want || findings != want {
			t.Fatalf("max %d: total %d, listed %d, findings %d; want %d listed", tc.max, a.DoublePointsTotal, len(a.DoublePoints), findings, want)
		}
	}
}

// The reference check for order-2 cut sets on random small fault trees:
// every pair of candidates failed together by brute force.
func TestFaultTreeDoublePointsMatchBruteForce(t *testing.T) {
	total := 0
	for seed := range int64(40) {
		m, _ := NewModel(demo.FaultTree(20+int(seed)*2, seed), Options{MaxDoublePoints: AllDoublePoints})
		a := m.Audit()
		cands := m.candidates()
		single := map[int32][]bool{}
		for _, x := range cands {
			single[x] = naiveDown(m, []int32{x})
		}
		same := m.sameFailure() // one failure under two ids is one double point
		var want []string
		for i, x := range cands {
			for _, y := range cands[i+1:] {
				down := naiveDown(m, []int32{x, y})
				var svcs []string
				for _, s := range m.dpServices {
					if down[s] && !single[x][s] && !single[y][s] {
						svcs = append(svcs, m.id(s))
					}
				}
				if a, b := same(x), same(y); len(svcs) > 0 && a != b {
					dp := fmt.Sprint(m.id(min(a, b)), "+", m.id(max(a, b)), svcs)
					if !slices.Contains(want, dp) {
						want = append(want, dp)
					}
				}
			}
		}
		var got []string
		for _, dp := range a.DoublePoints {
			got = append(got, fmt.Sprint(dp.Nodes[0], "+", dp.Nodes[1], dp.Services))
		}
		slices.Sort(got)
		slices.Sort(want)
		if a.DoublePointsTotal != len(want) || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("seed %d: %d double points, brute force %d:\n got %v\nwant %v", seed, a.DoublePointsTotal, len(want), got, want)
		}
		total += len(want)
	}
	if total < 200 {
		t.Fatalf("only %d double points over all seeds", total)
	}
}

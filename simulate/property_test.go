package simulate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// randEstate is a small random estate with every feature the rules have:
// placements, k-of-n and nested groups, services calling services (cycles
// included) and resources needing resources in both directions.
func randEstate(seed int64) *graph.Estate {
	r := rand.New(rand.NewSource(seed))
	b := graph.NewBuilder()
	var zones []string
	for _, reg := range []string{"r1", "r2"} {
		for _, z := range []string{"a", "b", "c"} {
			zones = append(zones, b.Zone("p", reg, z))
		}
	}
	b.ManagedService("p", "r1", "db")
	nr, ng, ns := 6+r.Intn(10), 1+r.Intn(4), 1+r.Intn(4)
	res := make([]string, nr)
	for i := range res {
		res[i] = fmt.Sprintf("res%02d", i)
		b.Node(graph.Node{ID: res[i], Class: graph.ClassResource, Kind: []string{"instance", "database", "nosql"}[r.Intn(3)], Provider: "p", Region: "r1", Zones: []string{"a"}})
	}
	var grps []string
	for i := range ng {
		id := fmt.Sprintf("grp%d", i)
		pool := append(append([]string{}, res...), zones...)
		pool = append(pool, grps...) // nested groups
		r.Shuffle(len(pool), func(a, c int) { pool[a], pool[c] = pool[c], pool[a] })
		k := 2 + r.Intn(3)
		b.Group(id, 1+r.Intn(k), pool[:k], "g")
		grps = append(grps, id)
	}
	for i, id := range res {
		switch r.Intn(3) {
		case 0:
			b.Edge(id, zones[r.Intn(len(zones))], "z")
		case 1:
			b.Edge(id, grps[r.Intn(len(grps))], "g")
		}
		if r.Intn(3) == 0 {
			b.Edge(id, res[r.Intn(nr)], "r") // either direction: cycles too
		}
		if r.Intn(5) == 0 {
			b.Edge(id, "p/r1/service/db", "s")
		}
		_ = i
	}
	for i := range ns {
		id := fmt.Sprintf("svc%d", i)
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Tier: 1 + r.Intn(4), DowntimeCostPerHour: float64(r.Intn(5) * 100)})
		for range 1 + r.Intn(2) {
			b.Edge(id, res[r.Intn(nr)], "e")
		}
		if r.Intn(2) == 0 {
			b.Edge(id, grps[r.Intn(len(grps))], "e")
		}
		if i > 0 && r.Intn(2) == 0 {
			b.Edge(id, fmt.Sprintf("svc%d", r.Intn(i)), "calls")
			if r.Intn(2) == 0 {
				b.Edge(fmt.Sprintf("svc%d", r.Intn(i)), id, "calls back") // a cycle
			}
		}
	}
	e, err := b.Estate()
	if err != nil {
		panic(err)
	}
	return e
}

// naiveDown applies the three rules to a fixpoint by brute force, starting
// from everything UP: the reference the fast propagator must match.
func naiveDown(m *Model, injected []int32) []bool {
	down := make([]bool, m.c.Len())
	for _, i := range injected {
		down[i] = true
	}
	for changed := true; changed; {
		changed = false
		for i := range down {
			if down[i] {
				continue
			}
			needs := m.c.Needs(int32(i))
			k := 0
			for _, j := range needs {
				if down[j] {
					k++
				}
			}
			fall := k > 0
			if m.class[i] == clGroup {
				fall = len(needs)-k < m.c.Nodes[i].Need
			}
			if fall {
				down[i], changed = true, true
			}
		}
	}
	return down
}

func TestPropagateMatchesNaive(t *testing.T) {
	for seed := range int64(300) {
		m, _ := NewModel(randEstate(seed), Options{})
		r := rand.New(rand.NewSource(seed))
		for range 5 {
			var inj []int32
			for range 1 + r.Intn(3) {
				inj = append(inj, int32(r.Intn(m.c.Len())))
			}
			want := naiveDown(m, inj)
			st := m.Propagate(inj)
			for i := range want {
				if want[i] != st.Down(int32(i)) {
					t.Fatalf("seed %d inject %v: node %s down=%v, naive %v", seed, m.ids(inj), m.id(int32(i)), st.Down(int32(i)), want[i])
				}
			}
		}
	}
}

func TestFailingMoreNeverRevives(t *testing.T) {
	for seed := range int64(200) {
		m, _ := NewModel(randEstate(seed), Options{})
		r := rand.New(rand.NewSource(seed))
		a := []int32{int32(r.Intn(m.c.Len()))}
		sup := append(slices.Clone(a), int32(r.Intn(m.c.Len())), int32(r.Intn(m.c.Len())))
		small, big := m.Propagate(a), m.Propagate(sup)
		for _, i := range small.DownNodes() {
			if !big.Down(i) {
				t.Fatalf("seed %d: %s DOWN under %v but UP under superset %v", seed, m.id(i), m.ids(a), m.ids(sup))
			}
		}
	}
}

func TestSPOFsMatchBruteForce(t *testing.T) {
	for seed := range int64(200) {
		m, _ := NewModel(randEstate(seed), Options{})
		a := m.Audit()
		var want []string
		for _, x := range m.candidates() {
			down := naiveDown(m, []int32{x})
			for _, s := range m.critical {
				if down[s] && s != x {
					want = append(want, m.id(x))
					break
				}
			}
		}
		var got []string
		for _, sp := range a.SPOFs {
			got = append(got, sp.Node)
			if len(sp.Chain) < 2 || sp.Chain[0] != sp.Services[0] || sp.Chain[len(sp.Chain)-1] != sp.Node {
				t.Fatalf("seed %d: bad chain %v for %s", seed, sp.Chain, sp.Node)
			}
		}
		eq(t, fmt.Sprintf("seed %d SPOFs", seed), got, want)
	}
}

func TestDoublePointsMatchBruteForce(t *testing.T) {
	total := 0
	for seed := range int64(300) {
		m, _ := NewModel(randEstate(seed), Options{})
		a := m.Audit()
		cands := m.candidates()
		single := map[int32][]bool{}
		for _, x := range cands {
			single[x] = naiveDown(m, []int32{x})
		}
		// One failure under two ids (TestSameFailureIsOneFailure) is one
		// double point, named as the audit names it.
		same := m.sameFailure()
		var want []string
		for i, x := range cands {
			for _, y := range cands[i+1:] {
				down := naiveDown(m, []int32{x, y})
				var svcs []string
				for _, s := range m.dpServices {
					if down[s] && !single[x][s] && !single[y][s] && s != x && s != y {
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
		slices.Sort(got) // the audit lists them most harmful first
		slices.Sort(want)
		eq(t, fmt.Sprintf("seed %d double points", seed), got, want)
		total += len(want)
	}
	if total < 50 {
		t.Fatalf("only %d double points over all seeds: the generator does not exercise the theorem", total)
	}
}

// TestSameFailureIsOneFailure: a node is listed under another's id only
// when failing either is the same failure: the DOWN sets differ by nothing
// but placements of that same class (a SaaS provider and its one API).
func TestSameFailureIsOneFailure(t *testing.T) {
	merged := 0
	for seed := range int64(300) {
		m, _ := NewModel(randEstate(seed), Options{})
		same := m.sameFailure()
		for _, x := range m.candidates() {
			r := same(x)
			if r == x {
				continue
			}
			merged++
			if m.class[r] != clPlacement {
				t.Fatalf("seed %d: %s listed as %s, not a placement", seed, m.id(x), m.id(r))
			}
			dx, dr := naiveDown(m, []int32{x}), naiveDown(m, []int32{r})
			for z := range dx {
				if dx[z] != dr[z] && (m.class[z] != clPlacement || same(int32(z)) != r) {
					t.Fatalf("seed %d: %s and %s are not one failure: %s differs", seed, m.id(x), m.id(r), m.id(int32(z)))
				}
			}
		}
	}
	if merged == 0 {
		t.Fatal("no node was merged: the generator does not exercise the rule")
	}
}

func auditJSON(t testing.TB, e *graph.Estate) []byte {
	t.Helper()
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(m.Audit()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAuditIndependentOfOrder(t *testing.T) {
	for seed := range int64(60) {
		e := randEstate(seed)
		e.Gaps = []graph.Gap{{Provider: "p", Region: "r2", Service: "db", Status: graph.GapDenied}, {Provider: "p", Region: "r1", Service: "x", Status: graph.GapFailed}}
		want := auditJSON(t, e)
		r := rand.New(rand.NewSource(seed))
		r.Shuffle(len(e.Nodes), func(i, j int) { e.Nodes[i], e.Nodes[j] = e.Nodes[j], e.Nodes[i] })
		r.Shuffle(len(e.Edges), func(i, j int) { e.Edges[i], e.Edges[j] = e.Edges[j], e.Edges[i] })
		r.Shuffle(len(e.Gaps), func(i, j int) { e.Gaps[i], e.Gaps[j] = e.Gaps[j], e.Gaps[i] })
		if got := auditJSON(t, e); !bytes.Equal(got, want) {
			t.Fatalf("seed %d: audit changed after shuffling node and edge order", seed)
		}
	}
}

func TestRedundantMemberNeverLowersScore(t *testing.T) {
	for seed := range int64(200) {
		e := randEstate(seed)
		m, _ := NewModel(e, Options{})
		before := m.Audit()
		var groups []string
		for _, n := range e.Nodes {
			if n.Class == graph.ClassGroup {
				groups = append(groups, n.ID)
			}
		}
		r := rand.New(rand.NewSource(seed))
		g := groups[r.Intn(len(groups))]
		e.Nodes = append(e.Nodes, graph.Node{ID: "spare", Class: graph.ClassResource, Kind: "instance", Provider: "p"})
		e.Edges = append(e.Edges, graph.Edge{From: g, To: "spare"})
		if r.Intn(2) == 0 {
			e.Edges = append(e.Edges, graph.Edge{From: "spare", To: "p/r1/a"})
		}
		m2, err := NewModel(e, Options{})
		if err != nil {
			t.Fatal(err)
		}
		after := m2.Audit()
		if after.Score.Resilience < before.Score.Resilience {
			t.Fatalf("seed %d: adding a member to %s lowered the estate score %v -> %v", seed, g, before.Score.Resilience, after.Score.Resilience)
		}
		for k := range before.Services {
			if after.Services[k].Score < before.Services[k].Score {
				t.Fatalf("seed %d: adding a member to %s lowered %s %v -> %v", seed, g, before.Services[k].Service, before.Services[k].Score, after.Services[k].Score)
			}
		}
	}
}

package planner

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// choice is one action the planner picked for one node in a wave.
type choice struct {
	action   *Action
	target   string
	because  map[string]bool // "zone aws/us-east-1/use1-az1", "lockin<=0.3"
	services map[string]bool
	risk     float64 // weighted services it protects, or the score it moves
}

func (c *choice) key() string { return c.target + "|" + c.action.ID }

// cone is every node reachable from s over needs edges.
func cone(m *simulate.Model, s int32) []bool {
	in := make([]bool, m.Compiled().Len())
	in[s] = true
	queue := []int32{s}
	for h := 0; h < len(queue); h++ {
		for _, y := range m.Compiled().Needs(queue[h]) {
			if !in[y] {
				in[y] = true
				queue = append(queue, y)
			}
		}
	}
	return in
}

// walk is a reusable set of nodes: in[i] marks the nodes of list, so a
// cone is examined in time proportional to its size, never the estate's.
type walk struct {
	in   []bool
	list []int32 // in index order once a walk is done
}

func newWalk(n int) *walk { return &walk{in: make([]bool, n)} }

func (k *walk) add(i int32) {
	if !k.in[i] {
		k.in[i] = true
		k.list = append(k.list, i)
	}
}

func (k *walk) clear() {
	for _, i := range k.list {
		k.in[i] = false
	}
	k.list = k.list[:0]
}

// downCone fills k with what s reaches through DOWN nodes only: the nodes
// that actually carry the failure to s (a group that holds stops it).
func downCone(m *simulate.Model, s int32, p *simulate.Propagator, k *walk) {
	k.clear()
	k.add(s)
	for h := 0; h < len(k.list); h++ {
		for _, y := range m.Compiled().Needs(k.list[h]) {
			if p.Down(y) {
				k.add(y)
			}
		}
	}
	slices.Sort(k.list)
}

// placementGroup reports whether group g gathers placements only (a zone
// or region group): a node needing it is placed, not composed.
func placementGroup(m *simulate.Model, g int32) bool {
	for _, y := range m.Compiled().Needs(g) {
		if class(m, y) != graph.ClassPlacement {
			return false
		}
	}
	return true
}

// roots are the DOWN resources in the cone that fall because of the
// failed domain itself, not because another resource fell: the nodes to
// make resilient first. A root under a member of a fallen pool (a group of
// resources that a resource needs) is lifted to the pool: a pool is fixed
// by spreading or copying it, not its members' disks.
func roots(m *simulate.Model, p *simulate.Propagator, k *walk, level string) []int32 {
	in := k.in
	lift := map[int32][]int32{}
	if level != "resource" {
		for _, g := range k.list {
			if !p.Down(g) || class(m, g) != graph.ClassGroup || placementGroup(m, g) || strings.HasPrefix(nodeID(m, g), graph.GroupID("plan", "")) {
				continue
			}
			var pools []int32
			for _, q := range m.Compiled().NeededBy(g) {
				if class(m, q) == graph.ClassResource && p.Down(q) && in[q] {
					pools = append(pools, q)
				}
			}
			if len(pools) == 0 {
				continue
			}
			queue := slices.Clone(m.Compiled().Needs(g))
			seen := map[int32]bool{}
			for h := 0; h < len(queue); h++ {
				x := queue[h]
				if seen[x] || !p.Down(x) || class(m, x) != graph.ClassResource {
					continue
				}
				seen[x] = true
				lift[x] = append(lift[x], pools...)
				queue = append(queue, m.Compiled().Needs(x)...)
			}
		}
	}
	var out []int32
	for _, i := range k.list {
		if !p.Down(i) || class(m, i) != graph.ClassResource {
			continue
		}
		inner := false
		for _, y := range m.Compiled().Needs(i) {
			if p.Down(y) && (class(m, y) == graph.ClassResource || class(m, y) == graph.ClassService || class(m, y) == graph.ClassGroup && !placementGroup(m, y)) {
				inner = true
				break
			}
		}
		if inner {
			continue
		}
		if ps, ok := lift[i]; ok {
			out = append(out, ps...)
		} else {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// entries are the topmost DOWN resources of the failed domain in the cone:
// what the service enters the domain through.
func entries(m *simulate.Model, p *simulate.Propagator, k *walk, s int32, inDomain func(*graph.Node) bool) []int32 {
	in := k.in
	outside := func(u int32) bool {
		switch class(m, u) {
		case graph.ClassService:
			return true
		case graph.ClassResource:
			return !inDomain(m.Compiled().Nodes[u])
		case graph.ClassGroup:
			for _, q := range m.Compiled().NeededBy(u) {
				if class(m, q) == graph.ClassResource && inDomain(m.Compiled().Nodes[q]) {
					return false
				}
			}
			return true
		}
		return false
	}
	var out []int32
	for _, i := range k.list {
		if !p.Down(i) || class(m, i) != graph.ClassResource || !inDomain(m.Compiled().Nodes[i]) {
			continue
		}
		for _, u := range m.Compiled().NeededBy(i) {
			if (in[u] || u == s) && outside(u) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// domainTest says which resources live inside a failed placement.
func domainTest(d *graph.Node) func(*graph.Node) bool {
	switch d.Level {
	case graph.LevelProvider:
		return func(n *graph.Node) bool { return n.Provider == d.Provider }
	case graph.LevelRegion, graph.LevelService:
		return func(n *graph.Node) bool { return n.Provider == d.Provider && n.Region == d.Region }
	}
	return nil
}

// cheapest finds the least-effort action of the catalog that applies to
// target for a failure level (or goal), at the root or at an entry. It
// returns the reasons the matching actions gave for not applying.
func (pl *planner) cheapest(target, level string, entry bool) (*Action, []string) {
	var best *Action
	var why []string
	n := pl.w.nodes[target]
	for i := range pl.cat.Actions {
		a := &pl.cat.Actions[i]
		if !a.fixes(level) || (a.Transform.At == "entry") != entry || pl.tried[target+"|"+a.ID] || !a.matches(n) {
			continue
		}
		if best != nil && best.PersonDays <= a.PersonDays {
			continue
		}
		if _, err := pl.w.apply(a, target, pl.pins, true); err != nil {
			why = append(why, a.ID+": "+err.Error())
			continue
		}
		best = a
	}
	return best, why
}

// chooseResilience picks, for every problem and service it hurts, the
// cheaper of fixing the roots or duplicating the entries, and adds the
// picks to the wave.
func (pl *planner) chooseResilience(m *simulate.Model, goal string, probs []problem, wave map[string]*choice) {
	p := m.NewPropagator()
	in := newWalk(m.Compiled().Len())
	for _, pr := range probs {
		p.Fail(pr.node)
		key := goal + "|" + pr.id
		for _, s := range pr.services {
			downCone(m, s, p, in)
			var rootT, entryT []int32
			if pr.level == "resource" {
				rootT = []int32{pr.node}
			} else {
				rootT = roots(m, p, in, pr.level)
			}
			if test := domainTest(m.Compiled().Nodes[pr.node]); test != nil {
				entryT = entries(m, p, in, s, test)
			}
			best, bestCost, bestMissing, allWhy := []*choice(nil), 0.0, -1, []string(nil)
			for _, opt := range []struct {
				targets []int32
				entry   bool
			}{{rootT, false}, {entryT, true}} {
				if len(opt.targets) == 0 {
					continue
				}
				var picks []*choice
				var why []string
				cost, missing := 0.0, 0
				for _, t := range opt.targets {
					a, w := pl.cheapest(nodeID(m, t), pr.level, opt.entry)
					if a == nil {
						missing++
						why = append(why, fmt.Sprintf("%s: %s", m.Compiled().Nodes[t].Label(), whyText(w, pr.level, m.Compiled().Nodes[t])))
						continue
					}
					c := &choice{action: a, target: nodeID(m, t)}
					if _, ok := wave[c.key()]; !ok {
						cost += a.PersonDays
					}
					picks = append(picks, c)
				}
				allWhy = append(allWhy, why...)
				if bestMissing < 0 || missing < bestMissing || missing == bestMissing && cost < bestCost {
					best, bestCost, bestMissing = picks, cost, missing
				}
			}
			if bestMissing != 0 {
				// A partial fix leaves the service down in this failure
				// anyway: spend nothing on it, say why.
				pl.addReasons(key, allWhy)
				best = nil
			}
			for _, c := range best {
				if old, ok := wave[c.key()]; ok {
					c = old
				} else {
					c.because, c.services = map[string]bool{}, map[string]bool{}
					wave[c.key()] = c
				}
				c.because[pr.level+" "+pr.id] = true
				if !c.services[nodeID(m, s)] {
					c.services[nodeID(m, s)] = true
					c.risk += float64(simulate.TierWeight(m.Tier(s)))
				}
			}
		}
		p.Reset()
	}
}

func whyText(why []string, level string, n *graph.Node) string {
	if len(why) == 0 {
		return fmt.Sprintf("no catalog action fixes a %s failure for a %s %s resource", level, cmpOr(n.Provider, "?"), cmpOr(n.Kind, "?"))
	}
	return strings.Join(why, "; ")
}

func (pl *planner) addReasons(key string, why []string) {
	for _, w := range why {
		if !slices.Contains(pl.reasons[key], w) {
			pl.reasons[key] = append(pl.reasons[key], w)
		}
	}
}

// ordered sorts a wave's choices by risk reduction per effort (the wave is
// applied and verified as a whole, so this is the order to fund them in).
func ordered(wave map[string]*choice) []*choice {
	out := make([]*choice, 0, len(wave))
	for _, k := range sortedKeys(wave) {
		out = append(out, wave[k])
	}
	slices.SortStableFunc(out, func(a, b *choice) int {
		return cmp.Or(cmp.Compare(b.risk/b.action.PersonDays, a.risk/a.action.PersonDays),
			cmp.Compare(a.action.PersonDays, b.action.PersonDays), cmp.Compare(a.target, b.target), cmp.Compare(a.action.ID, b.action.ID))
	})
	return out
}

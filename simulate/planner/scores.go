package planner

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Choices toward lockin<=X and hhi<=Y: greedy by the score each action is
// predicted to move per person-day, until the prediction meets the bound.
// The prediction only orders the work; the wave is verified by
// re-simulation like every other.

// chooseLockin replaces the heaviest non-portable products first.
func (pl *planner) chooseLockin(m *simulate.Model, g Goal, wave map[string]*choice) {
	cs := m.Cones()
	type item struct {
		id     string
		wv     float64
		action *Action
	}
	var items []item
	var sumW, sumWV float64
	for i, nd := range m.Compiled().Nodes {
		if class(m, i) != graph.ClassResource {
			continue
		}
		p, ok := m.Options().Lockin.Lookup(nd.Type, nd.Provider, nd.Kind)
		v, _ := simulate.ClassValue(p.Class)
		if !ok {
			v, _ = simulate.ClassValue(simulate.ClassModerate)
		}
		w := simulate.Gravity(nd.Attrs) * float64(max(1, cs.Weight(int32(i))))
		sumW += w
		sumWV += w * v
		if v == 0 {
			continue
		}
		a, why := pl.cheapest(nd.ID, GoalLockin, false)
		if a == nil {
			pl.addReasons(g.String()+"|"+nd.ID, []string{fmt.Sprintf("%s: %s", nd.Label(), whyText(why, "lock-in", nd))})
			continue
		}
		items = append(items, item{nd.ID, w * v, a})
	}
	if sumW == 0 || sumWV/sumW <= g.Limit {
		return
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(b.wv/b.action.PersonDays, a.wv/a.action.PersonDays), cmp.Compare(a.id, b.id))
	})
	for _, it := range items {
		if sumWV/sumW <= g.Limit {
			break
		}
		c := &choice{action: it.action, target: it.id, because: map[string]bool{g.String(): true}, services: map[string]bool{}, risk: it.wv}
		if _, ok := wave[c.key()]; !ok {
			wave[c.key()] = c
		}
		sumWV -= it.wv
	}
}

// chooseHHI moves critical weight off the most concentrated provider onto
// the least, while the predicted index falls.
func (pl *planner) chooseHHI(m *simulate.Model, g Goal, wave map[string]*choice) {
	cs := m.Cones()
	weights := map[string]float64{}
	for i, nd := range m.Compiled().Nodes {
		if class(m, i) == graph.ClassResource && cs.CriticalWeight(int32(i)) > 0 {
			weights[cmpOr(nd.Provider, "unknown")] += float64(cs.CriticalWeight(int32(i)))
		}
	}
	taken := map[string]bool{}
	for range 200 {
		index := simulate.HHIIndex(weights)
		if index <= g.Limit || len(weights) == 0 {
			return
		}
		top := ""
		for _, p := range sortedKeys(weights) {
			if top == "" || weights[p] > weights[top] {
				top = p
			}
		}
		type cand struct {
			id     string
			w      float64
			action *Action
			to     string
		}
		var best *cand
		for i, nd := range m.Compiled().Nodes {
			if class(m, i) != graph.ClassResource || nd.Provider != top || cs.CriticalWeight(int32(i)) == 0 || taken[nd.ID] {
				continue
			}
			a, why := pl.cheapest(nd.ID, GoalHHI, false)
			if a == nil {
				pl.addReasons(g.String()+"|"+top, []string{fmt.Sprintf("%s: %s", nd.Label(), whyText(why, "concentration", nd))})
				continue
			}
			a = pl.towardLeast(a, weights)
			ch, err := pl.w.apply(a, nd.ID, pl.pins, true)
			if err != nil {
				continue
			}
			to, _, _ := strings.Cut(ch.to, "/")
			c := cand{nd.ID, 0, a, to}
			for _, id := range pl.w.owned(pl.w.nodes[nd.ID]) {
				if j, ok := m.Compiled().Index(id); ok && class(m, j) == graph.ClassResource {
					c.w += float64(cs.CriticalWeight(j))
				}
			}
			if best == nil || c.w/c.action.PersonDays > best.w/best.action.PersonDays {
				best = &c
			}
		}
		if best == nil {
			return
		}
		for _, id := range pl.w.owned(pl.w.nodes[best.id]) {
			taken[id] = true
		}
		next := make(map[string]float64, len(weights)+1)
		for k, v := range weights {
			next[k] = v
		}
		next[top] -= best.w
		next[best.to] += best.w
		if simulate.HHIIndex(next) >= index {
			continue
		}
		weights = next
		c := &choice{action: best.action, target: best.id, because: map[string]bool{g.String(): true}, services: map[string]bool{}, risk: best.w}
		wave[c.key()] = c
	}
}

// towardLeast returns a copy of a move action whose providers are tried
// from the least concentrated up.
func (pl *planner) towardLeast(a *Action, weights map[string]float64) *Action {
	c := *a
	c.Transform.Providers = slices.Clone(a.Transform.Providers)
	slices.SortStableFunc(c.Transform.Providers, func(x, y string) int { return cmp.Compare(weights[x], weights[y]) })
	return &c
}

package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/simulate"
)

const planMethod = "Goals are checked by re-simulation: for survive-zone, survive-region and survive-provider every zone, region or provider of the estate fails alone; for no-spof every resource and placement (resource, zone, region, managed service, provider) fails alone; a goal holds when no such failure takes down a service of tier 1 to the plan's tier. lockin<=X and hhi<=Y compare the audit's estate lock-in and provider HHI. Each wave picks, for every failure that still hurts, the cheaper of making its root nodes resilient or duplicating the service's entry footprint, choosing catalog actions by person-days and ranking them by tier-weighted services protected per person-day; the wave is applied to a copy of the estate and re-simulated, and the result of that re-simulation (never the prediction) is what the plan reports. A goal is claimed only if the final re-simulation and an independent audit of the transformed estate both confirm it. Residency pins bind the node that declares them and every resource of a pinned service's dependency cone that lives inside the pinned area; no copy, peer or move of such a node goes to a region outside them (a peer at a SaaS or global provider has no region to check, so a pinned node gets none)."

// finish fills the plan's comparison, goal results and unreachable list.
func (pl *planner) finish(plan *Plan, m0, m1 *simulate.Model, first, last []goalStatus) {
	a0, a1 := m0.Audit(), m1.Audit()
	tier := pl.req.Tier
	for k, g := range pl.req.Goals {
		met := last[k].met && auditAgrees(a1, g, tier)
		plan.Goals = append(plan.Goals, GoalResult{Goal: g.String(), MetBefore: first[k].met, Met: met,
			Before: goalText(g, first[k]), After: goalText(g, last[k])})
		if !met {
			plan.Unreachable = append(plan.Unreachable, pl.unreachable(m1, g, last[k])...)
		}
	}
	plan.Reached = true
	for _, g := range plan.Goals {
		plan.Reached = plan.Reached && g.Met
	}
	plan.Scores = scoreChanges(a0, a1)
	plan.Services = pl.serviceChanges(m0, m1, a0, a1)
	kinds := pl.goalKinds()
	plan.GoalOutageCostPerHour = Change{worstOutage(a0, kinds...), worstOutage(a1, kinds...)}
	plan.DowntimeCostAvoidedPerHour = simulate.Round1(max(0, plan.GoalOutageCostPerHour.Before-plan.GoalOutageCostPerHour.After))
	plan.Effort = effort(plan.Waves)
	plan.Headline = headline(plan)
	plan.Method = planMethod
}

// auditAgrees checks a met resilience goal against the audit's own sweeps
// and SPOF list, so a goal is never claimed on one computation alone.
func auditAgrees(a *simulate.Audit, g Goal, tier int) bool {
	protected := map[string]bool{}
	for _, s := range a.Services {
		if s.Tier <= tier {
			protected[s.Service] = true
		}
	}
	hurts := func(svcs []string) bool {
		return slices.ContainsFunc(svcs, func(s string) bool { return protected[s] })
	}
	switch g.Kind {
	case GoalLockin:
		return a.Lockin.Estate <= g.Limit
	case GoalHHI:
		return a.Concentration.Providers.Index <= g.Limit
	case GoalNoSPOF:
		for _, s := range a.SPOFs {
			if hurts(s.Services) {
				return false
			}
		}
		return true
	}
	kind := strings.TrimPrefix(g.Kind, "survive-")
	for _, sc := range a.Scenarios {
		if sc.Kind == kind && hurts(sc.ServicesDown) {
			return false
		}
	}
	return true
}

func goalText(g Goal, st goalStatus) string {
	switch g.Kind {
	case GoalLockin:
		return fmt.Sprintf("lock-in %.4g", st.value)
	case GoalHHI:
		return fmt.Sprintf("provider HHI %.1f", st.value)
	}
	if len(st.problems) == 0 {
		return "no single failure takes a protected service down"
	}
	byLevel := map[string]int{}
	for _, p := range st.problems {
		byLevel[p.level]++
	}
	var parts []string
	for _, l := range []string{"resource", "zone", "region", "service", "provider"} {
		if n := byLevel[l]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, l)))
		}
	}
	verb := " take"
	if len(st.problems) == 1 {
		verb = " takes"
	}
	return strings.Join(parts, ", ") + verb + " protected services down alone"
}

func plural(n int, level string) string {
	word := map[string]string{"resource": "resource", "zone": "zone", "region": "region", "service": "managed service", "provider": "provider"}[level]
	if n == 1 {
		return word
	}
	return word + "s"
}

// unreachable explains every failure that still hurts after the plan.
func (pl *planner) unreachable(m *simulate.Model, g Goal, st goalStatus) []Unreachable {
	if g.Kind == GoalLockin || g.Kind == GoalHHI {
		u := Unreachable{Goal: g.String(), Reason: fmt.Sprintf("%s after the plan; no further catalog action applies", goalText(g, st))}
		var why []string
		for _, k := range sortedKeys(pl.reasons) {
			if strings.HasPrefix(k, g.String()+"|") {
				why = append(why, pl.reasons[k]...)
			}
		}
		if len(why) > 0 {
			u.Reason += ": " + strings.Join(firstN(why, 5), "; ")
		}
		return []Unreachable{u}
	}
	var out []Unreachable
	for _, p := range st.problems {
		u := Unreachable{Goal: g.String(), Node: p.id, Level: p.level, Services: nodeIDs(m, p.services)}
		if why := pl.reasons[g.String()+"|"+p.id]; len(why) > 0 {
			u.Reason = strings.Join(firstN(specific(why), 5), "; ")
		} else {
			u.Reason = fmt.Sprintf("still a single point of failure after %d wave(s); the actions tried did not remove it", pl.req.MaxWaves)
		}
		out = append(out, u)
	}
	return out
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return append(slices.Clone(s[:n]), fmt.Sprintf("and %d more", len(s)-n))
	}
	return s
}

func headline(p *Plan) string {
	days := p.Effort.PersonDays
	var met, open []string
	for _, g := range p.Goals {
		if g.Met {
			met = append(met, g.Goal)
		} else {
			open = append(open, g.Goal)
		}
	}
	s := fmt.Sprintf("%s in %s, about %s person-days", count(p.Effort.Actions, "action"), count(len(p.Waves), "wave"), trimFloat(days))
	if p.Effort.Actions == 0 {
		s = "No action"
	}
	if len(met) > 0 {
		s += "; verified: " + strings.Join(met, ", ")
	}
	if len(open) > 0 {
		s += "; not reachable: " + strings.Join(open, ", ") + " (see unreachable)"
	}
	return s + "."
}

func trimFloat(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }

func effort(waves []Wave) PlanEffort {
	e := PlanEffort{BySize: []SizeCount{}, ByCost: []CostCount{}}
	size, cost := map[string]int{}, map[string]int{}
	for _, w := range waves {
		for _, a := range w.Actions {
			e.Actions++
			e.PersonDays += a.Days
			size[a.Effort]++
			cost[a.Cost]++
		}
	}
	for _, s := range validEfforts {
		if size[s] > 0 {
			e.BySize = append(e.BySize, SizeCount{s, size[s]})
		}
	}
	for _, c := range validCosts {
		if cost[c] > 0 {
			e.ByCost = append(e.ByCost, CostCount{c, cost[c]})
		}
	}
	e.PersonDays = simulate.Round1(e.PersonDays)
	return e
}

// specific puts the reasons that name a concrete obstacle (residency, no
// region, no zone) before the ones that only say no action matched.
func specific(why []string) []string {
	var first, rest []string
	for _, w := range why {
		if strings.Contains(w, "no catalog action") {
			rest = append(rest, w)
		} else {
			first = append(first, w)
		}
	}
	return append(first, rest...)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// PlanRequest says what a plan aims for.
type PlanRequest struct {
	Goals []Goal
	// Tier: resilience goals protect services of tier 1 to Tier (default 2).
	Tier int
	// Catalog is the action catalog; nil means DefaultActionCatalog().
	Catalog *ActionCatalog
	// MaxWaves bounds the search (default 8).
	MaxWaves int
}

// Defaults of PlanRequest.
const (
	DefaultPlanTier     = 2
	DefaultPlanMaxWaves = 8
)

// planner is the state of one plan search.
type planner struct {
	opt     simulate.Options
	req     PlanRequest
	cat     *ActionCatalog
	w       *work
	pins    pinsFunc
	tried   map[string]bool     // target|action already applied
	reasons map[string][]string // goal|node -> why a fix did not apply
}

// BuildPlan plans actions from the catalog toward the goals: wave after
// wave it picks actions greedily by risk reduction per person-day, applies
// them to a copy of the estate and re-simulates; it stops when every goal
// is verified met, or when nothing more applies. It returns the plan and
// the transformed estate. The input estate is never changed.
func BuildPlan(e *graph.Estate, opt simulate.Options, req PlanRequest) (*Plan, *graph.Estate, error) {
	if len(req.Goals) == 0 {
		return nil, nil, &GoalError{"", "no goal given; " + goalHelp}
	}
	if req.Tier <= 0 {
		req.Tier = DefaultPlanTier
	}
	if req.MaxWaves <= 0 {
		req.MaxWaves = DefaultPlanMaxWaves
	}
	if req.Catalog == nil {
		req.Catalog = DefaultActionCatalog()
	}
	if opt.Lockin == nil {
		opt.Lockin = simulate.DefaultLockinCatalog()
	}
	if len(req.Catalog.Lockin) > 0 {
		opt.Lockin = opt.Lockin.Merge(&simulate.LockinCatalog{Version: 1, Products: req.Catalog.Lockin})
	}
	m0, err := simulate.NewModel(e, opt)
	if err != nil {
		return nil, nil, err
	}
	pl := &planner{opt: opt, req: req, cat: req.Catalog, w: newWork(e), tried: map[string]bool{}, reasons: map[string][]string{}}
	plan := &Plan{Version: PlanVersion, Tier: req.Tier, Waves: []Wave{}, Unreachable: []Unreachable{}}
	m, cur := m0, evaluate(m0, req.Goals, req.Tier)
	first := cur
	for n := 1; n <= req.MaxWaves && !allMet(cur); n++ {
		pl.pins = residencyPins(m)
		wave := map[string]*choice{}
		for k, g := range req.Goals {
			if cur[k].met {
				continue
			}
			switch g.Kind {
			case GoalLockin:
				pl.chooseLockin(m, g, wave)
			case GoalHHI:
				pl.chooseHHI(m, g, wave)
			default:
				pl.chooseResilience(m, g.String(), cur[k].problems, wave)
			}
		}
		wv := Wave{Number: n}
		for _, c := range ordered(wave) {
			pl.tried[c.key()] = true
			ch, err := pl.w.apply(c.action, c.target, pl.pins, false)
			if err != nil {
				continue // an earlier action of the wave changed the node
			}
			wv.Actions = append(wv.Actions, plannedAction(c, ch, pl.w))
			wv.PersonDays += c.action.PersonDays
		}
		if len(wv.Actions) == 0 {
			break
		}
		next, err := pl.w.estate()
		if err != nil {
			return nil, nil, err
		}
		if m, err = simulate.NewModel(next, opt); err != nil {
			return nil, nil, fmt.Errorf("re-simulate wave %d: %w", n, err)
		}
		cur = evaluate(m, req.Goals, req.Tier)
		wv.After = waveGoals(req.Goals, cur)
		score, _ := m.ServiceScores() // the score alone, as the audit gives it
		wv.Resilience = score.Resilience
		plan.Waves = append(plan.Waves, wv)
	}
	final, err := pl.w.estate()
	if err != nil {
		return nil, nil, err
	}
	plan.Waves = orderWaves(m, plan.Waves)
	pl.finish(plan, m0, m, first, cur)
	return plan, final, nil
}

func allMet(st []goalStatus) bool {
	for _, s := range st {
		if !s.met {
			return false
		}
	}
	return true
}

func waveGoals(goals []Goal, st []goalStatus) []WaveGoal {
	out := make([]WaveGoal, len(goals))
	for k, g := range goals {
		out[k] = WaveGoal{Goal: g.String(), Met: st[k].met, Remaining: len(st[k].problems), Value: st[k].value}
	}
	return out
}

func plannedAction(c *choice, ch change, w *work) PlannedAction {
	a := c.action
	return PlannedAction{
		Action: a.ID, Title: a.Title, Target: c.target, TargetName: w.nodes[c.target].Label(), To: ch.to,
		Because: sortedKeys(c.because), Services: sortedKeys(c.services),
		Effort: a.Effort, Days: a.PersonDays, Cost: a.Cost, Moves: slices.Clone(a.Moves), Changes: nonNil(ch.nodes),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// residencyPins lists, per node, the pin lists that bind it: its own, and
// those of every pinned service whose dependency cone holds it inside the
// pinned area.
func residencyPins(m *simulate.Model) pinsFunc {
	pins := map[string][][]string{}
	add := func(id string, p []string) {
		for _, have := range pins[id] {
			if slices.Equal(have, p) {
				return
			}
		}
		pins[id] = append(pins[id], p)
	}
	for i, nd := range m.Compiled().Nodes {
		if len(nd.Residency) == 0 {
			continue
		}
		p := slices.Sorted(slices.Values(nd.Residency))
		add(nd.ID, p)
		if class(m, i) != graph.ClassService {
			continue
		}
		in := cone(m, int32(i))
		for j, ok := range in {
			// The service's data is what it reaches inside the pinned
			// area; a dependency elsewhere (another service's API, a
			// global SaaS) is evidently not that data.
			if n := m.Compiled().Nodes[j]; ok && class(m, j) == graph.ClassResource && regionAllowed(n.Provider, n.Region, p) {
				add(n.ID, p)
			}
		}
	}
	return func(id string) [][]string {
		if ps, ok := pins[id]; ok {
			return ps
		}
		// a copy made by the plan keeps its original's pins
		if base, _, ok := strings.Cut(id, "#plan"); ok {
			return pins[base]
		}
		return nil
	}
}

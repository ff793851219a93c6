package planner

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/simulate"
)

// Goal kinds of `untether plan --goal`.
const (
	GoalNoSPOF          = "no-spof"
	GoalSurviveZone     = "survive-zone"
	GoalSurviveRegion   = "survive-region"
	GoalSurviveProvider = "survive-provider"
	GoalLockin          = "lockin"
	GoalHHI             = "hhi"
)

// Goal is one target state: a resilience goal, or a bound on lock-in
// (0-1) or on the provider concentration index (0-10000).
type Goal struct {
	Kind  string  `json:"kind"`
	Limit float64 `json:"limit,omitempty"`
}

// String is the goal as written on the command line.
func (g Goal) String() string {
	if g.Kind == GoalLockin || g.Kind == GoalHHI {
		return g.Kind + "<=" + strconv.FormatFloat(g.Limit, 'f', -1, 64)
	}
	return g.Kind
}

// GoalError is a --goal that does not parse; commands map it to exit 2.
type GoalError struct {
	Goal string
	Msg  string
}

func (e *GoalError) Error() string { return fmt.Sprintf("goal %q: %s", e.Goal, e.Msg) }

const goalHelp = "expected no-spof, survive-zone, survive-region, survive-provider, lockin<=X (0 to 1) or hhi<=Y (0 to 10000)"

// ParseGoal parses one goal.
func ParseGoal(s string) (Goal, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	switch t {
	case GoalNoSPOF, GoalSurviveZone, GoalSurviveRegion, GoalSurviveProvider:
		return Goal{Kind: t}, nil
	}
	kind, val, ok := strings.Cut(t, "<=")
	if !ok || (kind != GoalLockin && kind != GoalHHI) {
		return Goal{}, &GoalError{s, goalHelp}
	}
	x, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return Goal{}, &GoalError{s, "the bound is not a number; " + goalHelp}
	}
	if kind == GoalLockin && (x < 0 || x > 1) || kind == GoalHHI && (x < 0 || x > 10000) {
		return Goal{}, &GoalError{s, "the bound is out of range; " + goalHelp}
	}
	return Goal{Kind: kind, Limit: x}, nil
}

// ParseGoals parses several goals, dropping repeats; the first bad one stops.
func ParseGoals(ss []string) ([]Goal, error) {
	var out []Goal
	for _, s := range ss {
		g, err := ParseGoal(s)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return nil, &GoalError{"", "no goal given; " + goalHelp}
	}
	return out, nil
}

// goalLevels are the failure levels a resilience goal must survive.
func goalLevels(kind string) []string {
	switch kind {
	case GoalNoSPOF:
		return []string{"resource", "zone", "region", "service", "provider"}
	case GoalSurviveZone:
		return []string{"zone"}
	case GoalSurviveRegion:
		return []string{"region"}
	case GoalSurviveProvider:
		return []string{"provider"}
	}
	return nil
}

// problem is one failure domain that alone takes services of the goal's
// tiers down.
type problem struct {
	node     int32
	id       string
	level    string
	services []int32 // DOWN services of tier <= the plan's tier, sorted
	weight   int
}

// sweep fails every node of the wanted levels alone and returns, per
// level, the ones that take services of tier <= tier down.
func sweep(m *simulate.Model, levels []string, tier int) map[string][]problem {
	out := map[string][]problem{}
	if len(levels) == 0 {
		return out
	}
	p := m.NewPropagator()
	for i := range int32(m.Compiled().Len()) {
		lvl := string(m.Level(i))
		if lvl == "" || !slices.Contains(levels, lvl) {
			continue
		}
		p.Fail(i)
		pr := problem{node: i, id: nodeID(m, i), level: lvl}
		for _, s := range p.Fallen() { // what fell, not every service
			if m.IsService(s) && s != i && m.Tier(s) <= tier {
				pr.services = append(pr.services, s)
				pr.weight += simulate.TierWeight(m.Tier(s))
			}
		}
		slices.Sort(pr.services)
		p.Reset()
		if len(pr.services) > 0 {
			out[lvl] = append(out[lvl], pr)
		}
	}
	for _, l := range levels {
		slices.SortFunc(out[l], func(a, b problem) int { return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.id, b.id)) })
	}
	return out
}

// goalStatus is how far one goal is from met on one estate.
type goalStatus struct {
	met      bool
	value    float64 // lock-in or HHI
	problems []problem
}

// evaluate checks every goal on m by re-simulation.
func evaluate(m *simulate.Model, goals []Goal, tier int) []goalStatus {
	var levels []string
	for _, g := range goals {
		for _, l := range goalLevels(g.Kind) {
			if !slices.Contains(levels, l) {
				levels = append(levels, l)
			}
		}
	}
	byLevel := sweep(m, levels, tier)
	var cs *simulate.Cones
	out := make([]goalStatus, len(goals))
	for k, g := range goals {
		switch g.Kind {
		case GoalLockin:
			if cs == nil {
				cs = m.Cones()
			}
			out[k].value = m.EstateLockin(cs)
			out[k].met = out[k].value <= g.Limit
		case GoalHHI:
			if cs == nil {
				cs = m.Cones()
			}
			out[k].value = m.ProviderHHI(cs)
			out[k].met = out[k].value <= g.Limit
		default:
			for _, l := range goalLevels(g.Kind) {
				out[k].problems = append(out[k].problems, byLevel[l]...)
			}
			out[k].met = len(out[k].problems) == 0
		}
	}
	return out
}

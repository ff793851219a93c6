package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/simulate"
)

// planForHTML puts a plan in the shape the HTML report shows it
// (htmlExtras.Plan): its goals, and per wave the actions with the
// resilience score before and after, as the plan's re-simulation found it.
func planForHTML(r *PlanReport) *htmlPlan {
	p := r.Plan
	goals := make([]string, len(p.Goals))
	for i, g := range p.Goals {
		goals[i] = g.Goal
	}
	out := &htmlPlan{Goal: strings.Join(goals, ", "), Headline: p.Headline, Cost: r.Cost, Unreachable: r.Unreachable}
	for i, g := range p.Goals {
		out.Goals = append(out.Goals, htmlGoal{Goal: g.Goal, Before: g.Before, After: g.After, Verdict: r.Verdicts[i], Met: g.Met})
	}
	before := simulate.Score{Resilience: p.Scores.Resilience.Before, Grade: p.Scores.Grade.Before, NotScored: p.Scores.NotScored}
	for _, w := range p.Waves {
		after := simulate.Score{Resilience: w.Resilience, Grade: simulate.Grade(w.Resilience), NotScored: p.Scores.NotScored}
		hw := htmlWave{Name: fmt.Sprintf("Wave %d", w.Number), Before: before, After: after}
		for _, a := range w.Actions {
			hw.Actions = append(hw.Actions, htmlAction{
				Title:  a.Title + " (" + a.TargetName + ")",
				Node:   a.Target,
				Effort: fmt.Sprintf("%s, %s person-days", a.Effort, Decimal(a.Days, 1)),
				Cost:   a.Cost,
			})
		}
		out.Waves = append(out.Waves, hw)
		before = after
	}
	return out
}

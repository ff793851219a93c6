package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/planner"
)

// PlanForHTML turns a plan into the shape the HTML report shows
// (HTMLExtras.Plan): its goals, and per wave the actions with the
// resilience score before and after, as the plan's re-simulation found it.
func PlanForHTML(p *planner.Plan) *HTMLPlan {
	if p == nil {
		return nil
	}
	goals := make([]string, len(p.Goals))
	for i, g := range p.Goals {
		goals[i] = g.Goal
	}
	out := &HTMLPlan{Goal: strings.Join(goals, ", "), Headline: p.Headline, Cost: PlanCostSentence(p)}
	for _, g := range p.Goals {
		out.Goals = append(out.Goals, HTMLGoal{Goal: g.Goal, Before: g.Before, After: g.After, Verdict: verdict(g), Met: g.Met})
	}
	for _, u := range p.Unreachable {
		what, why := UnreachableText(u)
		out.Unreachable = append(out.Unreachable, [2]string{what, why})
	}
	before := simulate.Score{Resilience: p.Scores.Resilience.Before, Grade: p.Scores.Grade.Before}
	for _, w := range p.Waves {
		after := simulate.Score{Resilience: w.Resilience, Grade: simulate.Grade(w.Resilience)}
		hw := HTMLWave{Name: fmt.Sprintf("Wave %d", w.Number), Before: before, After: after}
		for _, a := range w.Actions {
			hw.Actions = append(hw.Actions, HTMLAction{
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

package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate/planner"
)

// How many rows the plan views show before "and N more".
const (
	topPlanActions     = 25 // per wave
	topPlanServices    = 20
	topPlanUnreachable = 15
)

// planTable lays a migration plan out for a terminal: the verdict per
// goal, the waves with their actions and what the re-simulation verified
// after each, every score and service before and after, the downtime cost
// avoided, and what stays out of reach and why. Text from the estate is
// made terminal-safe.
func planTable(b *strings.Builder, p *palette, r *PlanReport) {
	pl := r.Plan
	s := pl.Scores
	box := p.scoreBx.BorderForeground(p.grade(s.Grade.After).GetForeground()).Render(
		p.grade(s.Grade.After).Render(fmt.Sprintf("Resilience %s → %s / 100   Grade %s → %s",
			Decimal(s.Resilience.Before, 1), Decimal(s.Resilience.After, 1), s.Grade.Before, s.Grade.After)))
	if s.NotScored {
		box = p.scoreBx.Render(p.bold.Render("Resilience " + notScored + ": nothing to score"))
	}
	b.WriteString(box + "\n")
	line(b, p, strong, pl.Headline)
	if r.Cost != "" {
		line(b, p, fine, r.Cost)
	}

	section(b, p, "Goals (verified by re-simulating the transformed estate)")
	var rows [][]string
	for i, g := range pl.Goals {
		rows = append(rows, []string{g.Goal, g.Before, g.After, r.Verdicts[i]})
	}
	b.WriteString(p.table([]string{"Goal", "Before", "After", "Verdict"}, rows) + "\n")

	planWavesTable(b, p, pl)
	planScoresTable(b, p, pl)
	planServicesTable(b, p, pl)
	planUnreachableTable(b, p, r)

	section(b, p, "How the plan was made")
	line(b, p, plain, pl.Method)
}

func verdict(g planner.GoalResult) string {
	switch {
	case g.Met && g.MetBefore:
		return "met before and after"
	case g.Met:
		return "met (verified)"
	}
	return "not reachable"
}

func planWavesTable(b *strings.Builder, p *palette, pl *planner.Plan) {
	e := pl.Effort
	section(b, p, fmt.Sprintf("Waves (%s, %s person-days)", plural(e.Actions, "action", "actions"), Decimal(e.PersonDays, 1)))
	if len(pl.Waves) == 0 {
		line(b, p, fine, "No action needed or none applies.")
		return
	}
	for _, w := range pl.Waves {
		var after []string
		for _, g := range w.After {
			after = append(after, waveGoalText(g))
		}
		b.WriteString(p.bold.Render(fmt.Sprintf("Wave %d: %s, %s person-days; after it: %s; resilience %s",
			w.Number, plural(len(w.Actions), "action", "actions"), Decimal(w.PersonDays, 1), strings.Join(after, ", "), planScore(pl.Scores, w.Resilience))))
		b.WriteString("\n")
		var rows [][]string
		for i, a := range w.Actions {
			if i >= topPlanActions {
				break
			}
			rows = append(rows, []string{a.Action, compactID(a.TargetName), compactID(a.To),
				fmt.Sprintf("%s %sd", a.Effort, Decimal(a.Days, 1)), a.Cost, planServiceList(a.Services, a.Because)})
		}
		b.WriteString(p.table([]string{"Action", "On", "To", "Effort", "Cost", "Protects"}, rows) + "\n")
		more(b, p, min(len(w.Actions), topPlanActions), len(w.Actions), "actions")
	}
}

func waveGoalText(g planner.WaveGoal) string {
	switch {
	case g.Met:
		return g.Goal + " met"
	case strings.HasPrefix(g.Goal, "lockin") || strings.HasPrefix(g.Goal, "hhi"):
		return fmt.Sprintf("%s at %s", g.Goal, Decimal(g.Value, 4))
	}
	return fmt.Sprintf("%s: %d left", g.Goal, g.Remaining)
}

// planServiceList names what an action protects: services, else its goal.
func planServiceList(services, because []string) string {
	if len(services) == 0 {
		return joinAnd(because, 2)
	}
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = graph.ServiceName(s)
	}
	return joinAnd(names, 3)
}

func planScoresTable(b *strings.Builder, p *palette, pl *planner.Plan) {
	s := pl.Scores
	section(b, p, "Scores before and after")
	rows := [][]string{
		{"resilience", planScore(s, s.Resilience.Before) + planGrade(s, s.Grade.Before), planScore(s, s.Resilience.After) + planGrade(s, s.Grade.After)},
		{"lock-in", Decimal(s.Lockin.Before, 4), Decimal(s.Lockin.After, 4)},
		{"HHI providers", Decimal(s.HHIProviders.Before, 1), Decimal(s.HHIProviders.After, 1)},
		{"HHI regions", Decimal(s.HHIRegions.Before, 1), Decimal(s.HHIRegions.After, 1)},
		{"HHI zones", Decimal(s.HHIZones.Before, 1), Decimal(s.HHIZones.After, 1)},
		{"double points", Decimal(s.DoublePoints.Before, 0), Decimal(s.DoublePoints.After, 0)},
		{"worst outage cost / hour", Money(s.WorstOutageCostPerHour.Before), Money(s.WorstOutageCostPerHour.After)},
	}
	for _, l := range s.SPOFs {
		rows = append(rows, []string{"SPOFs: " + l.Level, Number(l.Before), Number(l.After)})
	}
	b.WriteString(p.table([]string{"Score", "Before", "After"}, rows) + "\n")
}

func planServicesTable(b *strings.Builder, p *palette, pl *planner.Plan) {
	section(b, p, fmt.Sprintf("Services before and after (%s)", Number(len(pl.Services))))
	var rows [][]string
	for i, s := range pl.Services {
		if i >= topPlanServices {
			break
		}
		rows = append(rows, []string{s.Name, fmt.Sprint(s.Tier),
			Decimal(s.Score.Before, 1) + " → " + Decimal(s.Score.After, 1),
			Number(s.SinglePoints.Before) + " → " + Number(s.SinglePoints.After),
			Decimal(s.Lockin.Before, 2) + " → " + Decimal(s.Lockin.After, 2),
			costCell(s.DowntimeCostPerHour), costCell(s.CostAvoidedPerHour)})
	}
	b.WriteString(p.table([]string{"Service", "Tier", "Score", "Single points", "Lock-in", "Cost/h", "Avoided/h"}, rows) + "\n")
	more(b, p, min(len(pl.Services), topPlanServices), len(pl.Services), "services")
}

func planUnreachableTable(b *strings.Builder, p *palette, r *PlanReport) {
	if len(r.Unreachable) == 0 {
		return
	}
	section(b, p, fmt.Sprintf("Out of reach (%s)", Number(len(r.Unreachable))))
	for _, u := range r.Unreachable[:min(len(r.Unreachable), topPlanUnreachable)] {
		line(b, p, alert, "✗ "+u[0])
		line(b, p, dimmed, "  why: "+u[1])
	}
	more(b, p, min(len(r.Unreachable), topPlanUnreachable), len(r.Unreachable), "failures out of reach")
}

// planScore is a plan's resilience figure, or "not scored" when the estate
// has nothing to score; planGrade is the grade after it (" B"), or nothing.
func planScore(s planner.ScoreChanges, v float64) string {
	if s.NotScored {
		return notScored
	}
	return Decimal(v, 1)
}

func planGrade(s planner.ScoreChanges, g string) string {
	if s.NotScored {
		return ""
	}
	return " " + g
}

package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

// How many entries the Markdown plan lists.
const (
	mdPlanActions     = 50 // per wave
	mdPlanServices    = 50
	mdPlanUnreachable = 50
)

// planMarkdown lays a migration plan out as GitHub-flavoured Markdown
// for a wiki page or an issue: the verdict per goal, the waves as a funded
// work list with effort and recurring cost, every score and service before
// and after, the downtime cost avoided, what stays out of reach and why, and
// the method. Every string from the estate is escaped.
func planMarkdown(b *strings.Builder, r *PlanReport) {
	pl := r.Plan
	s := pl.Scores
	b.WriteString("# Migration plan\n\n")
	fmt.Fprintf(b, "%s\n\n", escape.Markdown(pl.Headline))
	if s.NotScored {
		b.WriteString("**Resilience " + notScored + ": nothing to score.**")
	} else {
		fmt.Fprintf(b, "**Resilience %s → %s / 100 (grade %s → %s).**", Decimal(s.Resilience.Before, 1), Decimal(s.Resilience.After, 1), s.Grade.Before, s.Grade.After)
	}
	if r.Cost != "" {
		b.WriteString(" " + escape.Markdown(r.Cost))
	}
	b.WriteString("\n\n## Goals\n\n")
	var rows [][]string
	for i, g := range pl.Goals {
		rows = append(rows, []string{"`" + strings.ReplaceAll(g.Goal, "`", "'") + "`", escape.Markdown(g.Before), escape.Markdown(g.After), r.Verdicts[i]})
	}
	mdTable(b, []string{"Goal", "Before", "After", "Verdict"}, rows)

	e := pl.Effort
	fmt.Fprintf(b, "## Waves\n\n%s, about %s person-days in total.", plural(e.Actions, "action", "actions"), Decimal(e.PersonDays, 1))
	var sizes, costs []string
	for _, sc := range e.BySize {
		sizes = append(sizes, fmt.Sprintf("%d %s", sc.Count, sc.Effort))
	}
	for _, cc := range e.ByCost {
		costs = append(costs, fmt.Sprintf("%d %s", cc.Count, cc.Cost))
	}
	if len(sizes) > 0 {
		fmt.Fprintf(b, " Sizes: %s. Recurring cost: %s.", strings.Join(sizes, ", "), strings.Join(costs, ", "))
	}
	b.WriteString("\n\n")
	for _, wv := range pl.Waves {
		var after []string
		for _, g := range wv.After {
			after = append(after, escape.Markdown(waveGoalText(g)))
		}
		fmt.Fprintf(b, "### Wave %d (%s person-days)\n\nVerified after this wave: %s; resilience %s.\n\n",
			wv.Number, Decimal(wv.PersonDays, 1), strings.Join(after, ", "), planScore(s, wv.Resilience))
		rows = rows[:0]
		for i, a := range wv.Actions {
			if i >= mdPlanActions {
				break
			}
			rows = append(rows, []string{escape.Markdown(a.Title), escape.Markdown(shortID(a.TargetName)), escape.Markdown(shortID(a.To)),
				fmt.Sprintf("%s (%s d)", a.Effort, Decimal(a.Days, 1)), a.Cost, escape.Markdown(planServiceList(a.Services, a.Because))})
		}
		mdTable(b, []string{"Action", "On", "To", "Effort", "Recurring cost", "Protects"}, rows)
		mdMore(b, min(len(wv.Actions), mdPlanActions), len(wv.Actions), "actions")
	}

	b.WriteString("## Scores before and after\n\n")
	rows = [][]string{
		{"Resilience", Decimal(s.Resilience.Before, 1) + " (" + s.Grade.Before + ")", Decimal(s.Resilience.After, 1) + " (" + s.Grade.After + ")"},
		{"Lock-in", Decimal(s.Lockin.Before, 4), Decimal(s.Lockin.After, 4)},
		{"HHI providers", Decimal(s.HHIProviders.Before, 1), Decimal(s.HHIProviders.After, 1)},
		{"HHI regions", Decimal(s.HHIRegions.Before, 1), Decimal(s.HHIRegions.After, 1)},
		{"HHI zones", Decimal(s.HHIZones.Before, 1), Decimal(s.HHIZones.After, 1)},
		{"Double points", Decimal(s.DoublePoints.Before, 0), Decimal(s.DoublePoints.After, 0)},
		{"Worst outage cost per hour", Money(s.WorstOutageCostPerHour.Before), Money(s.WorstOutageCostPerHour.After)},
	}
	if s.NotScored {
		rows[0] = []string{"Resilience", notScored, notScored}
	}
	for _, l := range s.SPOFs {
		rows = append(rows, []string{"SPOFs (" + l.Level + ")", Number(l.Before), Number(l.After)})
	}
	mdTable(b, []string{"Score", "Before", "After"}, rows)

	b.WriteString("## Services before and after\n\n")
	rows = rows[:0]
	for i, sv := range pl.Services {
		if i >= mdPlanServices {
			break
		}
		rows = append(rows, []string{escape.Markdown(sv.Name), fmt.Sprint(sv.Tier),
			Decimal(sv.Score.Before, 1) + " → " + Decimal(sv.Score.After, 1),
			Number(sv.SinglePoints.Before) + " → " + Number(sv.SinglePoints.After),
			Decimal(sv.Lockin.Before, 2) + " → " + Decimal(sv.Lockin.After, 2),
			costCell(sv.DowntimeCostPerHour), costCell(sv.CostAvoidedPerHour)})
	}
	mdTable(b, []string{"Service", "Tier", "Score", "Single points of failure", "Lock-in", "Downtime cost / h", "Avoided / h"}, rows)
	mdMore(b, min(len(pl.Services), mdPlanServices), len(pl.Services), "services")

	if len(r.Unreachable) > 0 {
		b.WriteString("## Out of reach\n\n")
		for _, u := range r.Unreachable[:min(len(r.Unreachable), mdPlanUnreachable)] {
			fmt.Fprintf(b, "- %s. Why: %s\n", escape.Markdown(u[0]), escape.Markdown(u[1]))
		}
		b.WriteString("\n")
		mdMore(b, min(len(r.Unreachable), mdPlanUnreachable), len(r.Unreachable), "failures out of reach")
	}
	fmt.Fprintf(b, "## How the plan was made\n\n%s\n", escape.Markdown(pl.Method))
}

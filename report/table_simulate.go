package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

// SimulationHeadline says what a simulated outage does in one sentence.
func SimulationHeadline(s *simulate.Simulation) string {
	target := strings.Join(s.Fail, " + ")
	if len(s.Selectors) == 1 && s.Selectors[0].Node() != "" {
		target = nodeName(s.Names, s.Selectors[0].Node(), string(s.Selectors[0].Level()))
	}
	if target == "" {
		target = "nothing"
	}
	if len(s.ServicesDown) == 0 {
		return fmt.Sprintf("If %s fails, no business service stops; %s %s down.", target,
			Plural(s.ResourcesDown, "resource", "resources"), pluralVerb(s.ResourcesDown, "goes", "go"))
	}
	line := fmt.Sprintf("If %s fails, %s %s (%d critical)", target,
		Plural(len(s.ServicesDown), "service", "services"), pluralVerb(len(s.ServicesDown), "stops", "stop"), s.CriticalDown)
	if s.CostPerHour > 0 {
		line += ", costing " + Money(s.CostPerHour) + " per hour"
	}
	return line + "."
}

func simulationTable(b *strings.Builder, p *palette, s *simulate.Simulation) {
	line(b, p, strong, SimulationHeadline(s))
	rows := [][]string{
		{"Failed (selectors)", dash(strings.Join(s.Fail, ", "))},
		{"Injected nodes", Number(len(s.Injected))},
		{"Services down", fmt.Sprintf("%s (%d critical, weighted %d)", Number(len(s.ServicesDown)), s.CriticalDown, s.WeightedDown)},
		{"Resources down", fmt.Sprintf("%s (%s of the estate)", Number(s.ResourcesDown), Percent(s.ResourceShare))},
		{"Nodes down", Number(len(s.Down))},
		{"Cost per hour", costCell(s.CostPerHour)},
	}
	b.WriteString(p.table([]string{"What", "Result"}, rows))
	b.WriteString("\n")
	if len(s.ServicesDown) > 0 {
		section(b, p, "Services down")
		for _, id := range s.ServicesDown {
			b.WriteString(p.bad.Render("  ✗ " + escape.Terminal(serviceName(s.Names, id))))
			b.WriteString("\n")
		}
	}
	if len(s.Down) > 0 {
		section(b, p, fmt.Sprintf("Nodes down (%s)", Number(len(s.Down))))
		for _, id := range s.Down[:min(len(s.Down), topDown)] {
			b.WriteString("  " + escape.TerminalShort(id, p.width-2) + "\n")
		}
		more(b, p, min(len(s.Down), topDown), len(s.Down), "nodes (use --format json for all)")
	}
}

// ExplanationVerdict says in one sentence whether a node is a SPOF.
func ExplanationVerdict(x *simulate.Explanation) string {
	what := nodeName(x.Names, x.Node, x.Level)
	if x.IsSPOF {
		var svc []string
		for _, c := range x.Down {
			svc = append(svc, serviceName(x.Names, c.Service))
		}
		return fmt.Sprintf("%s IS a single point of failure: its failure alone stops %s.", what, JoinAnd(svc, 5))
	}
	if len(x.Survives) > 0 {
		return fmt.Sprintf("%s is not a single point of failure: the %s that depend on it survive its failure.",
			what, Plural(len(x.Survives), "critical service", "critical services"))
	}
	return fmt.Sprintf("%s is not a single point of failure: no critical service depends on it.", what)
}

func explanationTable(b *strings.Builder, p *palette, x *simulate.Explanation) {
	verdict := fine
	if x.IsSPOF {
		verdict = alert
	}
	line(b, p, verdict, ExplanationVerdict(x))
	line(b, p, dimmed, fmt.Sprintf("Node %s (level %s)", x.Node, dash(x.Level)))
	if x.Summary != "" {
		line(b, p, plain, x.Summary)
	}
	for _, c := range x.Down {
		section(b, p, "Why "+serviceName(x.Names, c.Service)+" stops")
		var rows [][]string
		for i, id := range c.Path {
			ev := "-"
			if i > 0 && i-1 < len(c.Evidence) && c.Evidence[i-1] != "" {
				ev = c.Evidence[i-1]
			}
			// Display names keep the tree narrow enough that no cell wraps
			// inside a name and the indentation stays readable.
			step := nodeName(x.Names, id, "")
			if i > 0 {
				step = strings.Repeat(" ", min(i, 8)) + "└ needs " + step
			}
			rows = append(rows, []string{step, ev})
		}
		b.WriteString(p.table([]string{"Chain", "Evidence"}, rows))
		b.WriteString("\n")
	}
	if len(x.Survives) > 0 {
		section(b, p, "Survives its failure")
		var rows [][]string
		for _, s := range x.Survives {
			rows = append(rows, []string{serviceName(x.Names, s.Service), dash(strings.Join(s.Groups, ", "))})
		}
		b.WriteString(p.table([]string{"Service", "Held by redundancy group"}, rows))
		b.WriteString("\n")
	}
	if len(x.EvidenceOnly) > 0 {
		section(b, p, "Evidence only (never carries a failure)")
		var rows [][]string
		for _, e := range x.EvidenceOnly {
			rows = append(rows, []string{e.To, e.Why, dash(e.Evidence)})
		}
		b.WriteString(p.table([]string{"Edge to", "Why it does not count", "Evidence"}, rows))
		b.WriteString("\n")
	}
}

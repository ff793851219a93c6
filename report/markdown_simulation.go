package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

func simulationMarkdown(b *strings.Builder, r *SimulationReport) {
	s := r.Simulation
	b.WriteString("# Outage simulation\n\n")
	b.WriteString("> " + escape.Markdown(r.Headline) + "\n\n")
	var fail []string
	for _, f := range s.Fail {
		fail = append(fail, escape.Markdown(f))
	}
	mdTable(b, []string{"What", "Result"}, [][]string{
		{"Failed (selectors)", dash(strings.Join(fail, ", "))},
		{"Injected nodes", Number(len(s.Injected))},
		{"Services down", fmt.Sprintf("%s (%d critical, weighted %d)", Number(len(s.ServicesDown)), s.CriticalDown, s.WeightedDown)},
		{"Resources down", fmt.Sprintf("%s (%s of the estate)", Number(s.ResourcesDown), percent(s.ResourceShare))},
		{"Nodes down", Number(len(s.Down))},
		{"Cost per hour", costCell(s.CostPerHour)},
	})
	if len(s.ServicesDown) > 0 {
		b.WriteString("## Services down\n\n")
		for _, id := range s.ServicesDown {
			b.WriteString("- " + escape.Markdown(serviceName(s.Names, id)) + "\n")
		}
		b.WriteString("\n")
	}
	if len(s.Down) > 0 {
		fmt.Fprintf(b, "## Nodes down (%s)\n\n", Number(len(s.Down)))
		for _, id := range s.Down[:min(len(s.Down), mdTopDown)] {
			b.WriteString("- " + escape.Markdown(id) + "\n")
		}
		b.WriteString("\n")
		mdMore(b, min(len(s.Down), mdTopDown), len(s.Down), "nodes")
	}
}

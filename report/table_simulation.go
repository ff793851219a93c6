package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

func simulationTable(b *strings.Builder, p *palette, r *SimulationReport) {
	s := r.Simulation
	line(b, p, strong, r.Headline)
	rows := [][]string{
		{"Failed (selectors)", dash(strings.Join(s.Fail, ", "))},
		{"Injected nodes", Number(len(s.Injected))},
		{"Services down", fmt.Sprintf("%s (%d critical, weighted %d)", Number(len(s.ServicesDown)), s.CriticalDown, s.WeightedDown)},
		{"Resources down", fmt.Sprintf("%s (%s of the estate)", Number(s.ResourcesDown), percent(s.ResourceShare))},
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

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
)

// TableWriter writes the table format: the terminal view, styled with the
// one lipgloss palette when Options.Color is set and plain text otherwise,
// kept within Options.Width columns (defaultWidth when 0). It shows an
// Audit, a Simulation or an Explanation; long lists are cut to their top
// entries with a count of the rest, so it stays readable at any estate size.
type TableWriter struct{}

// How many rows each list shows before "and N more".
const (
	topSPOFsPerLevel = 10
	topScenarios     = 10
	topDoublePoints  = 5
	topLockin        = 10
	topShares        = 3
	topServices      = 15
	topGaps          = 20
	topDown          = 20
	maxChain         = 5
)

func (TableWriter) Audit(w io.Writer, r *AuditReport, o Options) error {
	return writeTable(w, o, func(b *strings.Builder, p *palette) { auditTable(b, p, r) })
}

func (TableWriter) Simulation(w io.Writer, r *SimulationReport, o Options) error {
	return writeTable(w, o, func(b *strings.Builder, p *palette) { simulationTable(b, p, r) })
}

func (TableWriter) Explanation(w io.Writer, r *ExplanationReport, o Options) error {
	return writeTable(w, o, func(b *strings.Builder, p *palette) { explanationTable(b, p, r) })
}

func (TableWriter) Plan(w io.Writer, r *PlanReport, o Options) error {
	return writeTable(w, o, func(b *strings.Builder, p *palette) { planTable(b, p, r) })
}

func (TableWriter) Check(w io.Writer, r *CheckReport, o Options) error {
	_, err := io.WriteString(w, checkTable(r))
	return err
}

// writeTable lays a table report out and writes it.
func writeTable(w io.Writer, o Options, lay func(*strings.Builder, *palette)) error {
	var b strings.Builder
	lay(&b, newPalette(o))
	if _, err := io.WriteString(w, trimLines(b.String())); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// section starts a titled block.
func section(b *strings.Builder, p *palette, title string) {
	b.WriteString("\n")
	b.WriteString(p.title.Render(escape.Terminal(title)))
	b.WriteString("\n")
}

// line writes one wrapped paragraph.
func line(b *strings.Builder, p *palette, s stylable, text string) {
	b.WriteString(p.wrap(s.style(p), text))
	b.WriteString("\n")
}

// more writes "... and N more" when a list was cut.
func more(b *strings.Builder, p *palette, shown, total int, what string) {
	if total > shown {
		b.WriteString(p.dim.Render(fmt.Sprintf("  … and %s more %s", Number(total-shown), what)))
		b.WriteString("\n")
	}
}

// stylable picks a palette style by role, so callers need not hold styles.
type stylable int

const (
	plain stylable = iota
	dimmed
	warning
	alert
	fine
	strong
)

func (s stylable) style(p *palette) lipgloss.Style {
	switch s {
	case dimmed:
		return p.dim
	case warning:
		return p.warn
	case alert:
		return p.bad
	case fine:
		return p.good
	case strong:
		return p.bold
	}
	return p.r.NewStyle()
}

// chainText shows a dependency chain as "a → b → c" with ids shortened and
// service ids named; a chain longer than max keeps both ends around "…".
func chainText(chain []string, names map[string]string, max int) string {
	parts := make([]string, 0, len(chain))
	for _, id := range chain {
		if n, ok := names[id]; ok {
			parts = append(parts, n)
		} else {
			parts = append(parts, compactID(graph.ServiceName(id)))
		}
	}
	if max > 3 && len(parts) > max {
		head := (max - 1) / 2
		tail := max - 1 - head
		cut := len(parts) - head - tail
		parts = append(append(parts[:head:head], fmt.Sprintf("…%d…", cut)), parts[len(parts)-tail:]...)
	}
	return strings.Join(parts, " → ")
}

// serviceList names services for a cell, at most n before "and N more".
func serviceList(names map[string]string, ids []string, n int) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, serviceName(names, id))
	}
	if len(out) == 0 {
		return "none"
	}
	return joinAnd(out, n)
}

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

// MarkdownWriter writes the markdown format (GitHub-flavoured, for a wiki
// page or a pull-request comment): the headline sentence, the score, top
// risks, scenarios, lock-in, concentration, coverage gaps and the method,
// with a Mermaid flowchart of the dependency chain of each top SPOF. Every
// string from the estate is escaped (package escape).
type MarkdownWriter struct{}

// How many entries the Markdown lists and diagrams show.
const (
	mdTopRisks     = 20
	mdTopScenarios = 10
	mdTopDiagrams  = 5
	mdTopLockin    = 10
	mdTopServices  = 25
	mdTopGaps      = 50
	mdTopDown      = 50
)

func (MarkdownWriter) Audit(w io.Writer, r *AuditReport, _ Options) error {
	return writeMarkdown(w, func(b *strings.Builder) { auditMarkdown(b, r) })
}

func (MarkdownWriter) Simulation(w io.Writer, r *SimulationReport, _ Options) error {
	return writeMarkdown(w, func(b *strings.Builder) { simulationMarkdown(b, r) })
}

func (MarkdownWriter) Explanation(w io.Writer, r *ExplanationReport, _ Options) error {
	return writeMarkdown(w, func(b *strings.Builder) { explanationMarkdown(b, r) })
}

func (MarkdownWriter) Plan(w io.Writer, r *PlanReport, _ Options) error {
	return writeMarkdown(w, func(b *strings.Builder) { planMarkdown(b, r) })
}

func (MarkdownWriter) Check(w io.Writer, r *CheckReport, _ Options) error {
	return writeMarkdown(w, func(b *strings.Builder) { b.WriteString(checkMarkdownReport(r)) })
}

// writeMarkdown lays a Markdown report out and writes it.
func writeMarkdown(w io.Writer, lay func(*strings.Builder)) error {
	var b strings.Builder
	lay(&b)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// mdTable writes a GitHub table; cells must already be escaped.
func mdTable(b *strings.Builder, headers []string, rows [][]string) {
	b.WriteString("| " + strings.Join(headers, " | ") + " |\n|")
	for range headers {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}

// mdMore notes how many entries a list left out.
func mdMore(b *strings.Builder, shown, total int, what string) {
	if total > shown {
		fmt.Fprintf(b, "_… and %s more %s (see the json report)._\n\n", Number(total-shown), what)
	}
}

// mdServices names services, escaped, at most n before "and N more".
func mdServices(names map[string]string, ids []string, n int) string {
	if len(ids) == 0 {
		return "none"
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, escape.Markdown(serviceName(names, id)))
	}
	return joinAnd(out, n)
}

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
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

// Write implements Writer.
func (MarkdownWriter) Write(w io.Writer, result any, opts Options) error {
	var b strings.Builder
	switch r := result.(type) {
	case *simulate.Audit:
		if r == nil {
			return &UnsupportedError{Format: "markdown", Result: result}
		}
		auditMarkdown(&b, r)
	case *simulate.Simulation:
		if r == nil {
			return &UnsupportedError{Format: "markdown", Result: result}
		}
		simulationMarkdown(&b, r)
	case *simulate.Explanation:
		if r == nil {
			return &UnsupportedError{Format: "markdown", Result: result}
		}
		explanationMarkdown(&b, r)
	case *gate.CheckResult:
		if r == nil {
			return &UnsupportedError{Format: "markdown", Result: result}
		}
		return WriteCheckMarkdown(w, r)
	case *planner.Plan:
		if r == nil {
			return &UnsupportedError{Format: "markdown", Result: result}
		}
		return WritePlanMarkdown(w, r)
	default:
		return &UnsupportedError{Format: "markdown", Result: result}
	}
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
	return JoinAnd(out, n)
}

func simulationMarkdown(b *strings.Builder, s *simulate.Simulation) {
	b.WriteString("# Outage simulation\n\n")
	b.WriteString("> " + escape.Markdown(SimulationHeadline(s)) + "\n\n")
	var fail []string
	for _, f := range s.Fail {
		fail = append(fail, escape.Markdown(f))
	}
	mdTable(b, []string{"What", "Result"}, [][]string{
		{"Failed (selectors)", dash(strings.Join(fail, ", "))},
		{"Injected nodes", Number(len(s.Injected))},
		{"Services down", fmt.Sprintf("%s (%d critical, weighted %d)", Number(len(s.ServicesDown)), s.CriticalDown, s.WeightedDown)},
		{"Resources down", fmt.Sprintf("%s (%s of the estate)", Number(s.ResourcesDown), Percent(s.ResourceShare))},
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

func explanationMarkdown(b *strings.Builder, x *simulate.Explanation) {
	fmt.Fprintf(b, "# Explain %s\n\n", escape.Markdown(nodeName(x.Names, x.Node, x.Level)))
	b.WriteString("> " + escape.Markdown(ExplanationVerdict(x)) + "\n\n")
	fmt.Fprintf(b, "Node: %s (level %s)\n\n", escape.Markdown(x.Node), escape.Markdown(dash(x.Level)))
	if x.Summary != "" {
		b.WriteString(escape.Markdown(x.Summary) + "\n\n")
	}
	for _, c := range x.Down {
		fmt.Fprintf(b, "## Why %s stops\n\n", escape.Markdown(serviceName(x.Names, c.Service)))
		mermaidChain(b, c.Path, x.Names)
		var rows [][]string
		for i, id := range c.Path {
			ev := "-"
			if i > 0 && i-1 < len(c.Evidence) && c.Evidence[i-1] != "" {
				ev = escape.Markdown(c.Evidence[i-1])
			}
			rows = append(rows, []string{fmt.Sprintf("%d", i), escape.Markdown(id), ev})
		}
		mdTable(b, []string{"Step", "Needs", "Evidence"}, rows)
	}
	if len(x.Survives) > 0 {
		b.WriteString("## Survives its failure\n\n")
		var rows [][]string
		for _, s := range x.Survives {
			var groups []string
			for _, g := range s.Groups {
				groups = append(groups, escape.Markdown(g))
			}
			rows = append(rows, []string{escape.Markdown(serviceName(x.Names, s.Service)), dash(strings.Join(groups, ", "))})
		}
		mdTable(b, []string{"Service", "Held by redundancy group"}, rows)
	}
	if len(x.EvidenceOnly) > 0 {
		b.WriteString("## Evidence only (never carries a failure)\n\n")
		var rows [][]string
		for _, e := range x.EvidenceOnly {
			rows = append(rows, []string{escape.Markdown(e.To), escape.Markdown(e.Why), escape.Markdown(dash(e.Evidence))})
		}
		mdTable(b, []string{"Edge to", "Why it does not count", "Evidence"}, rows)
	}
}

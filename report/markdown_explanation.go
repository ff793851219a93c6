package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

func explanationMarkdown(b *strings.Builder, r *ExplanationReport) {
	x := r.Explanation
	fmt.Fprintf(b, "# Explain %s\n\n", escape.Markdown(r.Title))
	b.WriteString("> " + escape.Markdown(r.Verdict) + "\n\n")
	fmt.Fprintf(b, "Node: %s (level %s)\n\n", escape.Markdown(x.Node), escape.Markdown(dash(string(x.Level))))
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

package report

import (
	"fmt"
	"strings"
)

func explanationTable(b *strings.Builder, p *palette, r *ExplanationReport) {
	x := r.Explanation
	verdict := fine
	if x.IsSPOF {
		verdict = alert
	}
	line(b, p, verdict, r.Verdict)
	line(b, p, dimmed, fmt.Sprintf("Node %s (level %s)", x.Node, dash(string(x.Level))))
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

package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// GitHub refuses comments over 65,536 characters; checkMarkdownBudget
// leaves room for whatever a workflow adds around the report.
const checkMarkdownBudget = 60000

// Per-list caps before summarising; halved until the report fits.
const (
	checkListCap    = 50
	checkMermaidCap = 10
)

// checkMarkdownReport lays a check result out as Markdown for a pull request
// comment or $GITHUB_STEP_SUMMARY: one headline sentence, the gate's
// reasons, score deltas, new / fixed / waived findings, waivers that expired
// or match nothing, and a Mermaid diagram of each new SPOF's chain. Long
// lists are cut with a count of what was left out until the whole report is
// under GitHub's comment limit. Text from the estate is escaped.
func checkMarkdownReport(r *CheckReport) string {
	var out string
	for listCap, mermaidCap := checkListCap, checkMermaidCap; ; listCap, mermaidCap = listCap/2, mermaidCap/2 {
		out = checkMarkdown(r, listCap, mermaidCap)
		if len(out) <= checkMarkdownBudget || listCap == 0 {
			break
		}
	}
	if len(out) > checkMarkdownBudget {
		// Even the counts alone are too long (absurdly long ids): cut hard.
		out = out[:checkMarkdownBudget] + "\n\n_(report cut at the comment size limit)_\n"
	}
	return out
}

func checkMarkdown(cr *CheckReport, listCap, mermaidCap int) string {
	r := cr.Check
	var b strings.Builder
	icon := "✅"
	if r.Failed() {
		icon = "❌"
	}
	fmt.Fprintf(&b, "## %s untether check: %s\n\n%s\n\n", icon, escape.Markdown(r.Verdict), escape.Markdown(r.Headline))
	if len(r.Reasons) > 0 {
		b.WriteString("### Why the gate failed\n\n")
		reasons := cr.Reasons
		ckList(&b, len(reasons), listCap, "reasons", func(i int) string {
			return fmt.Sprintf("**%s**: %s", escape.Markdown(strings.Join(reasons[i].Terms, ", ")), escape.Markdown(reasons[i].Message))
		})
	}
	if len(r.FailOn) > 0 {
		fmt.Fprintf(&b, "Gate: fail on %s.\n\n", strings.ReplaceAll(strings.Join(r.FailOn, ", "), "`", "'"))
	}

	s := r.Scores
	b.WriteString("### Scores\n\n| Score | Baseline | Now | Change |\n|---|---:|---:|---:|\n")
	if s.NotScored {
		b.WriteString("| Resilience (0-100) | " + notScored + " | " + notScored + ": nothing to score | |\n")
	} else {
		fmt.Fprintf(&b, "| Resilience (0-100) | %.1f (%s) | %.1f (%s) | %s |\n",
			s.Resilience.Baseline, escape.Markdown(s.Grade[0]), s.Resilience.Current, escape.Markdown(s.Grade[1]), ckSigned(s.Resilience.Change, 1))
	}
	fmt.Fprintf(&b, "| Lock-in (0-1) | %.2f | %.2f | %s |\n", s.Lockin.Baseline, s.Lockin.Current, ckSigned(s.Lockin.Change, 2))
	for _, h := range []struct {
		name string
		d    gate.Delta
	}{{"Providers", s.HHIProviders}, {"Regions", s.HHIRegions}, {"Zones", s.HHIZones}} {
		fmt.Fprintf(&b, "| Concentration HHI, %s | %.0f | %.0f | %s |\n", h.name, h.d.Baseline, h.d.Current, ckSigned(h.d.Change, 0))
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "### New findings (%d)\n\n", len(r.New))
	ckList(&b, len(r.New), listCap, "new findings", func(i int) string {
		f := r.New[i]
		mark := ""
		if f.FailsGate {
			mark = " — **fails the gate**"
		}
		return fmt.Sprintf("%s %s: %s%s", escape.MarkdownCode(f.ID), escape.Markdown(f.Severity), escape.Markdown(f.Message), mark)
	})
	fmt.Fprintf(&b, "### Fixed findings (%d)\n\n", len(r.Fixed))
	ckList(&b, len(r.Fixed), listCap, "fixed findings", func(i int) string {
		return fmt.Sprintf("%s %s", escape.MarkdownCode(r.Fixed[i].ID), escape.Markdown(r.Fixed[i].Severity))
	})
	fmt.Fprintf(&b, "### Waived findings (%d)\n\n", len(r.Waived))
	ckList(&b, len(r.Waived), listCap, "waived findings", func(i int) string {
		f := r.Waived[i]
		return fmt.Sprintf("%s: %s%s", escape.MarkdownCode(f.ID), escape.Markdown(f.Waiver.Reason), ckWaiverTail(f.Waiver, escape.Markdown))
	})
	if len(r.ExpiredWaivers) > 0 {
		fmt.Fprintf(&b, "### Expired waivers (%d): they no longer waive\n\n", len(r.ExpiredWaivers))
		ckList(&b, len(r.ExpiredWaivers), listCap, "expired waivers", func(i int) string {
			wv := r.ExpiredWaivers[i]
			return fmt.Sprintf("%s: %s%s", escape.MarkdownCode(wv.Selector()), escape.Markdown(wv.Reason), ckWaiverTail(wv, escape.Markdown))
		})
	}
	if len(r.UnusedWaivers) > 0 {
		fmt.Fprintf(&b, "### Unused waivers (%d): they match no finding\n\n", len(r.UnusedWaivers))
		ckList(&b, len(r.UnusedWaivers), listCap, "unused waivers", func(i int) string {
			wv := r.UnusedWaivers[i]
			return fmt.Sprintf("%s: %s%s", escape.MarkdownCode(wv.Selector()), escape.Markdown(wv.Reason), ckWaiverTail(wv, escape.Markdown))
		})
	}
	ckMermaid(&b, r.NewSPOFs, mermaidCap)
	if len(r.Gaps) > 0 {
		fmt.Fprintf(&b, "_Discovery was partial: %d coverage gap(s); what they hold is unknown, not absent._\n", len(r.Gaps))
	}
	return b.String()
}

func ckList(b *strings.Builder, n, listCap int, what string, item func(int) string) {
	if n == 0 {
		b.WriteString("None.\n\n")
		return
	}
	shown := min(n, listCap)
	for i := range shown {
		b.WriteString("- " + item(i) + "\n")
	}
	if shown < n {
		fmt.Fprintf(b, "- … and %d more %s (see the json or sarif report)\n", n-shown, what)
	}
	b.WriteString("\n")
}

// ckMermaid draws each new SPOF's chain: service -> ... -> the SPOF.
func ckMermaid(b *strings.Builder, spofs []simulate.SPOF, mermaidCap int) {
	if len(spofs) == 0 {
		return
	}
	fmt.Fprintf(b, "### New single points of failure (%d)\n\n", len(spofs))
	shown := min(len(spofs), mermaidCap)
	for _, sp := range spofs[:shown] {
		fmt.Fprintf(b, "%s (%s) takes down %s\n\n", escape.MarkdownCode(sp.Node), escape.Markdown(string(sp.Level)), escape.Markdown(strings.Join(sp.Services, ", ")))
		if len(sp.Chain) < 2 {
			continue
		}
		b.WriteString("```mermaid\nflowchart LR\n")
		for i, id := range sp.Chain {
			shape := `[%s]`
			if i == len(sp.Chain)-1 {
				shape = `{{%s}}`
			}
			fmt.Fprintf(b, "  n%d"+shape+"\n", i, escape.MermaidLabel(escape.Shorten(id, 60)))
		}
		for i := 1; i < len(sp.Chain); i++ {
			fmt.Fprintf(b, "  n%d -->|needs| n%d\n", i-1, i)
		}
		fmt.Fprintf(b, "  style n%d fill:#fdd,stroke:#c00\n```\n\n", len(sp.Chain)-1)
	}
	if shown < len(spofs) {
		fmt.Fprintf(b, "_… and %d more new SPOFs; see the json report for their chains._\n\n", len(spofs)-shown)
	}
}

// ckWaiverTail is " (owner x, expires y)" with each part escaped for the
// medium.
func ckWaiverTail(w gate.Waiver, esc func(string) string) string {
	var parts []string
	if w.Owner != "" {
		parts = append(parts, "owner "+esc(w.Owner))
	}
	if w.Expires != "" {
		parts = append(parts, "expires "+esc(w.Expires))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func ckSigned(v float64, prec int) string {
	if v == 0 {
		return "±0"
	}
	return fmt.Sprintf("%+.*f", prec, v)
}

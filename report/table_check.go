package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate/gate"
)

// checkTable lays a check result out as plain terminal text: the verdict,
// why the gate failed, the score deltas, then new, fixed and waived
// findings and waivers to look at. Control characters from the estate are
// replaced so a hostile name cannot drive the terminal.
func checkTable(cr *CheckReport) string {
	r := cr.Check
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", escape.Terminal(r.Headline))
	if len(r.Reasons) > 0 {
		b.WriteString("\nWhy the gate failed\n")
		for _, reason := range cr.Reasons {
			fmt.Fprintf(&b, "  ✗ [%s] %s\n", escape.Terminal(strings.Join(reason.Terms, ", ")), escape.Terminal(reason.Message))
		}
	}
	if len(r.FailOn) > 0 {
		fmt.Fprintf(&b, "\nGate: fail on %s\n", escape.Terminal(strings.Join(r.FailOn, ", ")))
	}
	s := r.Scores
	b.WriteString("\nScores                     baseline        now     change\n")
	if s.NotScored {
		b.WriteString("  resilience             " + notScored + ": nothing to score\n")
	} else {
		fmt.Fprintf(&b, "  resilience             %8.1f %-2s %7.1f %-2s %8s\n", s.Resilience.Baseline, escape.Terminal(s.Grade[0]),
			s.Resilience.Current, escape.Terminal(s.Grade[1]), ckSigned(s.Resilience.Change, 1))
	}
	fmt.Fprintf(&b, "  lock-in                %8.2f    %7.2f    %8s\n", s.Lockin.Baseline, s.Lockin.Current, ckSigned(s.Lockin.Change, 2))
	for _, h := range []struct {
		name string
		d    gate.Delta
	}{{"HHI providers", s.HHIProviders}, {"HHI regions", s.HHIRegions}, {"HHI zones", s.HHIZones}} {
		fmt.Fprintf(&b, "  %-22s %8.0f    %7.0f    %8s\n", h.name, h.d.Baseline, h.d.Current, ckSigned(h.d.Change, 0))
	}
	fmt.Fprintf(&b, "\nNew findings (%d)\n", len(r.New))
	for _, f := range r.New {
		mark := " "
		if f.FailsGate {
			mark = "✗"
		}
		fmt.Fprintf(&b, "  %s %-8s %s\n      %s\n", mark, escape.Terminal(f.Severity), escape.Terminal(f.ID), escape.Terminal(f.Message))
	}
	fmt.Fprintf(&b, "\nFixed findings (%d)\n", len(r.Fixed))
	for _, f := range r.Fixed {
		fmt.Fprintf(&b, "  ✓ %-8s %s\n", escape.Terminal(f.Severity), escape.Terminal(f.ID))
	}
	fmt.Fprintf(&b, "\nWaived findings (%d)\n", len(r.Waived))
	for _, f := range r.Waived {
		fmt.Fprintf(&b, "  ~ %s: %s%s\n", escape.Terminal(f.ID), escape.Terminal(f.Waiver.Reason), ckWaiverTail(f.Waiver, escape.Terminal))
	}
	fmt.Fprintf(&b, "\nUnchanged findings: %d\n", len(r.Unchanged))
	if len(r.ExpiredWaivers) > 0 {
		fmt.Fprintf(&b, "\nExpired waivers (%d): they no longer waive\n", len(r.ExpiredWaivers))
		for _, wv := range r.ExpiredWaivers {
			fmt.Fprintf(&b, "  ! %s (expired %s): %s\n", escape.Terminal(wv.Selector()), escape.Terminal(wv.Expires), escape.Terminal(wv.Reason))
		}
	}
	if len(r.UnusedWaivers) > 0 {
		fmt.Fprintf(&b, "\nUnused waivers (%d): they match no finding\n", len(r.UnusedWaivers))
		for _, wv := range r.UnusedWaivers {
			fmt.Fprintf(&b, "  ? %s: %s\n", escape.Terminal(wv.Selector()), escape.Terminal(wv.Reason))
		}
	}
	if len(r.Gaps) > 0 {
		fmt.Fprintf(&b, "\nDiscovery was partial: %d coverage gap(s).\n", len(r.Gaps))
	}
	return b.String()
}

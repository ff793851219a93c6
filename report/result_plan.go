package report

import (
	"fmt"

	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
)

// The plan's and the check's sentences, computed once by NewPlan and
// NewCheck and said the same way by the table, Markdown and HTML.

// planCostSentence says what the plan takes off the worst outage at its
// goals' levels, or "" when no such outage costs anything.
func planCostSentence(pl *planner.Plan) string {
	c := pl.GoalOutageCostPerHour
	if c.Before <= 0 {
		return ""
	}
	if pl.DowntimeCostAvoidedPerHour <= 0 {
		return fmt.Sprintf("The worst outage at the goals' levels costs %s per hour before the plan and still %s after it.",
			Money(c.Before), Money(c.After))
	}
	return fmt.Sprintf("The worst outage at the goals' levels costs %s per hour before the plan and %s after it: %s per hour of outage avoided.",
		Money(c.Before), Money(c.After), Money(pl.DowntimeCostAvoidedPerHour))
}

// unreachableText says one failure the plan cannot answer, and why.
func unreachableText(u planner.Unreachable) (what, why string) {
	what = u.Goal
	if u.Node != "" {
		what = fmt.Sprintf("%s: %s %s stops %s", u.Goal, u.Level, compactID(u.Node), planServiceList(u.Services, nil))
	}
	return what, u.Reason
}

// GateReason is one line of "why the gate failed": the fail-on terms a
// new finding tripped, said once per finding, or a reason of its own (a
// score drop) with no finding.
type GateReason struct {
	Terms   []string
	Finding string // the finding's id, "" for a score reason
	Message string
}

// gateReasons groups a check's reasons by finding, in first-seen order, so
// a new SPOF that trips both "high" and "new-spof" is one line, and its
// message is told once, under the new findings.
func gateReasons(r *gate.CheckResult) []GateReason {
	var out []GateReason
	at := map[string]int{}
	for _, reason := range r.Reasons {
		if i, ok := at[reason.Finding]; ok && reason.Finding != "" {
			out[i].Terms = append(out[i].Terms, reason.Term)
			continue
		}
		if reason.Finding != "" {
			at[reason.Finding] = len(out)
		}
		out = append(out, GateReason{Terms: []string{reason.Term}, Finding: reason.Finding, Message: reason.Message})
	}
	return out
}

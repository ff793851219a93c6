package report

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/simulate/gate"
)

// The junit format of a check: the gate's terms and the findings.

func junitCheck(r *gate.CheckResult) junitSuites {
	var doc junitSuites
	gate := junitSuite{Name: "untether.gate"}
	for _, term := range r.FailOn {
		c := junitCase{Name: "fail-on " + term, ClassName: "untether.gate"}
		var msgs []string
		for _, reason := range r.Reasons {
			if junitTermMatches(term, reason.Term) {
				msgs = append(msgs, reason.Message)
			}
		}
		if len(msgs) > 0 {
			c.Failure = &junitFailure{Type: "gate", Message: msgs[0], Text: strings.Join(msgs, "\n")}
		}
		gate.Cases = append(gate.Cases, c)
	}
	doc.Suites = append(doc.Suites, gate)

	findings := junitSuite{Name: "untether.findings"}
	for _, f := range r.New {
		c := junitCase{Name: f.ID, ClassName: "untether." + f.Rule}
		if f.FailsGate {
			c.Failure = &junitFailure{Type: f.Rule, Message: f.Severity + ": " + f.Message, Text: f.Message}
		} else {
			c.SystemOut = "new " + f.Severity + " finding below the gate: " + f.Message
		}
		findings.Cases = append(findings.Cases, c)
	}
	for _, f := range r.Waived {
		msg := "waived: " + f.Waiver.Reason
		if f.Waiver.Expires != "" {
			msg += " (until " + f.Waiver.Expires + ")"
		}
		findings.Cases = append(findings.Cases, junitCase{Name: f.ID, ClassName: "untether." + f.Rule, Skipped: &junitSkipped{Message: msg}})
	}
	slices.SortStableFunc(findings.Cases, func(a, b junitCase) int { return strings.Compare(a.Name, b.Name) })
	doc.Suites = append(doc.Suites, findings)
	return doc
}

// junitTermMatches ties a gate reason to the fail-on term that raised it,
// by the term's class: a severity, new-spof, score-drop, lockin or hhi.
func junitTermMatches(term, reasonTerm string) bool {
	return junitTermClass(term) == junitTermClass(reasonTerm)
}

func junitTermClass(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if gate.SeverityRank(t) > 0 {
		return "severity"
	}
	if i := strings.IndexAny(t, "=>"); i >= 0 {
		return t[:i]
	}
	return t
}

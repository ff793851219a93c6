package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// JUnitWriter writes the junit format, for CI systems that show test
// results. For an audit: one test suite per outage class (provider, region,
// zone, managed service, resource) and in each one test case per critical
// service, failing when a single failure of that class takes the service
// down (with the SPOFs and their chains). For a check result: one test case
// per fail-on term of the gate, and one per new or waived finding (waived
// ones skipped). No timestamps or durations: the same result gives the same
// bytes.
type JUnitWriter struct{ unsupported }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// junitClasses are the outage classes, widest first, with the SPOF level
// that belongs to each.
var junitClasses = []struct {
	level graph.Level
	title string
}{
	{"provider", "provider outage"},
	{"region", "region outage"},
	{"zone", "zone outage"},
	{"service", "managed service outage"},
	{"resource", "single resource failure"},
}

func (JUnitWriter) Audit(w io.Writer, r *AuditReport, _ Options) error {
	return writeJUnit(w, junitAudit(r.Audit))
}

func (JUnitWriter) Check(w io.Writer, r *CheckReport, _ Options) error {
	return writeJUnit(w, junitCheck(r.Check))
}

func writeJUnit(w io.Writer, doc junitSuites) error {
	doc.Name = "untether"
	for i := range doc.Suites {
		s := &doc.Suites[i]
		s.Tests = len(s.Cases)
		for j := range s.Cases {
			junitInert(&s.Cases[j])
		}
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
			if c.Skipped != nil {
				s.Skipped++
			}
		}
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode junit: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	return nil
}

func junitAudit(a *simulate.Audit) junitSuites {
	var doc junitSuites
	var critical []simulate.ServiceScore
	for _, s := range a.Services {
		if s.Critical {
			critical = append(critical, s)
		}
	}
	slices.SortFunc(critical, func(x, y simulate.ServiceScore) int { return strings.Compare(x.Service, y.Service) })
	for _, class := range junitClasses {
		suite := junitSuite{Name: "untether." + string(class.level)}
		for _, svc := range critical {
			name := svc.Name
			if name == "" {
				name = svc.Service
			}
			c := junitCase{
				Name:      fmt.Sprintf("%s survives any single %s", name, class.title),
				ClassName: "untether." + string(class.level),
			}
			var lines, nodes []string
			for _, sp := range a.SPOFs {
				if sp.Level == class.level && slices.Contains(sp.Services, svc.Service) {
					nodes = append(nodes, sp.Node)
					lines = append(lines, fmt.Sprintf("%s takes %s down: %s", sp.Node, svc.Service, strings.Join(sp.Chain, " -> ")))
				}
			}
			if len(nodes) > 0 {
				c.Failure = &junitFailure{
					Type:    "spof-" + string(class.level),
					Message: fmt.Sprintf("%d single point(s) of failure: %s", len(nodes), strings.Join(nodes, ", ")),
					Text:    strings.Join(lines, "\n"),
				}
			} else {
				c.SystemOut = junitSurvival(svc, class.level)
			}
			suite.Cases = append(suite.Cases, c)
		}
		doc.Suites = append(doc.Suites, suite)
	}
	return doc
}

// junitSurvival says how many domains of the level the service survived.
func junitSurvival(svc simulate.ServiceScore, level graph.Level) string {
	for _, s := range svc.Survive {
		if s.Level == level {
			return fmt.Sprintf("survives %d of %d %s failure domains it depends on", s.Survived, s.Domains, level)
		}
	}
	return "no single " + string(level) + " failure takes it down"
}

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

// junitInert makes the estate text in a test case inert: encoding/xml
// escapes markup, but control, bidi and zero-width characters and workflow
// commands (a JUnit file is often printed in a CI log) are made visible here,
// line by line for the texts of several lines.
func junitInert(c *junitCase) {
	c.Name, c.ClassName = escape.Visible(c.Name), escape.Visible(c.ClassName)
	c.SystemOut = junitLines(c.SystemOut)
	if f := c.Failure; f != nil {
		f.Message, f.Type, f.Text = escape.Visible(f.Message), escape.Visible(f.Type), junitLines(f.Text)
	}
	if sk := c.Skipped; sk != nil {
		sk.Message = escape.Visible(sk.Message)
	}
}

func junitLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escape.Visible(l)
	}
	return strings.Join(lines, "\n")
}

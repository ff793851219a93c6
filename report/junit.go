package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
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

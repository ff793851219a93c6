package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// checkFixtureAudit is a hand-made audit with hostile text in it.
func checkFixtureAudit() *simulate.Audit {
	return &simulate.Audit{
		Version: simulate.AuditVersion,
		Score:   simulate.Score{Resilience: 61.2, Grade: "D"},
		Services: []simulate.ServiceScore{
			{Service: "service:checkout", Name: "checkout", Tier: 1, Critical: true,
				Survive: []simulate.Survival{{Level: "zone", Domains: 2, Survived: 1, Share: 0.5}}},
			{Service: "service:blog", Name: "blog", Tier: 4},
		},
		SPOFs: []simulate.SPOF{{Node: "aws_db_instance.orders", Level: "resource", Services: []string{"service:checkout"},
			Chain: []string{"service:checkout", "aws_instance.app", "aws_db_instance.orders"}}},
		Lockin:        simulate.Lockin{Estate: 0.35},
		Concentration: simulate.Concentration{Providers: simulate.HHI{Index: 10000}},
		Findings: []simulate.Finding{
			{ID: "spof-resource:aws_db_instance.orders", Rule: "spof-resource", Severity: "critical", Node: "aws_db_instance.orders",
				Services: []string{"service:checkout"}, Message: "orders <script>alert(1)</script>\n::error::injected 100%"},
			{ID: "lockin-proprietary:aws_dynamodb_table.carts", Rule: "lockin-proprietary", Severity: "low",
				Node: "aws_dynamodb_table.carts", Message: "DynamoDB is proprietary | alternatives: Cassandra"},
			{ID: "coverage-gap:aws/1/eu-west-1/rds", Rule: "coverage-gap", Severity: "medium", Message: "gap"},
		},
	}
}

func checkFixture(t *testing.T) *gate.CheckResult {
	t.Helper()
	base := gate.NewBaseline(&simulate.Audit{Score: simulate.Score{Resilience: 80, Grade: "B"},
		Findings: checkFixtureAudit().Findings[2:]})
	g, err := gate.ParseFailOn([]string{"high", "new-spof", "score-drop=5"})
	if err != nil {
		t.Fatal(err)
	}
	g.Waivers = []gate.Waiver{
		{Rule: "lockin-proprietary", Reason: "accepted by the board", Owner: "arch", Expires: "2030-01-01"},
		{ID: "old:*", Reason: "stale", Expires: "2020-01-01"},
	}
	return gate.Check(checkFixtureAudit(), base, g, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}

// checkReport is the check fixture's report, with source locations when
// loc is set, as the command computes it.
func checkReport(t *testing.T, loc func(string) (string, int, bool)) *CheckReport {
	t.Helper()
	return NewCheck(checkFixture(t), NewAudit(checkFixtureAudit(), AuditInput{Locate: loc}))
}

func locate(node string) (string, int, bool) {
	if node == "aws_db_instance.orders" {
		return "infra/db main.tf", 12, true
	}
	return "", 0, false
}

func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, SARIFWriter{}, "sarif", checkReport(t, locate), Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID, Level, BaselineState string
				RuleIndex                    int
				Suppressions                 []struct{ Justification string }
				Locations                    []struct {
					PhysicalLocation *struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 3 {
		t.Fatalf("%d results, want 3", len(run.Results))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at rule %d", r.RuleID, r.RuleIndex)
		}
		switch r.RuleID {
		case "spof-resource":
			pl := r.Locations[0].PhysicalLocation
			if r.Level != "error" || r.BaselineState != "new" || pl == nil ||
				pl.ArtifactLocation.URI != "infra/db%20main.tf" || pl.Region.StartLine != 12 {
				t.Errorf("spof result %+v", r)
			}
		case "lockin-proprietary":
			if r.Level != "note" || len(r.Suppressions) != 1 || !strings.Contains(r.Suppressions[0].Justification, "board") {
				t.Errorf("waived result %+v", r)
			}
			if r.Locations[0].PhysicalLocation != nil || r.Locations[0].LogicalLocations[0].FullyQualifiedName != "aws_dynamodb_table.carts" {
				t.Errorf("logical location %+v", r.Locations[0])
			}
		case "coverage-gap":
			if r.Level != "warning" || r.BaselineState != "unchanged" {
				t.Errorf("gap result %+v", r)
			}
		}
	}
	var again bytes.Buffer
	_ = Write(&again, SARIFWriter{}, "sarif", checkReport(t, locate), Options{})
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("SARIF differs between two runs")
	}
}

func TestJUnitParsesBack(t *testing.T) {
	type testcase struct {
		Name      string `xml:"name,attr"`
		ClassName string `xml:"classname,attr"`
		Failure   *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
		Skipped *struct{} `xml:"skipped"`
	}
	type doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string     `xml:"name,attr"`
			Cases []testcase `xml:"testcase"`
		} `xml:"testsuite"`
	}
	parse := func(result Result) doc {
		var buf bytes.Buffer
		if err := Write(&buf, JUnitWriter{}, "junit", result, Options{}); err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("junit does not parse: %v\n%s", err, buf.String())
		}
		return d
	}

	a := parse(NewAudit(checkFixtureAudit(), AuditInput{}))
	// 5 outage classes x 1 critical service; only the resource class fails.
	if a.Tests != 5 || a.Failures != 1 || len(a.Suites) != 5 {
		t.Fatalf("audit junit: tests %d failures %d suites %d", a.Tests, a.Failures, len(a.Suites))
	}
	res := a.Suites[4]
	if res.Name != "untether.resource" || res.Cases[0].Failure == nil ||
		!strings.Contains(res.Cases[0].Failure.Text, "service:checkout -> aws_instance.app -> aws_db_instance.orders") {
		t.Errorf("resource suite %+v", res)
	}

	c := parse(checkReport(t, nil))
	if c.Suites[0].Name != "untether.gate" || len(c.Suites[0].Cases) != 3 {
		t.Fatalf("gate suite %+v", c.Suites[0])
	}
	failed := 0
	for _, tc := range c.Suites[0].Cases {
		if tc.Failure != nil {
			failed++
		}
	}
	if failed != 3 { // high, new-spof and score-drop=5 (80 -> 61.2) all fail
		t.Errorf("%d gate cases failed, want 3", failed)
	}
	if c.Skipped != 1 {
		t.Errorf("skipped %d, want the one waived finding", c.Skipped)
	}
}

func TestGitHubAnnotationsEscape(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, GitHubWriter{}, "github", checkReport(t, locate), Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error") && !strings.HasPrefix(l, "::warning") && !strings.HasPrefix(l, "::notice") {
			t.Errorf("line is not a workflow command: %q", l)
		}
	}
	want := "::error file=infra/db main.tf,line=12,title=untether spof-resource%3A aws_db_instance.orders::" +
		"orders <script>alert(1)</script>\\n:\uff1aerror::injected 100%25"
	if !strings.Contains(out, want+"\n") {
		t.Errorf("missing escaped annotation\nwant %s\ngot\n%s", want, out)
	}
	if !strings.Contains(out, "::warning title=untether%3A expired waiver::") {
		t.Errorf("no expired-waiver warning:\n%s", out)
	}
}

func TestCheckMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, MarkdownWriter{}, "markdown", checkReport(t, nil), Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"## ❌ untether check: fail", "### Why the gate failed", "| Resilience (0-100) | 80.0 (B) | 61.2 (D) | -18.8 |",
		"```mermaid\nflowchart LR\n", `n2{{"aws_db_instance.orders"}}`, "&lt;script&gt;", "### Waived findings (1)",
		"### Expired waivers (1)", "fails the gate",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q\n%s", want, md)
		}
	}
	if strings.Contains(md, "<script>") {
		t.Error("markdown carries raw HTML from the estate")
	}
}

func TestCheckMarkdownStaysUnderCommentLimit(t *testing.T) {
	r := checkFixture(t)
	long := strings.Repeat("x", 300)
	for i := range 5000 {
		f := simulate.Finding{ID: "spof-resource:" + long + string(rune('a'+i%26)) + strings.Repeat("y", i%7),
			Rule: "spof-resource", Severity: "high", Node: long, Message: long}
		r.New = append(r.New, gate.CheckFinding{Finding: f, FailsGate: true})
		r.NewSPOFs = append(r.NewSPOFs, simulate.SPOF{Node: long, Level: "resource", Chain: []string{"s", long, long}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, MarkdownWriter{}, "markdown", NewCheck(r, nil), Options{}); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); n > 65536 {
		t.Fatalf("markdown is %d bytes, over GitHub's comment limit", n)
	}
	if !strings.Contains(buf.String(), "more new findings") {
		t.Error("no summary line for the findings left out")
	}
}

func TestCheckTable(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, TableWriter{}, "table", checkReport(t, nil), Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"untether check failed", "Why the gate failed", "New findings (1)", "✗ critical", "Waived findings (1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\r") {
		t.Error("control characters reached the terminal")
	}
}

func TestCheckWritersRefuseOtherResults(t *testing.T) {
	for _, w := range []Writer{SARIFWriter{}, JUnitWriter{}, GitHubWriter{}} {
		err := Write(&bytes.Buffer{}, w, "", NewSimulation(&simulate.Simulation{}), Options{})
		if _, ok := err.(*UnsupportedError); !ok {
			t.Errorf("%T: err %v, want *UnsupportedError", w, err)
		}
	}
}

// The schema must be able to fail: a wrong level and an unknown property.
func TestSARIFSchemaRejectsBadLogs(t *testing.T) {
	s := officialSARIFSchema(t)
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "severity": "high"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {}}]}]}`,
		`{"version": "2.0.0", "runs": []}`,
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(doc) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

func BenchmarkSARIFCheck(b *testing.B) {
	r := &gate.CheckResult{Version: gate.CheckVersion}
	for i := range 10000 {
		id := "spof-resource:aws_instance.n" + strings.Repeat("x", i%5) + string(rune('a'+i%26))
		r.New = append(r.New, gate.CheckFinding{Finding: simulate.Finding{ID: id, Rule: "spof-resource", Severity: "high", Node: id, Message: "m"}})
	}
	cr := NewCheck(r, nil)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, SARIFWriter{}, "sarif", cr, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

package report

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
)

// pairEstate is a small estate with a zone SPOF, a plan to fix it and names
// chosen by the caller, so every command has something to say.
func pairEstate(t *testing.T, name string) *graph.Estate {
	t.Helper()
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:shop", Class: graph.ClassService, Name: name + " shop", Tier: 1, DowntimeCostPerHour: 1200})
	for _, z := range []string{"use1-az1", "use1-az2"} {
		b.Zone("aws", "us-east-1", z)
	}
	b.Node(graph.Node{ID: "db", Class: graph.ClassResource, Kind: "database", Type: "AWS::RDS::DBInstance", Provider: "aws",
		Region: "us-east-1", Zones: []string{"use1-az1"}, Name: name + " orders", Tags: map[string]string{"team": name}})
	b.Place("db", "aws", "us-east-1", []string{"use1-az1"}, name)
	b.Edge("service:shop", "db", name)
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	e.Gaps = append(e.Gaps, graph.Gap{Provider: "aws", Account: name, Region: "us-east-1", Service: "rds", Status: "failed", Detail: name})
	return e
}

// pairResults computes every command's result on the estate, as the
// commands do.
func pairResults(t *testing.T, e *graph.Estate, inputs []string) map[string]Result {
	t.Helper()
	m, err := simulate.NewModel(e, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := m.Audit()
	sim, err := m.Simulate([]string{"zone:aws/us-east-1/use1-az1"})
	if err != nil {
		t.Fatal(err)
	}
	x, err := m.Explain("db")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gate.ParseFailOn([]string{"high", "new-spof"})
	if err != nil {
		t.Fatal(err)
	}
	check := gate.Check(a, gate.NewBaseline(&simulate.Audit{Score: simulate.Score{Resilience: 90, Grade: "A"}}), g,
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	plan, _, err := planner.BuildPlan(e, simulate.Options{}, planner.PlanRequest{Goals: []planner.Goal{{Kind: planner.GoalSurviveZone}}})
	if err != nil {
		t.Fatal(err)
	}
	ar := NewAudit(a, AuditInput{Estate: e, Inputs: inputs})
	return map[string]Result{"audit": ar, "simulation": NewSimulation(sim), "explanation": NewExplanation(x),
		"check": NewCheck(check, ar), "plan": NewPlan(plan, ar)}
}

// TestGoldenEveryResultAndFormat renders every result in every format and
// compares it with testdata/pairs/<result>.<format>; a pair the format
// cannot show must say so with an *UnsupportedError.
func TestGoldenEveryResultAndFormat(t *testing.T) {
	e := pairEstate(t, "plain")
	results := pairResults(t, e, []string{"pairs"})
	for rname, r := range results {
		for _, format := range Formats() {
			w, _ := Lookup(format)
			var buf = new(bytesBuffer)
			err := Write(buf, w, format, r, Options{Width: 100})
			var unsupported *UnsupportedError
			if errors.As(err, &unsupported) {
				golden(t, "pairs/"+rname+"."+format, []byte("unsupported\n"))
				continue
			}
			if err != nil {
				t.Fatalf("%s %s: %v", rname, format, err)
			}
			golden(t, "pairs/"+rname+"."+format, buf.Bytes())
		}
	}
}

// TestHostileEveryResultAndFormat puts hostile text in every name, tag,
// evidence and gap of an estate, computes every command's result from it
// and renders each in every format: no format may carry a raw control,
// bidi or zero-width character or a workflow command untether did not
// write, and the Markdown no live mention, link or HTML.
func TestHostileEveryResultAndFormat(t *testing.T) {
	e := pairEstate(t, hostileName)
	results := pairResults(t, e, []string{hostileName})
	for rname, r := range results {
		for _, format := range Formats() {
			w, _ := Lookup(format)
			buf := new(bytesBuffer)
			err := Write(buf, w, format, r, Options{Width: 80})
			var unsupported *UnsupportedError
			if errors.As(err, &unsupported) {
				continue
			}
			if err != nil {
				t.Fatalf("%s %s: %v", rname, format, err)
			}
			assertInertOutput(t, format+"/"+rname, buf.String())
			if format == "markdown" {
				assertMarkdownInert(t, "markdown/"+rname, buf.String())
			}
		}
	}
}

type bytesBuffer = bytes.Buffer

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/planner"
)

// planFixture plans survive-region on a two-region shop whose database name
// carries markup, so the writers' escaping is exercised too.
func planFixture(t *testing.T) *planner.Plan {
	t.Helper()
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "service:shop", Class: graph.ClassService, Name: "shop <b>", Tier: 1, DowntimeCostPerHour: 1200})
	for _, z := range []string{"use1-az1", "use1-az2"} {
		b.Zone("aws", "us-east-1", z)
	}
	b.Node(graph.Node{ID: "db", Class: graph.ClassResource, Kind: "database", Type: "AWS::RDS::DBInstance", Provider: "aws",
		Region: "us-east-1", Zones: []string{"use1-az1"}, Name: "orders|`db`"})
	b.Place("db", "aws", "us-east-1", []string{"use1-az1"}, "test")
	b.Edge("service:shop", "db", "test")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := planner.BuildPlan(e, simulate.Options{}, planner.PlanRequest{Goals: []planner.Goal{{Kind: planner.GoalSurviveZone}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWritePlanTable(t *testing.T) {
	p := planFixture(t)
	var a, b bytes.Buffer
	if err := Write(&a, TableWriter{}, "table", NewPlan(p, nil), Options{}); err != nil {
		t.Fatal(err)
	}
	_ = Write(&b, TableWriter{}, "table", NewPlan(p, nil), Options{})
	out := a.String()
	for _, want := range []string{"Resilience", "survive-zone", "met (verified)", "enable-multi-az", "Wave 1", "$1,200"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("colour escapes without Options.Color")
	}
	if a.String() != b.String() {
		t.Error("two renderings differ")
	}
	if err := Write(&a, TableWriter{}, "table", NewPlan(nil, nil), Options{}); err == nil {
		t.Error("nil plan accepted")
	}
}

func TestWritePlanMarkdown(t *testing.T) {
	p := planFixture(t)
	var b bytes.Buffer
	if err := Write(&b, MarkdownWriter{}, "markdown", NewPlan(p, nil), Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"# Migration plan", "## Waves", "`survive-zone`", "shop &lt;b&gt;", "orders\\|\\`db\\`"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<b>") {
		t.Error("unescaped markup from the estate")
	}
}

func TestPlanForHTML(t *testing.T) {
	p := planFixture(t)
	h := NewPlan(p, nil).html
	if h.Goal != "survive-zone" || len(h.Waves) != len(p.Waves) || h.Waves[0].Before.Resilience != p.Scores.Resilience.Before ||
		h.Waves[len(h.Waves)-1].After.Resilience != p.Scores.Resilience.After {
		t.Errorf("html plan %+v from %+v", h, p.Scores)
	}
	if NewPlan(nil, nil) != nil {
		t.Error("nil plan gave a value")
	}
}

package report

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

// Every writer method is given one result kind and the layout options, and
// the options say nothing but layout: no estate, audit or locator on the
// side, so a writer can only show what the result carries.
func TestWritersGetOnlyTheResult(t *testing.T) {
	wt := reflect.TypeFor[Writer]()
	for i := range wt.NumMethod() {
		m := wt.Method(i)
		ft := m.Type
		if ft.NumIn() != 3 || ft.In(0) != reflect.TypeFor[io.Writer]() || ft.In(2) != reflect.TypeFor[Options]() {
			t.Errorf("Writer.%s%v: want (io.Writer, *%sReport, Options)", m.Name, ft, m.Name)
			continue
		}
		if in := ft.In(1); in.Kind() != reflect.Pointer || in.Elem().Name() != m.Name+"Report" || !in.Implements(reflect.TypeFor[Result]()) {
			t.Errorf("Writer.%s takes %v, want *%sReport", m.Name, in, m.Name)
		}
	}
	ot := reflect.TypeFor[Options]()
	for i := range ot.NumField() {
		if k := ot.Field(i).Type.Kind(); k != reflect.Bool && k != reflect.Int {
			t.Errorf("Options.%s is a %v: options are layout only", ot.Field(i).Name, ot.Field(i).Type)
		}
	}
}

// A writer shows the sentences, rankings, costs and locations of the result
// it is given and never computes its own: here each derived field of the
// results is replaced by a marker, and every format that shows that field
// must show the marker. A writer that recomputed a headline, a risk, a cost,
// a verdict or a location from the core result would show the real one.
func TestWritersShowTheResultNotTheirOwnFigures(t *testing.T) {
	e := pairEstate(t, "plain")
	results := pairResults(t, e, []string{"pairs"})

	a := results["audit"].(*AuditReport)
	a.Headline = "MARK-HEADLINE"
	worst := *a.HeadlineScenario
	worst.CostPerHour = 987654
	a.HeadlineScenario = &worst
	a.Worst[0].CostPerHour = 876543
	a.Risks[0].What, a.Risks[0].Sentence = "MARK-WHAT", "MARK-RISK."
	a.ServicesByRisk = a.ServicesByRisk[:1]
	a.ServicesByRisk[0].Name = "MARK-SERVICE"
	a.Locations = map[string]Location{}
	for _, f := range a.Audit.Findings {
		a.Locations[f.Node] = Location{File: "mark.tf", Line: 77}
	}
	results["simulation"].(*SimulationReport).Headline = "MARK-SIMULATION"
	x := results["explanation"].(*ExplanationReport)
	x.Verdict, x.Title = "MARK-VERDICT", "MARK-TITLE"
	p := results["plan"].(*PlanReport)
	p.Cost, p.Verdicts[0] = "MARK-COST.", "MARK-GOAL"
	p.html = planForHTML(p)
	c := results["check"].(*CheckReport)
	c.Reasons[0].Message = "MARK-REASON"

	want := map[string]map[string][]string{ // result -> format -> markers it must show
		"audit": {
			"table":    {"MARK-HEADLINE", "$876,543", "MARK-WHAT"},
			"markdown": {"MARK-HEADLINE", "$876,543", "MARK-RISK."},
			"html":     {"MARK-HEADLINE", "$987,654", "MARK-RISK.", "MARK-SERVICE"},
			"sarif":    {"mark.tf"},
			"github":   {"file=mark.tf,line=77"},
		},
		"simulation":  {"table": {"MARK-SIMULATION"}, "markdown": {"MARK-SIMULATION"}},
		"explanation": {"table": {"MARK-VERDICT"}, "markdown": {"MARK-VERDICT", "MARK-TITLE"}},
		"plan":        {"table": {"MARK-COST.", "MARK-GOAL"}, "markdown": {"MARK-COST.", "MARK-GOAL"}, "html": {"MARK-COST.", "MARK-GOAL"}},
		"check":       {"table": {"MARK-REASON"}, "markdown": {"MARK-REASON"}, "sarif": {"mark.tf"}, "github": {"file=mark.tf"}},
	}
	for rname, formats := range want {
		for format, marks := range formats {
			w, _ := Lookup(format)
			out := string(render(t, w, results[rname], Options{Width: 200}))
			out = strings.Join(strings.Fields(strings.ReplaceAll(out, `\`, "")), " ")
			for _, m := range marks {
				if !strings.Contains(out, m) {
					t.Errorf("%s %s: the result's %q is not shown; the writer computed its own", rname, format, m)
				}
			}
		}
	}
}

package report

import (
	"html/template"
	"slices"
	"sort"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

// The HTML report renders a view built here, not the audit itself: every
// list is cut to a top-N with a count of the rest, every number is already
// formatted, and every long string already truncated, so the template stays
// simple and a 100,000-resource audit still makes a small page.

const (
	htmlTopRisks     = 6  // SPOFs shown per level
	htmlTopScenarios = 10 // bars per scenario chart
	htmlTopRows      = 12 // rows of lock-in and service tables
	htmlTopGaps      = 50
	htmlLabelRunes   = 34 // a name cut for a chart label
	htmlTextRunes    = 90 // a name cut for a table cell
	htmlTitleRunes   = 300
)

type htmlPage struct {
	CSS       template.CSS
	CSP       string
	Title     string
	Headline  htmlHeadline
	Facts     []htmlFact
	Risks     htmlRisks
	Scenarios htmlScenarios
	Lockin    htmlLockin
	Plan      *htmlPlanView
	Map       *htmlMap
	Appendix  htmlAppendix
}

type htmlHeadline struct {
	Score      string // "71.4"
	Grade      string
	GradeClass string // grade-a .. grade-f
	Verdict    string
	Sentence   string
	Delta      *htmlDelta
}

type htmlDelta struct {
	Text     string // "+3.2 points"
	Class    string // up, down or flat
	Baseline string // "68.2 (grade D)"
}

// htmlFact is one figure of the key-figures strip.
type htmlFact struct {
	Value string
	Label string
	Note  string
	Class string // "" or "bad"
}

// htmlText is a display string and the fuller one behind it (a tooltip).
type htmlText struct {
	Text string
	Full string
}

func buildPage(r *AuditReport, x *htmlExtras) *htmlPage {
	a := r.Audit
	p := &htmlPage{Title: "Resilience report"}
	if x.Title != "" {
		p.Title = htmlClip(x.Title, 120)
	}
	p.Headline = buildHeadline(r, x.Baseline)
	// The figure beside the headline is the headline's own outage.
	p.Facts = buildFacts(r)
	lab := &htmlLabeler{svc: r.Names, names: r.Labels}
	p.Risks = buildRisks(r, lab)
	p.Scenarios = buildScenarios(a, r.Names)
	p.Lockin = buildLockin(r)
	if x.Plan != nil {
		p.Plan = buildPlan(x.Plan, lab)
	}
	p.Map = r.Map
	p.Appendix = buildAppendix(r)
	return p
}

func buildHeadline(r *AuditReport, base *simulate.Score) htmlHeadline {
	a := r.Audit
	h := htmlHeadline{
		Score:    Decimal(a.Score.Resilience, 1),
		Grade:    htmlClip(a.Score.Grade, 2),
		Sentence: r.Headline,
	}
	h.GradeClass, h.Verdict = gradeLook(a.Score.Grade)
	if a.Score.NotScored {
		h.Score, h.Grade, h.GradeClass, h.Verdict = "–", "–", "grade-f", "Not scored: nothing to score"
	}
	if base != nil {
		d := a.Score.Resilience - base.Resilience
		h.Delta = &htmlDelta{Baseline: scoreLine(*base), Class: "flat", Text: "no change"}
		switch r := Decimal(d, 1); {
		case d >= 0.05:
			h.Delta.Class, h.Delta.Text = "up", "+"+r+" points"
		case d <= -0.05:
			h.Delta.Class, h.Delta.Text = "down", r+" points"
		}
	}
	return h
}

func gradeLook(grade string) (class, verdict string) {
	switch grade {
	case "A":
		return "grade-a", "Resilient"
	case "B":
		return "grade-b", "Mostly resilient"
	case "C":
		return "grade-c", "Exposed"
	case "D":
		return "grade-d", "Fragile"
	}
	return "grade-f", "Critically exposed"
}

func buildFacts(r *AuditReport) []htmlFact {
	a := r.Audit
	facts := []htmlFact{
		{Value: Number(a.Estate.Critical), Label: criticalTitle(a), Note: "of " + plural(a.Estate.Services, "service", "services")},
		{Value: Number(len(a.SPOFs)), Label: "Single points of failure", Note: spofNote(a.SPOFs)},
	}
	if len(a.SPOFs) > 0 {
		facts[1].Class = "bad"
	}
	if r.HeadlineScenario != nil {
		s := *r.HeadlineScenario
		f := htmlFact{Value: Number(s.CriticalDown) + " of " + Number(a.Estate.Critical), Label: "Stopped by the worst " + scenarioKindWord(s.Kind),
			Note: htmlClip(scenarioTarget(s, r.Names), 60), Class: "bad"}
		if s.CostPerHour > 0 {
			f.Note += " · " + Money(s.CostPerHour) + "/h"
		}
		facts = append(facts, f)
	}
	facts = append(facts,
		htmlFact{Value: percent(a.Lockin.Estate), Label: "Vendor lock-in", Note: lockinWord(a.Lockin.Estate)},
		htmlFact{Value: Number(int(a.Concentration.Providers.Index + 0.5)), Label: "Provider concentration (HHI)", Note: hhiBand(a.Concentration.Providers.Index)},
		htmlFact{Value: Number(a.Estate.Resources), Label: "Resources analysed", Note: plural(len(a.Gaps), "coverage gap", "coverage gaps")},
	)
	return facts
}

func criticalTitle(a *simulate.Audit) string {
	if a.Estate.EntryPoints {
		return "Entry points (no services declared)"
	}
	return "Critical services"
}

func spofNote(spofs []simulate.SPOF) string {
	count := map[graph.Level]int{}
	for _, s := range spofs {
		count[s.Level]++
	}
	var parts []string
	for _, l := range levelOrder() {
		if n := count[l]; n > 0 {
			parts = append(parts, Number(n)+" "+strings.ToLower(levelTitle(l)))
		}
	}
	if len(parts) == 0 {
		return "none found"
	}
	return strings.Join(parts, ", ")
}

func lockinWord(v float64) string {
	switch {
	case v < 0.25:
		return "mostly portable"
	case v < 0.5:
		return "moderately tied"
	case v < 0.75:
		return "strongly tied"
	}
	return "captive"
}

// htmlClip shortens estate text to n runes and makes hidden characters
// visible; html/template escapes the markup.
func htmlClip(s string, n int) string { return escape.Visible(escape.Shorten(s, n)) }

// text makes a display string with a bounded tooltip.
func htmlTextOf(s string, n int) htmlText {
	t := htmlText{Text: htmlClip(s, n)}
	if t.Text != s {
		t.Full = htmlClip(s, htmlTitleRunes)
	}
	return t
}

// htmlLabeler names a node: its display name for a service, else the
// estate's name when there is one, else a short id.
type htmlLabeler struct {
	names map[string]string
	svc   map[string]string
}

func (l *htmlLabeler) label(id string) string {
	if n, ok := l.svc[id]; ok {
		return n
	}
	if n, ok := l.names[id]; ok {
		return n
	}
	return shortID(graph.ServiceName(id))
}

// htmlTop returns the first n of s in the order of cmp, and how many were
// left out. It keeps a bounded buffer instead of sorting s, so a 100,000-entry
// list costs one pass; equal elements keep their input order.
func htmlTop[T any](s []T, n int, cmp func(a, b T) int) ([]T, int) {
	if n <= 0 {
		return nil, len(s)
	}
	top := make([]T, 0, min(n, len(s))+1)
	for _, v := range s {
		if len(top) == n && cmp(v, top[n-1]) >= 0 {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return cmp(v, top[i]) < 0 })
		top = slices.Insert(top, i, v)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top, len(s) - len(top)
}

// scenarioKindWord names a kind of outage for a label: "region outage".
func scenarioKindWord(kind string) string {
	switch kind {
	case "provider", "region", "zone":
		return kind + " outage"
	case "service":
		return "managed service outage"
	}
	return "outage"
}

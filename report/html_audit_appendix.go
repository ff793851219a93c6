package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// lockinProducts sums the non-portable resources by provider product, most
// captive and most used first, with the portable alternatives named.
func lockinProducts(rs []simulate.ResourceLockin) ([]htmlProduct, string) {
	type key struct{ provider, product, class string }
	type agg struct {
		key
		value float64
		count int
		alts  map[string]bool
	}
	byKey := map[key]*agg{}
	for _, r := range rs {
		product := r.Product
		if product == "" {
			product = r.Kind
		}
		k := key{r.Provider, product, r.Class}
		g := byKey[k]
		if g == nil {
			g = &agg{key: k, value: r.Value, alts: map[string]bool{}}
			byKey[k] = g
		}
		g.count++
		for _, alt := range r.Alternatives {
			if len(g.alts) < 16 {
				g.alts[alt] = true
			}
		}
	}
	all := make([]*agg, 0, len(byKey))
	for _, g := range byKey {
		all = append(all, g)
	}
	top, more := htmlTop(all, htmlTopRows, func(x, y *agg) int {
		return cmp.Or(cmp.Compare(y.value, x.value), cmp.Compare(y.count, x.count),
			cmp.Compare(x.provider, y.provider), cmp.Compare(x.product, y.product), cmp.Compare(x.class, y.class))
	})
	out := make([]htmlProduct, len(top))
	for i, g := range top {
		alts := htmlSortedKeys(g.alts)
		a := "none named"
		if len(alts) > 0 {
			a = joinAnd(alts, 4)
		}
		out[i] = htmlProduct{Product: htmlTextOf(g.product, 40), Provider: htmlClip(providerName(g.provider), 24),
			Class: htmlClip(g.class, 20), Count: Number(g.count), Alternatives: htmlTextOf(a, htmlTextRunes)}
	}
	if more > 0 {
		return out, "and " + plural(more, "other product", "other products") + " with less lock-in."
	}
	return out, ""
}

type htmlPlanView struct {
	Goal            string
	Headline, Cost  string
	Goals           []htmlGoalView
	Unreachable     []htmlReason
	MoreUnreachable string
	Waves           []htmlWaveView
	Chart           *svgChart
}

type htmlGoalView struct {
	Goal, Before, After, Verdict string
	Class                        string // "good" or "bad"
}

type htmlReason struct {
	What htmlText
	Why  htmlText
}

type htmlWaveView struct {
	Number  string
	Name    htmlText
	Actions []htmlActionView
	More    string
	Before  string
	After   string
	Delta   string
	Class   string
}

type htmlActionView struct {
	Title  htmlText
	Node   htmlText
	Effort string
	Cost   string
}

func buildPlan(p *htmlPlan, lab *htmlLabeler) *htmlPlanView {
	v := &htmlPlanView{Goal: htmlClip(p.Goal, 60), Headline: htmlClip(p.Headline, 400), Cost: p.Cost}
	for _, g := range p.Goals {
		gv := htmlGoalView{Goal: htmlClip(g.Goal, 60), Before: htmlClip(g.Before, 200), After: htmlClip(g.After, 200), Verdict: g.Verdict, Class: "good"}
		if !g.Met {
			gv.Class = "bad"
		}
		v.Goals = append(v.Goals, gv)
	}
	shown := p.Unreachable[:min(len(p.Unreachable), htmlTopRows)]
	for _, u := range shown {
		v.Unreachable = append(v.Unreachable, htmlReason{What: htmlTextOf(u[0], htmlTextRunes*2), Why: htmlTextOf(u[1], htmlTextRunes*3)})
	}
	if rest := len(p.Unreachable) - len(shown); rest > 0 {
		v.MoreUnreachable = "and " + plural(rest, "more failure", "more failures") + " out of reach."
	}
	if len(p.Waves) == 0 {
		return v
	}
	waves := p.Waves[:min(len(p.Waves), 20)]
	rows := make([]barInput, 0, len(waves)+1)
	rows = append(rows, barInput{Label: "Today", Segs: []float64{waves[0].Before.Resilience}, Class: []string{"seg-base"},
		Value: scoreLine(waves[0].Before)})
	for i, w := range waves {
		name := w.Name
		if name == "" {
			name = "Wave " + Number(i+1)
		}
		wv := htmlWaveView{Number: Number(i + 1), Name: htmlTextOf(name, 80), Before: scoreLine(w.Before), After: scoreLine(w.After), Class: "flat"}
		d := w.After.Resilience - w.Before.Resilience
		wv.Delta = Decimal(d, 1)
		if d > 0 {
			wv.Delta, wv.Class = "+"+wv.Delta, "up"
		} else if d < 0 {
			wv.Class = "down"
		}
		acts := w.Actions[:min(len(w.Actions), htmlTopRows)]
		for _, a := range acts {
			wv.Actions = append(wv.Actions, htmlActionView{Title: htmlTextOf(a.Title, htmlTextRunes), Node: htmlTextOf(lab.label(a.Node), 48),
				Effort: htmlClip(a.Effort, 20), Cost: htmlClip(a.Cost, 20)})
		}
		if rest := len(w.Actions) - len(acts); rest > 0 {
			wv.More = "and " + plural(rest, "more action", "more actions") + "."
		}
		v.Waves = append(v.Waves, wv)
		rows = append(rows, barInput{Label: "After " + strings.ToLower(htmlClip(name, 30)), Segs: []float64{w.After.Resilience},
			Class: []string{"seg-plan"}, Value: scoreLine(w.After)})
	}
	v.Chart = barChart("Resilience score after each wave", rows, 100, 4, func(x float64) string { return Decimal(x, 0) })
	return v
}

type htmlAppendix struct {
	Gaps     []htmlGap
	MoreGaps string
	Generic  []htmlGeneric
	Inputs   []htmlText
	Counts   []htmlFact
	Methods  []htmlMethod
}

type htmlGap struct {
	Where  htmlText
	Status string
	Detail htmlText
}

type htmlGeneric struct {
	Type  htmlText
	Count string
}

type htmlMethod struct {
	Name string
	Text htmlText
}

func buildAppendix(r *AuditReport) htmlAppendix {
	a := r.Audit
	var out htmlAppendix
	gaps, more := htmlTop(a.Gaps, htmlTopGaps, func(p, q graph.Gap) int {
		return cmp.Or(cmp.Compare(p.Provider, q.Provider), cmp.Compare(p.Account, q.Account), cmp.Compare(p.Region, q.Region),
			cmp.Compare(p.Service, q.Service), cmp.Compare(p.Status, q.Status), cmp.Compare(p.Detail, q.Detail))
	})
	for _, g := range gaps {
		where := strings.Join(slices.DeleteFunc([]string{providerName(g.Provider), g.Account, g.Region, g.Service}, func(s string) bool { return s == "" }), " · ")
		out.Gaps = append(out.Gaps, htmlGap{Where: htmlTextOf(where, htmlTextRunes), Status: htmlClip(strings.ReplaceAll(g.Status, "_", " "), 20),
			Detail: htmlTextOf(g.Detail, htmlTextRunes)})
	}
	if more > 0 {
		out.MoreGaps = "and " + plural(more, "more gap", "more gaps") + "."
	}
	generic, _ := htmlTop(a.Estate.Generic, htmlTopRows, func(p, q simulate.TypeCount) int {
		return cmp.Or(cmp.Compare(q.Count, p.Count), cmp.Compare(p.Type, q.Type))
	})
	for _, g := range generic {
		out.Generic = append(out.Generic, htmlGeneric{Type: htmlTextOf(g.Type, 60), Count: Number(g.Count)})
	}
	for _, in := range r.Inputs[:min(len(r.Inputs), htmlTopRows)] {
		out.Inputs = append(out.Inputs, htmlTextOf(in, htmlTextRunes))
	}
	e := a.Estate
	out.Counts = []htmlFact{
		{Value: Number(e.Nodes), Label: "nodes"}, {Value: Number(e.Edges), Label: "dependencies"},
		{Value: Number(e.Resources), Label: "resources"}, {Value: Number(e.Services), Label: "business services"},
		{Value: Number(len(a.Scenarios)), Label: "outage scenarios simulated"}, {Value: Number(len(a.Findings)), Label: "findings"},
	}
	out.Methods = methods(a)
	return out
}

// methods is the method behind every number the report shows.
func methods(a *simulate.Audit) []htmlMethod {
	m := []htmlMethod{
		{Name: "Resilience score", Text: htmlTextOf(orDefault(a.Score.Method, "Not given by the audit."), 2000)},
		{Name: "Single points of failure", Text: htmlTextOf("A node (resource, zone, region, managed service or provider) whose failure alone takes at least one critical service down, found by failing every node in turn; each comes with the dependency chain that proves it.", 2000)},
		{Name: "Outage scenarios", Text: htmlTextOf("Each provider, region and zone (and each regional managed service) is failed alone; a service is down when anything it needs is down and no redundancy group keeps enough members up. Cost per hour sums the declared downtime cost of the services down.", 2000)},
		{Name: "Vendor lock-in", Text: htmlTextOf(orDefault(a.Lockin.Method, "Not given by the audit."), 2000)},
		{Name: "Concentration", Text: htmlTextOf(orDefault(a.Concentration.Method, "Not given by the audit.")+" Read with the long-standing competition thresholds: below 1,500 unconcentrated, 1,500 to 2,500 moderately concentrated, above 2,500 highly concentrated.", 2000)},
	}
	// Each service's availability method shares the model and differs only
	// in how its figures were computed: the model is said once, the rest is
	// per service in the json report.
	var models []string
	for _, s := range a.Services {
		if s.Availability == nil || s.Availability.Method == "" {
			continue
		}
		model, _, _ := strings.Cut(s.Availability.Method, "; ")
		if !slices.Contains(models, model) {
			models = append(models, model)
		}
	}
	slices.Sort(models)
	if len(models) > 0 {
		text := strings.Join(models, ". ") + ". How each service's figure was computed (exactly, or sampled with its interval) is in the json report."
		m = append(m, htmlMethod{Name: "Availability", Text: htmlTextOf(text, 4000)})
	}
	return m
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

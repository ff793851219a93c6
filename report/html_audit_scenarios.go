package report

import (
	"cmp"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

type htmlScenarios struct {
	Groups []htmlScenarioGroup
	None   bool // the audit ran no scenario
}

// htmlScenarioGroup is the chart of one kind of outage (provider, region ...).
type htmlScenarioGroup struct {
	Title   string
	Summary string // "3 of 12 zone outages stop at least one service."
	Chart   *svgChart
	More    string
}

// scenarioKinds orders the outage charts widest first; other kinds follow.
var scenarioKinds = []struct{ kind, title, noun string }{
	{"provider", "Provider outages", "provider"},
	{"region", "Region outages", "region"},
	{"zone", "Zone outages", "zone"},
	{"service", "Managed service outages", "managed service"},
	{"preset", "Modelled real-world events", "event"},
	{"custom", "Custom scenarios", "scenario"},
}

func buildScenarios(a *simulate.Audit, names map[string]string) htmlScenarios {
	var out htmlScenarios
	if len(a.Scenarios) == 0 {
		out.None = true
		return out
	}
	byKind := map[string][]simulate.Scenario{}
	for _, s := range a.Scenarios {
		byKind[s.Kind] = append(byKind[s.Kind], s)
	}
	kinds := scenarioKinds
	known := map[string]bool{}
	for _, k := range kinds {
		known[k.kind] = true
	}
	for _, k := range htmlSortedKeys(byKind) {
		if !known[k] {
			kinds = append(kinds, struct{ kind, title, noun string }{k, "Other scenarios (" + htmlClip(k, 30) + ")", "scenario"})
		}
	}
	scale := float64(a.Estate.Services)
	for _, s := range a.Scenarios {
		scale = max(scale, float64(len(s.ServicesDown)))
	}
	for _, k := range kinds {
		ss := byKind[k.kind]
		if len(ss) == 0 {
			continue
		}
		out.Groups = append(out.Groups, scenarioGroup(names, k.title, k.noun, ss, scale))
	}
	return out
}

func scenarioGroup(names map[string]string, title, noun string, ss []simulate.Scenario, scale float64) htmlScenarioGroup {
	hit := 0
	for _, s := range ss {
		if len(s.ServicesDown) > 0 {
			hit++
		}
	}
	g := htmlScenarioGroup{Title: title,
		Summary: Number(hit) + " of " + plural(len(ss), noun+" outage", noun+" outages") + " stop at least one service."}
	if len(ss) == 1 {
		g.Summary = "The " + noun + " outage stops " + plural(len(ss[0].ServicesDown), "service", "services") + "."
	}
	top, more := htmlTop(ss, htmlTopScenarios, func(x, y simulate.Scenario) int {
		return cmp.Or(cmp.Compare(y.CriticalDown, x.CriticalDown), cmp.Compare(len(y.ServicesDown), len(x.ServicesDown)),
			cmp.Compare(y.CostPerHour, x.CostPerHour), cmp.Compare(y.ResourcesDown, x.ResourcesDown), cmp.Compare(x.Name, y.Name))
	})
	rows := make([]barInput, 0, len(top))
	for _, s := range top {
		crit := float64(s.CriticalDown)
		other := float64(max(len(s.ServicesDown)-s.CriticalDown, 0))
		v := Number(len(s.ServicesDown)) + " down"
		if s.CriticalDown > 0 {
			v += " · " + Number(s.CriticalDown) + " critical"
		}
		if s.CostPerHour > 0 {
			v += " · " + Money(s.CostPerHour) + "/h"
		}
		if len(s.ServicesDown) == 0 {
			v = "no service down"
			if s.ResourcesDown > 0 {
				v += " · " + plural(s.ResourcesDown, "resource", "resources")
			}
		}
		rows = append(rows, barInput{Label: chartTarget(s, names), Segs: []float64{crit, other},
			Class: []string{"seg-crit", "seg-other"}, Value: v})
	}
	top2, ticks := countScale(scale)
	g.Chart = barChart(title+": services down per outage", rows, top2, ticks, func(v float64) string { return Decimal(v, 0) })
	if more > 0 {
		g.More = "The " + plural(more, "other "+noun+" outage", "other "+noun+" outages") + " stop fewer services."
	}
	return g
}

// chartTarget is scenarioTarget, shorter for a zone, whose chart already
// says "zone": "GCP europe-west1-b" rather than "GCP europe-west1 zone europe-west1-b".
func chartTarget(s simulate.Scenario, names map[string]string) string {
	if s.Kind == string(graph.LevelZone) && len(s.Nodes) == 1 {
		if p := graph.ZoneShortPhrase(s.Nodes[0]); p != "" {
			return p
		}
	}
	return scenarioTarget(s, names)
}

type htmlLockin struct {
	Estate       string
	Word         string
	Providers    *svgChart
	Services     *svgChart
	MoreServices string
	Products     []htmlProduct
	MoreProducts string
	HHI          []htmlHHI
}

// htmlProduct is the lock-in of one provider product across its resources.
type htmlProduct struct {
	Product      htmlText
	Provider     string
	Class        string
	Count        string
	Alternatives htmlText
}

type htmlHHI struct {
	Title string
	Index string
	Word  string
	Class string
	Chart *svgChart
	More  string
}

func buildLockin(r *AuditReport) htmlLockin {
	l := r.Audit.Lockin
	out := htmlLockin{Estate: percent(l.Estate), Word: lockinWord(l.Estate)}
	if len(l.Providers) > 0 {
		ps, _ := htmlTop(l.Providers, htmlTopRows, func(x, y simulate.ProviderLockin) int {
			return cmp.Or(cmp.Compare(y.Share, x.Share), cmp.Compare(x.Provider, y.Provider))
		})
		rows := make([]barInput, len(ps))
		for i, p := range ps {
			rows[i] = barInput{Label: providerName(p.Provider), Segs: []float64{p.Share}, Class: []string{"seg-lock"},
				Value: percent(p.Share) + " of lock-in weight · " + percent(p.Lockin) + " captive"}
		}
		out.Providers = barChart("Lock-in weight by provider", rows, 1, 4, percent)
	}
	if len(l.Services) > 0 {
		names := r.Names
		ss, more := htmlTop(l.Services, htmlTopRows, func(x, y simulate.ServiceLockin) int {
			return cmp.Or(cmp.Compare(y.Lockin, x.Lockin), cmp.Compare(x.Service, y.Service))
		})
		rows := make([]barInput, len(ss))
		for i, s := range ss {
			rows[i] = barInput{Label: serviceName(names, s.Service), Segs: []float64{s.Lockin}, Class: []string{"seg-lock"},
				Value: percent(s.Lockin) + " captive"}
		}
		out.Services = barChart("Lock-in by business service", rows, 1, 4, percent)
		if more > 0 {
			out.MoreServices = "and " + plural(more, "less tied service", "less tied services") + "."
		}
	}
	out.Products, out.MoreProducts = lockinProducts(l.Resources)
	out.HHI = []htmlHHI{
		hhiView("Providers", r.Audit.Concentration.Providers, providerName),
		hhiView("Regions", r.Audit.Concentration.Regions, nil),
		hhiView("Zones", r.Audit.Concentration.Zones, nil),
	}
	return out
}

func hhiView(title string, h simulate.HHI, name func(string) string) htmlHHI {
	v := htmlHHI{Title: title, Index: Number(int(h.Index + 0.5)), Word: hhiBand(h.Index), Class: "ok"}
	if h.Index > 2500 {
		v.Class = "bad"
	} else if h.Index >= 1500 {
		v.Class = "warn"
	}
	shares, more := htmlTop(h.Shares, 8, func(x, y simulate.Share) int {
		return cmp.Or(cmp.Compare(y.Share, x.Share), cmp.Compare(x.Key, y.Key))
	})
	rows := make([]barInput, len(shares))
	for i, s := range shares {
		label := s.Key
		if name != nil {
			label = name(s.Key)
		}
		rows[i] = barInput{Label: label, Segs: []float64{s.Share}, Class: []string{"seg-conc"}, Value: percent100(s.Share) + " of critical weight"}
	}
	if len(rows) > 0 {
		v.Chart = barChart(title+": share of critical weight", rows, 100, 4, percent100)
	}
	if more > 0 {
		v.More = "and " + Number(more) + " more " + strings.ToLower(title) + " with smaller shares."
	}
	return v
}

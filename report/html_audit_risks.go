package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

type htmlRisks struct {
	Levels  []htmlRiskLevel
	Doubles []htmlDouble
	MoreDbl int
	Weakest []htmlServiceRow
	MoreSvc int
}

// htmlRiskLevel is the SPOFs of one level: the worst few, and how many more.
type htmlRiskLevel struct {
	Title string
	Level string
	Count string
	Items []htmlRisk
	More  string
}

type htmlRisk struct {
	What     htmlText
	Sentence htmlText
	Chain    htmlText
	Stops    string
}

type htmlDouble struct {
	Pair     htmlText
	Services string
}

// htmlServiceRow is one service of the weakest-services table.
type htmlServiceRow struct {
	Name         htmlText
	Tier         string
	Score        string
	ScoreClass   string
	Survive      []string // resource, zone, region, provider: "2 of 3"
	Availability string
}

func buildRisks(ar *AuditReport, lab *htmlLabeler) htmlRisks {
	a := ar.Audit
	var out htmlRisks
	chains := ar.Chains
	byLevel := map[graph.Level][]Risk{}
	for _, r := range ar.Risks {
		// The estate knows resource names the audit does not carry.
		if name, ok := lab.names[r.Node]; ok && r.Level == "resource" && name != r.What {
			if rest, ok := strings.CutPrefix(r.Sentence, "If "+r.What+" "); ok {
				r.Sentence = "If " + name + " " + rest
			}
			r.What = name
		}
		if ch, ok := chains[r.Node]; ok && len(lab.names) > 0 {
			r.Chain = make([]string, len(ch))
			for i, id := range ch {
				r.Chain[i] = lab.label(id)
			}
		}
		byLevel[r.Level] = append(byLevel[r.Level], r)
	}
	levels := levelOrder()
	for _, l := range htmlSortedKeys(byLevel) { // levels the helpers do not know still show
		if rank(l) == len(levelRank) {
			levels = append(levels, l)
		}
	}
	for _, l := range levels {
		rs := byLevel[l]
		if len(rs) == 0 {
			continue
		}
		lv := htmlRiskLevel{Title: htmlClip(levelTitle(l), 40), Level: htmlClip(string(l), 40), Count: Number(len(rs))}
		shown := rs[:min(len(rs), htmlTopRisks)]
		for _, r := range shown {
			lv.Items = append(lv.Items, htmlRisk{
				What:     htmlTextOf(r.What, 60),
				Sentence: htmlTextOf(r.Sentence, 220),
				Chain:    htmlTextOf(strings.Join(r.Chain, " → "), 160),
				Stops:    plural(len(r.Services), "service", "services"),
			})
		}
		if rest := len(rs) - len(shown); rest > 0 {
			lv.More = "and " + Number(rest) + " more at this level (see the JSON report for every one)."
		}
		out.Levels = append(out.Levels, lv)
	}
	names := ar.Names
	doubles, more := htmlTop(a.DoublePoints, 5, func(x, y simulate.DoublePoint) int {
		return cmp.Or(cmp.Compare(len(y.Services), len(x.Services)), cmp.Compare(x.Nodes[0], y.Nodes[0]), cmp.Compare(x.Nodes[1], y.Nodes[1]))
	})
	for _, d := range doubles {
		svcs := make([]string, len(d.Services))
		for i, s := range d.Services {
			svcs[i] = serviceName(names, s)
		}
		out.Doubles = append(out.Doubles, htmlDouble{
			Pair:     htmlTextOf(nodeName(lab.svc, d.Nodes[0], "")+" + "+nodeName(lab.svc, d.Nodes[1], ""), htmlTextRunes),
			Services: htmlClip(joinAnd(svcs, 3), htmlTextRunes),
		})
	}
	out.MoreDbl = more
	out.Weakest, out.MoreSvc = weakestServices(ar.ServicesByRisk)
	return out
}

// weakestServices lists the first services of the report's one ranking
// (ServicesByRisk: most critical tier, then weakest, first), as the table
// and markdown do, and how many more there are.
func weakestServices(ranked []simulate.ServiceScore) ([]htmlServiceRow, int) {
	svcs := ranked[:min(len(ranked), htmlTopRows)]
	more := len(ranked) - len(svcs)
	rows := make([]htmlServiceRow, 0, len(svcs))
	for _, s := range svcs {
		name := s.Name
		if name == "" {
			name = graph.ServiceName(s.Service)
		}
		r := htmlServiceRow{Name: htmlTextOf(name, 48), Tier: Number(s.Tier), Score: Decimal(s.Score, 1), Availability: "—"}
		r.ScoreClass, _ = gradeLook(simulate.Grade(s.Score))
		for _, l := range scoreLevels {
			r.Survive = append(r.Survive, survivalText(s.Survive, l))
		}
		if av := s.Availability; av != nil {
			r.Availability = Decimal(av.Nines, 1) + " nines · " + Number(int(av.DowntimeMinYr+0.5)) + " min/yr"
		}
		rows = append(rows, r)
	}
	return rows, more
}

func survivalText(ss []simulate.Survival, level graph.Level) string {
	for _, s := range ss {
		if s.Level == level {
			if s.Domains == 0 {
				return "—"
			}
			return Number(s.Survived) + " of " + Number(s.Domains)
		}
	}
	return "—"
}

func htmlCmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func htmlSortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

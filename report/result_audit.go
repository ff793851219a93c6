package report

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// NewAudit computes the audit's report: every sentence, ranking, name, cost
// and location any format shows, once, so the terminal, Markdown, HTML,
// SARIF, JUnit and GitHub reports say the same thing in the same words.
func NewAudit(a *simulate.Audit, in AuditInput) *AuditReport {
	if a == nil {
		return nil
	}
	r := &AuditReport{Audit: a, Names: serviceNames(a), Worst: worstScenarios(a, 0),
		ServicesByRisk: servicesByRisk(a.Services, 0), LeastPortable: leastPortable(a.Lockin.Resources, 0),
		DoublePoints: max(a.DoublePointsTotal, len(a.DoublePoints)), Chains: spofChains(a.SPOFs), Inputs: in.Inputs}
	if s, ok := headlineScenario(r.Worst); ok {
		r.HeadlineScenario = &s
	}
	r.Headline = headline(a, r.HeadlineScenario, r.Names)
	r.Risks = risks(a, r.Names)
	r.Locations = locations(a.Findings, r.Chains, in.Locate)
	if in.Estate != nil {
		r.Labels = estateLabels(in.Estate)
		r.Map = buildMap(a, in.Estate)
	}
	return r
}

// headline is the one sentence an executive reads first, such as "If AWS
// us-east-1 fails, 4 of 9 critical services stop, costing about $38,000 per
// hour." It names the worst scenario (most critical services down, then the
// highest cost); when no outage stops anything it says so.
func headline(a *simulate.Audit, worst *simulate.Scenario, names map[string]string) string {
	noun := criticalNoun(a)
	total := a.Estate.Critical
	if total == 0 {
		return fmt.Sprintf("The estate declares no %s, so no outage can be scored against them.", noun)
	}
	if s := worst; s != nil {
		stop := "stop"
		if s.CriticalDown == 1 {
			stop = "stops"
		}
		line := fmt.Sprintf("If %s fails, %d of %s %s", scenarioTarget(*s, names), s.CriticalDown,
			plural(total, singular(noun), noun), stop)
		if s.CostPerHour > 0 {
			line += ", costing " + Money(s.CostPerHour) + " per hour"
		}
		return line + "."
	}
	if n := len(a.SPOFs); n > 0 {
		return fmt.Sprintf("No provider, region or zone outage stops any of the %s, but %s can each stop one alone.",
			plural(total, singular(noun), noun), plural(n, "single point of failure", "single points of failure"))
	}
	return fmt.Sprintf("No single failure and no simulated outage stops any of the %s.",
		plural(total, singular(noun), noun))
}

// headlineScenario is the outage the headline speaks of: the worst region
// outage, the kind that really happens and that a plan can answer (a whole
// provider failing is rarer and stops nearly everything by construction);
// the worst outage of any kind when no region outage stops a critical
// service.
func headlineScenario(worst []simulate.Scenario) (simulate.Scenario, bool) {
	for _, s := range worst {
		if s.Kind == "region" && s.CriticalDown > 0 {
			return s, true
		}
	}
	if len(worst) == 0 || worst[0].CriticalDown == 0 {
		return simulate.Scenario{}, false
	}
	return worst[0], true
}

// worstScenarios returns up to n scenarios that stop at least one service,
// worst first: most critical services down, ties broken by weighted
// services down, cost per hour, resources down, then name; n <= 0 means all
// of them.
func worstScenarios(a *simulate.Audit, n int) []simulate.Scenario {
	if a == nil {
		return nil
	}
	var out []simulate.Scenario
	for _, s := range a.Scenarios {
		if len(s.ServicesDown) > 0 || s.CriticalDown > 0 {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(x, y simulate.Scenario) int {
		switch {
		case x.CriticalDown != y.CriticalDown:
			return y.CriticalDown - x.CriticalDown
		case x.WeightedDown != y.WeightedDown:
			return y.WeightedDown - x.WeightedDown
		case x.CostPerHour != y.CostPerHour:
			if x.CostPerHour > y.CostPerHour {
				return -1
			}
			return 1
		case x.ResourcesDown != y.ResourcesDown:
			return y.ResourcesDown - x.ResourcesDown
		}
		return strings.Compare(x.Name, y.Name)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Risk is one single point of failure told in plain words.
type Risk struct {
	Node  string      // the SPOF's node id
	Level graph.Level // resource, zone, region, service or provider
	// What names the node for a reader ("AWS us-east-1 zone use1-az1").
	What string
	// Services are the display names of the critical services it stops.
	Services []string
	// CostPerHour is the cost of its outage when a scenario measured it.
	CostPerHour float64
	// Chain is the proving dependency path with ids shortened.
	Chain []string
	// Sentence says the risk and its consequence in one plain sentence.
	Sentence string
}

// levelRank orders SPOF levels from the widest failure domain down.
var levelRank = map[graph.Level]int{graph.LevelProvider: 0, graph.LevelRegion: 1, graph.LevelService: 2, graph.LevelZone: 3, graph.LevelResource: 4}

// levelOrder lists the SPOF levels from the widest failure domain down.
func levelOrder() []graph.Level {
	return []graph.Level{graph.LevelProvider, graph.LevelRegion, graph.LevelService, graph.LevelZone, graph.LevelResource}
}

// levelTitle names a SPOF level in plain words ("Managed services").
func levelTitle(level graph.Level) string {
	switch level {
	case "provider":
		return "Providers"
	case "region":
		return "Regions"
	case "service":
		return "Managed services"
	case "zone":
		return "Zones"
	case "resource":
		return "Resources"
	}
	return string(level)
}

// risks turns the audit's SPOFs into plain-language risks, widest level
// first, then most services stopped, then node id.
func risks(a *simulate.Audit, names map[string]string) []Risk {
	cost := scenarioCosts(a)
	risks := make([]Risk, len(a.SPOFs))
	// Each risk is its SPOF's alone: at a million resources there are
	// hundreds of thousands, made on every core, each into its own place.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(risks)/4096))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var lists stringBlock
			for k := len(risks) * w / workers; k < len(risks)*(w+1)/workers; k++ {
				risks[k] = newRisk(a.SPOFs[k], names, cost, &lists)
			}
		})
	}
	wg.Wait()
	// Sorted by level rank, then services, then node: the rank looked up
	// once per risk, not per comparison.
	order := make([]int, len(risks))
	ranks := make([]int, len(risks))
	for k := range risks {
		order[k], ranks[k] = k, rank(risks[k].Level)
	}
	slices.SortStableFunc(order, func(i, j int) int {
		x, y := &risks[i], &risks[j]
		if d := ranks[i] - ranks[j]; d != 0 {
			return d
		}
		if d := len(y.Services) - len(x.Services); d != 0 {
			return d
		}
		return strings.Compare(x.Node, y.Node)
	})
	sorted := make([]Risk, len(risks))
	for k, i := range order {
		sorted[k] = risks[i]
	}
	return sorted
}

// stringBlock hands out string lists carved from shared blocks: one
// allocation per few thousand lists.
type stringBlock struct{ block []string }

func (b *stringBlock) carve(n int) []string {
	if n > cap(b.block)-len(b.block) {
		b.block = make([]string, 0, max(n, 4<<10))
	}
	lo := len(b.block)
	b.block = b.block[:lo+n]
	return b.block[lo : lo+n : lo+n]
}

func newRisk(sp simulate.SPOF, names map[string]string, cost map[string]float64, lists *stringBlock) Risk {
	r := Risk{Node: sp.Node, Level: sp.Level, What: nodeName(names, sp.Node, sp.Level), CostPerHour: cost[sp.Node]}
	if len(sp.Services) > 0 {
		r.Services = lists.carve(len(sp.Services))
		for k, s := range sp.Services {
			r.Services[k] = serviceName(names, s)
		}
	}
	if len(sp.Chain) > 0 {
		r.Chain = lists.carve(len(sp.Chain))
		for k, c := range sp.Chain {
			r.Chain[k] = nodeName(names, c, "")
		}
	}
	r.Sentence = "If " + r.What + " fails, " + joinAnd(r.Services, 4) + " " + pluralVerb(len(r.Services), "stops", "stop")
	if r.CostPerHour > 0 {
		r.Sentence += ", costing " + Money(r.CostPerHour) + " per hour"
	}
	r.Sentence += "."
	return r
}

func rank(level graph.Level) int {
	if r, ok := levelRank[level]; ok {
		return r
	}
	return len(levelRank)
}

// scenarioCosts maps a failed node id to the cost of a single-selector
// scenario that failed exactly it, when the audit carries one.
func scenarioCosts(a *simulate.Audit) map[string]float64 {
	out := map[string]float64{}
	for _, s := range a.Scenarios {
		if len(s.Nodes) != 1 || s.CostPerHour <= 0 {
			continue
		}
		id := s.Nodes[0]
		out[id] = max(out[id], s.CostPerHour)
	}
	return out
}

// serviceNames maps node ids to display names: the audit's own (the names
// every command shows), else the service scores' names; a service without
// a name shows its id without "service:".
func serviceNames(a *simulate.Audit) map[string]string {
	if a.Names != nil {
		return a.Names
	}
	m := make(map[string]string, len(a.Services))
	for _, s := range a.Services {
		if s.Name != "" {
			m[s.Service] = s.Name
		}
	}
	return m
}

// nodeName is a node's display name from the result, else a phrase made
// from its id.
func nodeName(names map[string]string, id string, level graph.Level) string {
	if n, ok := names[id]; ok {
		return n
	}
	return nodePhrase(id, level)
}

func serviceName(names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return graph.ServiceName(id)
}

func criticalNoun(a *simulate.Audit) string {
	if a.Estate.EntryPoints {
		return "entry points"
	}
	return "critical services"
}

func singular(noun string) string { return strings.TrimSuffix(noun, "s") }

// spofChains maps each SPOF node to the chain that proves it.
func spofChains(spofs []simulate.SPOF) map[string][]string {
	m := make(map[string][]string, len(spofs))
	for _, s := range spofs {
		m[s.Node] = s.Chain
	}
	return m
}

// locations says where in source each finding belongs: its node's
// declaration, or for a zone, region or provider SPOF (declared nowhere) the
// declaration of the last node on its chain that has one, the resource whose
// placement makes the SPOF.
func locations(fs []simulate.Finding, chains map[string][]string, locate func(string) (string, int, bool)) map[string]Location {
	if locate == nil {
		return nil
	}
	out := map[string]Location{}
	for _, f := range fs {
		if _, done := out[f.Node]; done || f.Node == "" {
			continue
		}
		if file, line, ok := locate(f.Node); ok && file != "" {
			out[f.Node] = Location{File: file, Line: max(line, 1)}
			continue
		}
		chain := chains[f.Node]
		for i := len(chain) - 1; i >= 0; i-- {
			if file, line, ok := locate(chain[i]); ok && file != "" {
				out[f.Node] = Location{File: file, Line: max(line, 1)}
				break
			}
		}
	}
	return out
}

// estateLabels are the estate's own names of its named nodes, which the
// HTML report shows for resources and plan actions.
func estateLabels(e *graph.Estate) map[string]string {
	out := make(map[string]string, len(e.Nodes))
	for i := range e.Nodes {
		if e.Nodes[i].Name != "" {
			out[e.Nodes[i].ID] = e.Nodes[i].Name
		}
	}
	return out
}

// servicesByRisk orders services most critical first (tier), then lowest
// score, then id, and keeps n of them (n <= 0 keeps all). The input is not
// changed.
func servicesByRisk(ss []simulate.ServiceScore, n int) []simulate.ServiceScore {
	out := slices.Clone(ss)
	slices.SortStableFunc(out, func(x, y simulate.ServiceScore) int {
		return cmp.Or(cmp.Compare(x.Tier, y.Tier), cmp.Compare(x.Score, y.Score), cmp.Compare(x.Service, y.Service))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// leastPortable orders non-portable resources most captive first (value,
// then node id) and keeps n of them; n <= 0 keeps all. The input is not
// changed.
func leastPortable(rs []simulate.ResourceLockin, n int) []simulate.ResourceLockin {
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(x, y simulate.ResourceLockin) int {
		if x.Value != y.Value {
			if x.Value > y.Value {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Node, y.Node)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// scoreLevels are the levels a service's survival is shown for, in order.
var scoreLevels = []graph.Level{graph.LevelResource, graph.LevelZone, graph.LevelRegion, graph.LevelProvider}

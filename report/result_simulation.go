package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/simulate"
)

// NewSimulation computes the simulation's report.
func NewSimulation(s *simulate.Simulation) *SimulationReport {
	if s == nil {
		return nil
	}
	return &SimulationReport{Simulation: s, Headline: simulationHeadline(s)}
}

// NewExplanation computes the explanation's report.
func NewExplanation(x *simulate.Explanation) *ExplanationReport {
	if x == nil {
		return nil
	}
	return &ExplanationReport{Explanation: x, Title: nodeName(x.Names, x.Node, x.Level), Verdict: explanationVerdict(x)}
}

// simulationHeadline says what a simulated outage does in one sentence.
func simulationHeadline(s *simulate.Simulation) string {
	target := strings.Join(s.Fail, " + ")
	if len(s.Selectors) == 1 && s.Selectors[0].Node() != "" {
		target = nodeName(s.Names, s.Selectors[0].Node(), s.Selectors[0].Level())
	}
	if target == "" {
		target = "nothing"
	}
	if len(s.ServicesDown) == 0 {
		return fmt.Sprintf("If %s fails, no business service stops; %s %s down.", target,
			plural(s.ResourcesDown, "resource", "resources"), pluralVerb(s.ResourcesDown, "goes", "go"))
	}
	line := fmt.Sprintf("If %s fails, %s %s (%d critical)", target,
		plural(len(s.ServicesDown), "service", "services"), pluralVerb(len(s.ServicesDown), "stops", "stop"), s.CriticalDown)
	if s.CostPerHour > 0 {
		line += ", costing " + Money(s.CostPerHour) + " per hour"
	}
	return line + "."
}

// explanationVerdict says in one sentence whether a node is a SPOF.
func explanationVerdict(x *simulate.Explanation) string {
	what := nodeName(x.Names, x.Node, x.Level)
	if x.IsSPOF {
		var svc []string
		for _, c := range x.Down {
			svc = append(svc, serviceName(x.Names, c.Service))
		}
		return fmt.Sprintf("%s IS a single point of failure: its failure alone stops %s.", what, joinAnd(svc, 5))
	}
	if len(x.Survives) > 0 {
		return fmt.Sprintf("%s is not a single point of failure: the %s that depend on it survive its failure.",
			what, plural(len(x.Survives), "critical service", "critical services"))
	}
	return fmt.Sprintf("%s is not a single point of failure: no critical service depends on it.", what)
}

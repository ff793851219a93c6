package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// The junit format of an audit: one suite per outage class, one case per
// critical service.

func junitAudit(a *simulate.Audit) junitSuites {
	var doc junitSuites
	var critical []simulate.ServiceScore
	for _, s := range a.Services {
		if s.Critical {
			critical = append(critical, s)
		}
	}
	slices.SortFunc(critical, func(x, y simulate.ServiceScore) int { return strings.Compare(x.Service, y.Service) })
	for _, class := range junitClasses {
		suite := junitSuite{Name: "untether." + string(class.level)}
		for _, svc := range critical {
			name := svc.Name
			if name == "" {
				name = svc.Service
			}
			c := junitCase{
				Name:      fmt.Sprintf("%s survives any single %s", name, class.title),
				ClassName: "untether." + string(class.level),
			}
			var lines, nodes []string
			for _, sp := range a.SPOFs {
				if sp.Level == class.level && slices.Contains(sp.Services, svc.Service) {
					nodes = append(nodes, sp.Node)
					lines = append(lines, fmt.Sprintf("%s takes %s down: %s", sp.Node, svc.Service, strings.Join(sp.Chain, " -> ")))
				}
			}
			if len(nodes) > 0 {
				c.Failure = &junitFailure{
					Type:    "spof-" + string(class.level),
					Message: fmt.Sprintf("%d single point(s) of failure: %s", len(nodes), strings.Join(nodes, ", ")),
					Text:    strings.Join(lines, "\n"),
				}
			} else {
				c.SystemOut = junitSurvival(svc, class.level)
			}
			suite.Cases = append(suite.Cases, c)
		}
		doc.Suites = append(doc.Suites, suite)
	}
	return doc
}

// junitSurvival says how many domains of the level the service survived.
func junitSurvival(svc simulate.ServiceScore, level graph.Level) string {
	for _, s := range svc.Survive {
		if s.Level == level {
			return fmt.Sprintf("survives %d of %d %s failure domains it depends on", s.Survived, s.Domains, level)
		}
	}
	return "no single " + string(level) + " failure takes it down"
}

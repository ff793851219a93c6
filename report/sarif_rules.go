package report

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/simulate/gate"
)

// sarifRuleText describes each finding rule the simulator emits. A rule not
// listed here still gets a generic description, never an error.
var sarifRuleText = map[string]struct{ name, short, full, help string }{
	"spof-resource": {"SinglePointOfFailureResource", "A single resource takes a critical service down",
		"This resource's failure alone takes at least one critical business service down: nothing redundant stands behind it.",
		"Make the resource redundant (multi-AZ, a replica, more than one instance behind a load balancer) or accept it with a waiver."},
	"spof-zone": {"SinglePointOfFailureZone", "One availability zone takes a critical service down",
		"The outage of this one availability zone takes at least one critical business service down.",
		"Spread what the service needs over two or more zones (multi-AZ databases, node pools and subnets in several zones)."},
	"spof-region": {"SinglePointOfFailureRegion", "One region takes a critical service down",
		"The outage of this one region takes at least one critical business service down.",
		"Add a second region behind DNS failover, or replicate the data the service needs to another region."},
	"spof-service": {"SinglePointOfFailureManagedService", "One regional managed service takes a critical service down",
		"The outage of this managed service in its region (or globally) takes at least one critical business service down.",
		"Use the service in a second region, or put a second provider behind the dependency."},
	"spof-provider": {"SinglePointOfFailureProvider", "One provider takes a critical service down",
		"The outage of this provider takes at least one critical business service down.",
		"Add a second provider for the dependency (DNS, identity, CDN), or accept the risk with a waiver."},
	"double-point": {"DoublePointOfFailure", "Two nodes together take a critical service down",
		"These two nodes together take a critical service down though neither does alone (an order-2 cut set).",
		"Add a third member to the redundancy group, or separate the two nodes' failure domains."},
	"lockin-proprietary": {"ProprietaryLockin", "A critical service depends on a proprietary product",
		"A critical service depends on a product with no portable equivalent, which ties it to one vendor.",
		"Consider the portable alternatives named in the message, or accept the lock-in with a waiver."},
	"coverage-gap": {"CoverageGap", "Part of the estate was not collected",
		"Discovery could not read part of the estate: what it holds is unknown, not absent.",
		"Grant the read-only permission the collector needs, or run with the account that can see it."},
}

// sarifRules builds the rule list, sorted by id, and each rule's index. A
// rule's default level is the most severe level among its findings.
func sarifRules(items []sarifItem) ([]sarifRule, map[string]int) {
	worst := map[string]int{}
	var ids []string
	for _, it := range items {
		if _, ok := worst[it.f.Rule]; !ok {
			ids = append(ids, it.f.Rule)
		}
		worst[it.f.Rule] = max(worst[it.f.Rule], gate.SeverityRank(it.f.Severity))
	}
	slices.Sort(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		t, ok := sarifRuleText[id]
		if !ok {
			t.name = sarifRuleName(id)
			t.short = "untether finding: " + id
			t.full = "A finding of the untether rule " + id + "."
			t.help = "See the finding's message for what to change."
		}
		tags := []string{"resilience"}
		switch {
		case strings.HasPrefix(id, "spof-") || id == "double-point":
			tags = append(tags, "single-point-of-failure")
		case strings.HasPrefix(id, "lockin"):
			tags = append(tags, "lock-in")
		case id == "coverage-gap":
			tags = append(tags, "coverage")
		}
		rules = append(rules, sarifRule{
			ID:                   id,
			Name:                 t.name,
			ShortDescription:     sarifText{Text: t.short},
			FullDescription:      sarifText{Text: t.full},
			Help:                 sarifText{Text: t.help},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(severityName(worst[id]))},
			Properties:           map[string]any{"tags": tags},
		})
	}
	return rules, index
}

// sarifRuleName turns "some-rule" into "SomeRule".
func sarifRuleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ':' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func severityName(rank int) string {
	return [...]string{"", "low", "medium", "high", "critical"}[min(max(rank, 0), 4)]
}

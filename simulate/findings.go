package simulate

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Findings. Each id is the rule plus the node id(s) it is about, never a
// position, so a finding keeps its id across runs and unrelated changes (the
// CI gate and waivers key on it).

// Finding rules.
const (
	RuleSPOF              = "spof-"              // + level: spof-zone, spof-resource ...
	RuleDoublePoint       = "double-point"       // double-point:A+B
	RuleLockinProprietary = "lockin-proprietary" // proprietary resource under a critical service
	RuleCoverageGap       = "coverage-gap"
)

// Severities, most severe first.
const (
	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
)

// findings takes the SPOF records with the SPOFs made of them (same order).
// Messages name nodes by their display names (names; an id names itself
// where it has none), as every report does.
// lkNodes are the lock-in resources' indices (in lk.Resources' order).
func (m *Model) findings(recs []spofRec, spofs []SPOF, pairs []pairRec, lk Lockin, lkNodes []int32, cs *coneStats, gaps []graph.Gap, names map[string]string) []Finding {
	named := &Audit{Names: names}
	say := named.Name
	// One finding per SPOF, proprietary resource, listed pair and gap at
	// most: allocated once.
	proprietary := 0
	for _, r := range lk.Resources {
		if r.Class == ClassProprietary {
			proprietary++
		}
	}
	out := make([]Finding, 0, len(recs)+proprietary+len(pairs)+len(gaps))
	for k, sp := range recs {
		sev := SeverityMedium
		for _, s := range sp.services {
			switch t := m.Tier(s); {
			case t == 1:
				sev = SeverityCritical
			case t == 2 && sev != SeverityCritical:
				sev = SeverityHigh
			}
		}
		node, level, svcs := spofs[k].Node, spofs[k].Level, spofs[k].Services
		rule := RuleSPOF + string(level)
		out = append(out, Finding{
			ID: rule + ":" + node, Rule: rule, Severity: sev, Node: node, Services: svcs,
			// Concatenated, not formatted: at a million resources the
			// formatting was a tenth of the audit's allocations.
			Message: say(node) + " (" + string(level) + ") alone takes " + strconv.Itoa(len(svcs)) + " critical service(s) down: " +
				firstFew(svcs, 5, say) + "; chain " + joinNames(spofs[k].Chain, " -> ", say),
		})
	}
	for _, pr := range pairs {
		a, b := m.id(pr.a), m.id(pr.b)
		svcs := m.ids(pr.services)
		out = append(out, Finding{
			ID: RuleDoublePoint + ":" + a + "+" + b, Rule: RuleDoublePoint, Severity: SeverityMedium, Node: a, Services: svcs,
			Message: say(a) + " and " + say(b) + " together take " + firstFew(svcs, 5, say) + " down though neither does alone",
		})
	}
	for k, r := range lk.Resources {
		if r.Class != ClassProprietary || cs.critW[lkNodes[k]] == 0 {
			continue
		}
		out = append(out, Finding{
			ID: RuleLockinProprietary + ":" + r.Node, Rule: RuleLockinProprietary, Severity: SeverityLow, Node: r.Node,
			Message: lockinMessage(r, say(r.Node)),
		})
	}
	for _, g := range gaps {
		where := strings.Join([]string{g.Provider, g.Account, g.Region, g.Service}, "/")
		out = append(out, Finding{
			ID: RuleCoverageGap + ":" + where, Rule: RuleCoverageGap, Severity: SeverityMedium,
			Message: fmt.Sprintf("%s was not collected (%s%s): what it holds is unknown, not absent", where, g.Status, detail(g.Detail)),
		})
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return cmp.Compare(a.ID, b.ID) })
	return slices.CompactFunc(out, func(a, b Finding) bool { return a.ID == b.ID })
}

// firstFew names at most n ids, then how many more, so a message stays
// readable when a failure cascades through thousands of services.
func firstFew(ids []string, n int, say func(string) string) string {
	if len(ids) <= n {
		return joinNames(ids, ", ", say)
	}
	return joinNames(ids[:n], ", ", say) + " and " + strconv.Itoa(len(ids)-n) + " more"
}

// joinNames is strings.Join of the ids' names, built in one allocation.
func joinNames(ids []string, sep string, say func(string) string) string {
	var b strings.Builder
	size := len(sep) * max(0, len(ids)-1)
	for _, id := range ids {
		size += len(say(id))
	}
	b.Grow(size)
	for k, id := range ids {
		if k > 0 {
			b.WriteString(sep)
		}
		b.WriteString(say(id))
	}
	return b.String()
}

func detail(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

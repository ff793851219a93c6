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

// findings takes the scan's SPOF records with the SPOFs made of them (same
// order). Messages name nodes by their display names (names, and byIndex
// for nodes by index; an id names itself where it has none), as every
// report does.
func (m *Model) findings(sr *scanResult, spofs []SPOF, pairs []pairRec, lk Lockin, lkNodes []int32, cs *coneStats, gaps []graph.Gap,
	names map[string]string, byIndex []string) []Finding {
	recs := sr.spofs
	named := &Audit{Names: names}
	say := named.Name
	sayAt := func(i int32) string {
		if n := byIndex[i]; n != "" {
			return n
		}
		return say(m.id(i))
	}
	// One finding per SPOF, proprietary resource, listed pair and gap at
	// most: allocated once.
	proprietary := 0
	for _, r := range lk.Resources {
		if r.Class == ClassProprietary {
			proprietary++
		}
	}
	out := make([]Finding, 0, len(recs)+proprietary+len(pairs)+len(gaps))
	var chainNames []string
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
		// The chain as SPOF.Chain has it: the gap's words stand in the middle.
		chain, omitted := sr.links.bounded(sp.chain)
		chainNames = chainNames[:0]
		for j, x := range chain {
			if j == chainHead && omitted > 0 {
				chainNames = append(chainNames, ChainGap(omitted))
			}
			chainNames = append(chainNames, sayAt(x))
		}
		node, level, svcs := spofs[k].Node, spofs[k].Level, sp.services
		rule := RuleSPOF + string(level)
		out = append(out, Finding{
			ID: rule + ":" + node, Rule: rule, Severity: sev, Node: node, Services: spofs[k].Services,
			// Concatenated, not formatted, and named by index: at a
			// million resources these messages were a third of the
			// audit's own time.
			Message: sayAt(sp.node) + " (" + string(level) + ") alone takes " + strconv.Itoa(len(svcs)) + " critical service(s) down: " +
				firstFew(len(svcs), 5, func(j int) string { return sayAt(svcs[j]) }) + "; chain " +
				joinNames(len(chainNames), " -> ", func(j int) string { return chainNames[j] }),
		})
	}
	for _, pr := range pairs {
		a, b := m.id(pr.a), m.id(pr.b)
		svcs := m.ids(pr.services)
		out = append(out, Finding{
			ID: RuleDoublePoint + ":" + a + "+" + b, Rule: RuleDoublePoint, Severity: SeverityMedium, Node: a, Services: svcs,
			Message: sayAt(pr.a) + " and " + sayAt(pr.b) + " together take " +
				firstFew(len(svcs), 5, func(j int) string { return sayAt(pr.services[j]) }) + " down though neither does alone",
		})
	}
	for k, r := range lk.Resources {
		if r.Class != ClassProprietary || cs.critW[lkNodes[k]] == 0 {
			continue
		}
		out = append(out, Finding{
			ID: RuleLockinProprietary + ":" + r.Node, Rule: RuleLockinProprietary, Severity: SeverityLow, Node: r.Node,
			Message: lockinMessage(r, sayAt(lkNodes[k])),
		})
	}
	for _, g := range gaps {
		where := strings.Join([]string{g.Provider, g.Account, g.Region, g.Service}, "/")
		out = append(out, Finding{
			ID: RuleCoverageGap + ":" + where, Rule: RuleCoverageGap, Severity: SeverityMedium,
			Message: fmt.Sprintf("%s was not collected (%s%s): what it holds is unknown, not absent", where, g.Status, detail(g.Detail)),
		})
	}
	// Sorted by id through a permutation: moving the findings themselves
	// in the sort costs a write barrier per pointer per swap.
	order := make([]int32, len(out))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(out[a].ID, out[b].ID) })
	sorted := make([]Finding, 0, len(out))
	for _, k := range order {
		if n := len(sorted); n == 0 || sorted[n-1].ID != out[k].ID {
			sorted = append(sorted, out[k])
		}
	}
	return sorted
}

// firstFew names at most max of n items (nameAt(j) is the j-th name), then
// how many more, so a message stays readable when a failure cascades
// through thousands of services.
func firstFew(n, max int, nameAt func(int) string) string {
	if n <= max {
		return joinNames(n, ", ", nameAt)
	}
	return joinNames(max, ", ", nameAt) + " and " + strconv.Itoa(n-max) + " more"
}

// joinNames is strings.Join of n names, built in one allocation.
func joinNames(n int, sep string, nameAt func(int) string) string {
	var b strings.Builder
	size := len(sep) * (n - 1)
	for j := range n {
		size += len(nameAt(j))
	}
	b.Grow(max(0, size))
	for j := range n {
		if j > 0 {
			b.WriteString(sep)
		}
		b.WriteString(nameAt(j))
	}
	return b.String()
}

func detail(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

package simulate

import (
	"cmp"
	"slices"
	"sync"

	"github.com/untether-dev/untether/graph"
)

// Audit runs every sweep and score of DESIGN.md §6-§7: one bit-parallel pass
// over the service cones, one SPOF scan (which also yields the provider,
// region, zone and managed-service sweeps and the partial group hits behind
// the double points), the presets, lock-in, concentration and findings.
//
// Phases that need nothing of each other run at once, so both cores work:
// lock-in and concentration (which need only the cones) beside the scan,
// and the availability estimate (which needs the scan's single points)
// beside everything after it: double points, scores, SPOFs, scenarios,
// names and findings. Each phase writes only its own result, so the output
// does not depend on the scheduling.
func (m *Model) Audit() *Audit {
	cs := m.cones()
	var side, estimate sync.WaitGroup
	var lockin Lockin
	var lockinNodes []int32
	var conc Concentration
	side.Go(func() {
		lockin, lockinNodes = m.lockin(cs)
		conc = m.concentration(cs)
	})
	sla := m.slaTable()
	var avail []*Availability
	sr := m.scanThen(cs.dpCone, sla.p, func(pairs []*scanResult) {
		// The estimate starts as the scan's workers end: it gathers its
		// single points itself, beside the scan's merge and the rest.
		estimate.Go(func() { avail = m.serviceAvailability(sla, m.singlePoints(pairs)) })
	})
	pairs := m.doublePoints(sr)
	a := &Audit{Version: AuditVersion, Estate: m.summaryCounts()}
	a.Score, a.Services = m.scores(cs, sr)
	a.SPOFs = m.spofs(sr)
	a.DoublePointsTotal = len(pairs)
	listed := len(pairs)
	if m.opt.MaxDoublePoints >= 0 {
		listed = min(listed, m.opt.MaxDoublePoints)
	}
	a.DoublePoints = make([]DoublePoint, 0, listed)
	for _, pr := range pairs[:listed] {
		a.DoublePoints = append(a.DoublePoints, DoublePoint{Nodes: [2]string{m.id(pr.a), m.id(pr.b)}, Services: m.ids(pr.services)})
	}
	a.Scenarios = m.scenarios(sr)
	side.Wait()
	a.Lockin = lockin
	if a.Lockin.Resources == nil {
		a.Lockin.Resources = []ResourceLockin{}
	}
	if a.Lockin.Providers == nil {
		a.Lockin.Providers = []ProviderLockin{}
	}
	if a.Lockin.Services == nil {
		a.Lockin.Services = []ServiceLockin{}
	}
	a.Concentration = conc
	a.Gaps = slices.Clone(m.c.Estate.Gaps)
	if a.Gaps == nil {
		a.Gaps = []graph.Gap{}
	}
	slices.SortStableFunc(a.Gaps, func(x, y graph.Gap) int {
		return cmp.Or(cmp.Compare(x.Provider, y.Provider), cmp.Compare(x.Account, y.Account), cmp.Compare(x.Region, y.Region),
			cmp.Compare(x.Service, y.Service), cmp.Compare(x.Status, y.Status), cmp.Compare(x.Detail, y.Detail))
	})
	// Double-point findings follow the listed (capped) double points: the
	// most harmful first, so a large estate's thousands of instance pairs
	// inside k-of-n groups do not bury the rest.
	// Names first: the findings' messages speak in them (a finding's id
	// keeps the node ids, which baselines and waivers key on). Every node a
	// finding names is already among the SPOFs, double points and lock-in.
	var byIndex []string
	a.Names, byIndex = m.auditNames(a, sr, pairs[:listed], lockinNodes)
	a.Findings = m.findings(sr, a.SPOFs, pairs[:listed], a.Lockin, lockinNodes, cs, a.Gaps, a.Names, byIndex)
	if a.Findings == nil {
		a.Findings = []Finding{}
	}
	estimate.Wait()
	for k := range a.Services { // in m.services order, as avail
		a.Services[k].Availability = avail[k]
	}
	return a
}

func (m *Model) summaryCounts() EstateSummary {
	s := EstateSummary{Nodes: m.c.Len(), Resources: m.resources, Services: len(m.services), Critical: len(m.critical),
		Edges: m.edges, EntryPoints: m.entryPoints}
	generic := map[string]int{}
	for i, nd := range m.c.Nodes {
		if m.class[i] == clResource && nd.Kind == "generic" {
			generic[nd.Type]++
		}
	}
	for _, t := range sortedKeys(generic) {
		s.Generic = append(s.Generic, TypeCount{Type: t, Count: generic[t]})
	}
	return s
}

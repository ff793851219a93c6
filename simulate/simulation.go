package simulate

import "slices"

// Simulate fails the nodes the selectors name and reports the blast radius
// (the result of `untether simulate --fail ...`, DESIGN.md §6). Bad or
// unmatched selectors return a *SelectorError.
func (m *Model) Simulate(selectors []string) (*Simulation, error) {
	sels, err := ParseSelectors(selectors)
	if err != nil {
		return nil, err
	}
	injected, err := m.Resolve(sels)
	if err != nil {
		return nil, err
	}
	st := m.Propagate(injected)
	svcs := st.ServicesDown()
	b := m.blast(svcs, st.ResourcesDown())
	fail := make([]string, len(sels))
	for k, s := range sels {
		fail[k] = s.String()
	}
	sim := &Simulation{
		Version:       SimulationVersion,
		Fail:          fail,
		Selectors:     sels,
		Injected:      m.ids(injected),
		Down:          st.DownIDs(),
		ServicesDown:  m.ids(svcs),
		CriticalDown:  b.critical,
		WeightedDown:  b.weighted,
		ResourcesDown: b.resources,
		ResourceShare: b.share,
		CostPerHour:   b.cost,
	}
	sim.Names = m.NodeNames(append(append(slices.Clone(sim.Injected), sim.ServicesDown...), sim.Down[:min(len(sim.Down), 100)]...))
	return sim, nil
}

// blastRadius is what a scenario takes down, in the numbers DESIGN.md §7 names.
type blastRadius struct {
	critical, weighted, resources int
	share, cost                   float64
}

func (m *Model) blast(svcs []int32, resources int) blastRadius {
	b := blastRadius{resources: resources}
	for _, s := range svcs {
		if m.IsCritical(s) {
			b.critical++
		}
		b.weighted += TierWeight(m.Tier(s))
		b.cost += m.c.Nodes[s].DowntimeCostPerHour
	}
	if m.resources > 0 {
		b.share = round4(float64(resources) / float64(m.resources))
	}
	b.cost = round1(b.cost)
	return b
}

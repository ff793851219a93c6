package planner

import (
	"slices"

	"github.com/untether-dev/untether/simulate"
)

// Before and after: the audit's scores, and per service its score, lock-in,
// single points of failure and the downtime cost the plan takes off it.

func scoreChanges(a0, a1 *simulate.Audit) ScoreChanges {
	sc := ScoreChanges{
		NotScored:              a0.Score.NotScored || a1.Score.NotScored,
		Resilience:             Change{a0.Score.Resilience, a1.Score.Resilience},
		Grade:                  GradeChange{a0.Score.Grade, a1.Score.Grade},
		Lockin:                 Change{a0.Lockin.Estate, a1.Lockin.Estate},
		HHIProviders:           Change{a0.Concentration.Providers.Index, a1.Concentration.Providers.Index},
		HHIRegions:             Change{a0.Concentration.Regions.Index, a1.Concentration.Regions.Index},
		HHIZones:               Change{a0.Concentration.Zones.Index, a1.Concentration.Zones.Index},
		DoublePoints:           Change{float64(a0.DoublePointsTotal), float64(a1.DoublePointsTotal)},
		WorstOutageCostPerHour: Change{worstOutage(a0, "provider", "region", "zone"), worstOutage(a1, "provider", "region", "zone")},
	}
	for _, l := range []string{"resource", "zone", "region", "service", "provider"} {
		sc.SPOFs = append(sc.SPOFs, LevelChange{Level: l, Before: countSPOFs(a0, l), After: countSPOFs(a1, l)})
	}
	return sc
}

func countSPOFs(a *simulate.Audit, level string) int {
	n := 0
	for _, s := range a.SPOFs {
		if string(s.Level) == level {
			n++
		}
	}
	return n
}

// worstOutage is the highest downtime cost per hour of the audit's
// scenarios of the given kinds.
func worstOutage(a *simulate.Audit, kinds ...string) float64 {
	worst := 0.0
	for _, s := range a.Scenarios {
		if slices.Contains(kinds, s.Kind) && s.CostPerHour > worst {
			worst = s.CostPerHour
		}
	}
	return worst
}

// goalKinds are the scenario kinds at the levels the plan's goals protect
// (the audit sweeps no single-resource scenarios).
func (pl *planner) goalKinds() []string {
	var kinds []string
	for _, g := range pl.req.Goals {
		for _, l := range goalLevels(g.Kind) {
			if l != "resource" && !slices.Contains(kinds, l) {
				kinds = append(kinds, l)
			}
		}
	}
	return kinds
}

var allLevels = []string{"resource", "zone", "region", "service", "provider"}

// exposure counts, per service id, the single failures that take it down,
// in total and at the levels the plan's goals protect.
func exposure(m *simulate.Model, goalLvls []string) (total, atGoal map[string]int) {
	total, atGoal = map[string]int{}, map[string]int{}
	for _, l := range allLevels {
		for _, p := range sweep(m, []string{l}, 4)[l] {
			for _, s := range p.services {
				total[nodeID(m, s)]++
				if slices.Contains(goalLvls, l) {
					atGoal[nodeID(m, s)]++
				}
			}
		}
	}
	return total, atGoal
}

func (pl *planner) serviceChanges(m0, m1 *simulate.Model, a0, a1 *simulate.Audit) []ServiceChange {
	var lvls []string
	for _, g := range pl.req.Goals {
		lvls = append(lvls, goalLevels(g.Kind)...)
	}
	t0, g0 := exposure(m0, lvls)
	t1, g1 := exposure(m1, lvls)
	after := map[string]simulate.ServiceScore{}
	for _, s := range a1.Services {
		after[s.Service] = s
	}
	lock0, lock1 := map[string]float64{}, map[string]float64{}
	for _, s := range a0.Lockin.Services {
		lock0[s.Service] = s.Lockin
	}
	for _, s := range a1.Lockin.Services {
		lock1[s.Service] = s.Lockin
	}
	out := make([]ServiceChange, 0, len(a0.Services))
	for _, s := range a0.Services {
		sc := ServiceChange{Service: s.Service, Name: s.Name, Tier: s.Tier,
			Score:        Change{s.Score, after[s.Service].Score},
			Lockin:       Change{lock0[s.Service], lock1[s.Service]},
			SinglePoints: LevelCounts{t0[s.Service], t1[s.Service]}}
		if i, ok := m0.Compiled().Index(s.Service); ok {
			sc.DowntimeCostPerHour = m0.Compiled().Nodes[i].DowntimeCostPerHour
		}
		if g0[s.Service] > 0 && g1[s.Service] == 0 && s.Tier <= pl.req.Tier {
			sc.CostAvoidedPerHour = sc.DowntimeCostPerHour
		}
		out = append(out, sc)
	}
	return out
}

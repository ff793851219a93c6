package planner

import (
	"cmp"
	"slices"

	"github.com/untether-dev/untether/simulate"
)

// Dependency order (DESIGN.md §8): a dependency is made resilient before or
// together with what depends on it. The search works from the failed
// domain's roots upward, so this mostly holds by construction; when a later
// wave still touches a dependency of an earlier wave's target, the waves in
// between are merged into one, which keeps every verification true: the
// merged wave's result is the re-simulation after its last part. Inside a
// wave, dependencies come first, then risk reduction per effort.

// orderWaves merges waves that would fix a dependency after its dependent
// and sorts each wave dependencies-first. m is the model of the final
// estate, in which every target still exists.
func orderWaves(m *simulate.Model, waves []Wave) []Wave {
	reach := map[string][]bool{}
	reachOf := func(id string) []bool {
		if r, ok := reach[id]; ok {
			return r
		}
		var r []bool
		if i, ok := m.Compiled().Index(id); ok {
			r = cone(m, i)
		}
		reach[id] = r
		return r
	}
	needs := func(a, b string) bool { // a depends on b
		if a == b {
			return false
		}
		r := reachOf(a)
		j, ok := m.Compiled().Index(b)
		return ok && r != nil && r[j]
	}
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(waves) && !merged; i++ {
			for j := len(waves) - 1; j > i && !merged; j-- {
				if wavesConflict(waves[i], waves[j], needs) {
					waves = mergeWaves(waves, i, j)
					merged = true
				}
			}
		}
	}
	for k := range waves {
		waves[k].Number = k + 1
		acts := waves[k].Actions
		deps := make(map[string]int, len(acts))
		for _, a := range acts {
			for _, b := range acts {
				if needs(a.Target, b.Target) {
					deps[a.Target]++
				}
			}
		}
		slices.SortStableFunc(acts, func(x, y PlannedAction) int { return cmp.Compare(deps[x.Target], deps[y.Target]) })
	}
	return waves
}

// wavesConflict: an action of the later wave fixes a dependency of an
// action of the earlier one.
func wavesConflict(early, late Wave, needs func(a, b string) bool) bool {
	for _, a := range early.Actions {
		for _, b := range late.Actions {
			if needs(a.Target, b.Target) {
				return true
			}
		}
	}
	return false
}

// mergeWaves folds waves i..j into one, verified as wave j was.
func mergeWaves(waves []Wave, i, j int) []Wave {
	w := Wave{After: waves[j].After, Resilience: waves[j].Resilience}
	for k := i; k <= j; k++ {
		w.Actions = append(w.Actions, waves[k].Actions...)
		w.PersonDays += waves[k].PersonDays
	}
	out := append(slices.Clone(waves[:i]), w)
	return append(out, waves[j+1:]...)
}

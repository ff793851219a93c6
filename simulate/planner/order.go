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
	needs := targetNeeds(m, waves)
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
		count := make(map[string]int, len(acts)) // actions per target
		for _, a := range acts {
			count[a.Target]++
		}
		deps := make(map[string]int, len(acts)) // action pairs (a, b), a's target needing b's
		for t, n := range count {
			for _, d := range needs[t] {
				deps[t] += n * count[d]
			}
		}
		slices.SortStableFunc(acts, func(x, y PlannedAction) int { return cmp.Compare(deps[x.Target], deps[y.Target]) })
	}
	return waves
}

// targetNeeds maps every target of the plan to the other targets in its
// dependency cone: one walk per target, each as long as its cone, and no
// estate-sized array kept per target.
func targetNeeds(m *simulate.Model, waves []Wave) map[string][]string {
	c := m.Compiled()
	isTarget := map[int32]bool{}
	for _, w := range waves {
		for _, a := range w.Actions {
			if i, ok := c.Index(a.Target); ok {
				isTarget[i] = true
			}
		}
	}
	out := make(map[string][]string, len(isTarget))
	k := newWalk(c.Len())
	for t := range isTarget {
		k.clear()
		k.add(t)
		for h := 0; h < len(k.list); h++ {
			for _, y := range c.Needs(k.list[h]) {
				k.add(y)
			}
		}
		for _, y := range k.list[1:] {
			if isTarget[y] {
				out[c.Nodes[t].ID] = append(out[c.Nodes[t].ID], c.Nodes[y].ID)
			}
		}
	}
	return out
}

// wavesConflict: an action of the later wave fixes a dependency of an
// action of the earlier one.
func wavesConflict(early, late Wave, needs map[string][]string) bool {
	in := make(map[string]bool, len(late.Actions))
	for _, b := range late.Actions {
		in[b.Target] = true
	}
	for _, a := range early.Actions {
		for _, d := range needs[a.Target] {
			if in[d] {
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

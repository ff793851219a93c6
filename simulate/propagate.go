package simulate

import "slices"

// propagator computes the DOWN set of a scenario by event-driven propagation
// from the injected nodes over NeededBy edges. Every node enters the queue at
// most once (when it falls), and a group keeps a count of DOWN members and
// falls when the count exceeds members-need. That computes the least fixpoint
// of DOWN, which is the greatest fixpoint of UP: a cycle nothing forces down
// stays UP. The cost is the size of the DOWN cone plus the edges out of it,
// never the whole graph; reset undoes only what was touched, so one
// propagator serves millions of scenarios without clearing n-sized arrays.
type propagator struct {
	m      *Model
	down   []bool
	hits   []int32 // DOWN members of each group
	queue  []int32 // every DOWN node, in the order it fell
	head   int
	groups []int32 // groups with hits > 0, for reset and partial-hit records

	// Checkpoint: with logging on, every hit is logged so rollback can undo
	// what was failed since the checkpoint without redoing what came before.
	logging    bool
	hitLog     []int32
	cpQ, cpGrp int
}

func newPropagator(m *Model) *propagator {
	n := m.c.Len()
	return &propagator{m: m, down: make([]bool, n), hits: make([]int32, n)}
}

// fail injects seeds and propagates. It may be called again to add more
// failures to the same scenario (the result is the same as failing all at once).
func (p *propagator) fail(seeds ...int32) {
	for _, s := range seeds {
		p.mark(s)
	}
	c, class, slack := p.m.c, p.m.class, p.m.slack
	for ; p.head < len(p.queue); p.head++ {
		for _, y := range c.NeededBy(p.queue[p.head]) {
			if p.down[y] {
				continue
			}
			if class[y] == clGroup {
				if p.hits[y] == 0 {
					p.groups = append(p.groups, y)
				}
				p.hits[y]++
				if p.logging {
					p.hitLog = append(p.hitLog, y)
				}
				if p.hits[y] <= slack[y] {
					continue // the group absorbs it
				}
			}
			p.mark(y)
		}
	}
}

func (p *propagator) mark(i int32) {
	if !p.down[i] {
		p.down[i] = true
		p.queue = append(p.queue, i)
	}
}

// reset brings every touched node back UP.
func (p *propagator) reset() {
	for _, i := range p.queue {
		p.down[i] = false
	}
	for _, g := range p.groups {
		p.hits[g] = 0
	}
	p.queue, p.groups, p.head = p.queue[:0], p.groups[:0], 0
	p.logging, p.hitLog = false, p.hitLog[:0]
}

// checkpoint remembers the current scenario; rollback returns to it. The
// nodes that fell since are p.queue[p.cpQ:].
func (p *propagator) checkpoint() {
	p.logging, p.cpQ, p.cpGrp, p.hitLog = true, len(p.queue), len(p.groups), p.hitLog[:0]
}

func (p *propagator) rollback() {
	for _, i := range p.queue[p.cpQ:] {
		p.down[i] = false
	}
	for _, g := range p.hitLog {
		p.hits[g]--
	}
	p.queue, p.head, p.groups, p.hitLog = p.queue[:p.cpQ], p.cpQ, p.groups[:p.cpGrp], p.hitLog[:0]
}

// servicesDown appends the DOWN services among svcs (sorted) to dst.
func (p *propagator) servicesDown(dst, svcs []int32) []int32 {
	for _, s := range svcs {
		if p.down[s] {
			dst = append(dst, s)
		}
	}
	return dst
}

// State is the outcome of one propagation: which nodes are DOWN.
type State struct {
	m    *Model
	down []bool
	list []int32 // DOWN nodes, sorted by index
}

// Propagate fails the injected nodes and returns the resulting state.
func (m *Model) Propagate(injected []int32) *State {
	p := newPropagator(m)
	p.fail(injected...)
	list := slices.Clone(p.queue)
	slices.Sort(list)
	return &State{m: m, down: p.down, list: list}
}

// Down reports whether node i is DOWN.
func (s *State) Down(i int32) bool { return s.down[i] }

// DownNodes lists the DOWN nodes by index, sorted.
func (s *State) DownNodes() []int32 { return s.list }

// DownIDs lists the ids of the DOWN nodes, sorted.
func (s *State) DownIDs() []string { return s.m.ids(s.list) }

// ServicesDown lists the DOWN services (or stand-ins), sorted.
func (s *State) ServicesDown() []int32 {
	var out []int32
	for _, i := range s.m.services {
		if s.down[i] {
			out = append(out, i)
		}
	}
	return out
}

// ResourcesDown counts the DOWN resource nodes.
func (s *State) ResourcesDown() int {
	k := 0
	for _, i := range s.list {
		if s.m.class[i] == clResource {
			k++
		}
	}
	return k
}

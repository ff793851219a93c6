package simulate

import "slices"

// chainFinder finds the shortest dependency path from a DOWN service to the
// failed node: a BFS over needs edges restricted to DOWN nodes, neighbours in
// index (= id) order, so the path is the same on every run. A stamp per node
// marks "seen in this search", so no array is cleared between searches and a
// search costs only the DOWN cone it walks.
type chainFinder struct {
	m      *Model
	stamp  []uint32
	parent []int32
	epoch  uint32
	queue  []int32
}

func newChainFinder(m *Model) *chainFinder {
	n := m.c.Len()
	return &chainFinder{m: m, stamp: make([]uint32, n), parent: make([]int32, n)}
}

// chain returns from, ..., to along DOWN nodes, or nil if there is no path.
func (f *chainFinder) chain(down []bool, from, to int32) []int32 {
	f.epoch++
	f.queue = append(f.queue[:0], from)
	f.stamp[from] = f.epoch
	f.parent[from] = -1
	for h := 0; h < len(f.queue); h++ {
		x := f.queue[h]
		if x == to {
			var path []int32
			for y := to; y >= 0; y = f.parent[y] {
				path = append(path, y)
			}
			slices.Reverse(path)
			return path
		}
		for _, y := range f.m.c.Needs(x) {
			if down[y] && f.stamp[y] != f.epoch {
				f.stamp[y] = f.epoch
				f.parent[y] = x
				f.queue = append(f.queue, y)
			}
		}
	}
	return nil
}

package simulate

import "math"

// The depth-first walk of a branch and what it yields: the relevant nodes,
// how many relevant parents each has, and the module test (Dutuit and
// Rauzy: a node is a module root when every visit of a node below it falls
// between its first visit and the end of its walk).

// walk is the depth-first walk from r through random nodes: it marks the
// relevant nodes (rel), counts their relevant parents (cnt) and records
// the visit times of the module test. It returns the last time.
func (f *factorNet) walk(r int32, nodes []int32) int32 {
	s := &f.ms
	rel, cnt, st, kids, off := f.rel, f.cnt, f.st, f.kids, f.off
	first, last := s.first, s.last
	for _, v := range nodes {
		rel[v], cnt[v] = false, 0
	}
	var t int32
	rel[r], first[r], last[r] = true, t, t
	frames := append(s.frames[:0], [3]int32{r, off[r], off[r+1]}) // node, next child, end
	for len(frames) > 0 {
		top := &frames[len(frames)-1]
		i, e := top[1], top[2]
		for i < e && st[kids[i]] != stRandom {
			i++
		}
		t++
		if i == e {
			s.end[top[0]] = t
			frames = frames[:len(frames)-1]
			continue
		}
		c := kids[i]
		top[1] = i + 1
		last[c] = t
		cnt[c]++
		if !rel[c] {
			rel[c], first[c] = true, t
			frames = append(frames, [3]int32{c, off[c], off[c+1]})
		}
	}
	s.frames = frames
	return t
}

// spans sets v's module test from its random children (already done),
// and leafKids: whether every random child is a module root. In branch,
// every relevant node below v is solved before v, and a module root
// always gets an exact P(DOWN), so then v's children are independent.
func (f *factorNet) spans(v int32) {
	s := &f.ms
	m1, m2 := int32(math.MaxInt32), int32(-1)
	leaf := true
	for _, c := range f.kids[f.off[v]:f.off[v+1]] {
		if f.random(c) {
			m1 = min(m1, s.first[c], s.m1[c])
			m2 = max(m2, s.last[c], s.m2[c])
			leaf = leaf && s.module[c]
		}
	}
	s.m1[v], s.m2[v] = m1, m2
	s.module[v] = m1 > s.first[v] && m2 < s.end[v]
	s.leafKids[v] = leaf
}

// cover marks the walk times inside the given module roots' sub-cones.
func (f *factorNet) cover(roots []int32, end int32) []int32 {
	s := &f.ms
	s.cover = fill(s.cover, int(end)+2, 0)
	for _, v := range roots {
		s.cover[s.first[v]+1]++
		s.cover[s.end[v]]--
	}
	for t := 1; t < len(s.cover); t++ {
		s.cover[t] += s.cover[t-1]
	}
	return s.cover
}

// shared counts the relevant nodes two relevant nodes need, outside the
// sub-cones of the module roots: the nodes a branch may have to split on.
func (f *factorNet) shared(rel, modules []int32, end int32) int {
	cover, n := f.cover(modules, end), 0
	for _, v := range rel {
		if f.cnt[v] >= 2 && cover[f.ms.first[v]] == 0 {
			n++
		}
	}
	return n
}

// splitNode is the lowest relevant node outside the solved modules that
// two relevant nodes need, if it is an exact module root; else -1.
func (f *factorNet) splitNode(rel, solved []int32, end int32) int32 {
	cover := f.cover(solved, end)
	for _, v := range rel {
		if f.cnt[v] >= 2 && cover[f.ms.first[v]] == 0 {
			if f.ms.module[v] && f.ms.exact[v] {
				return v
			}
			return -1
		}
	}
	return -1
}

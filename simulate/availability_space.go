package simulate

// Cone spaces. The cones of a batch of 64 services overlap (on the 100k
// estate the batches touch a third of the nodes their cones list), so
// each batch copies the needs of the nodes it touched once, in batch
// indices; each service's cone is then condensed from that copy, which
// stays in cache, instead of from the estate's adjacency and a global
// index per edge.

// coneSpace numbers the nodes a cone is given in: a batch's (gl maps a
// batch index to its node) or, with gl nil, the estate's own.
type coneSpace struct {
	m        *Model
	gl       []int32 // batch index -> node
	off, adj []int32 // needs in batch indices, CSR
	pos      []int32 // node -> batch index, -1 outside (n long)
}

func (m *Model) newConeSpace() *coneSpace {
	s := &coneSpace{m: m, pos: make([]int32, m.c.Len())}
	for i := range s.pos {
		s.pos[i] = -1
	}
	return s
}

// load numbers the batch's touched nodes (a set closed under needs).
func (s *coneSpace) load(touched []int32) {
	s.gl = touched
	for b, g := range touched {
		s.pos[g] = int32(b)
	}
	s.off, s.adj = append(s.off[:0], 0), s.adj[:0]
	for _, g := range touched {
		for _, x := range s.m.c.Needs(g) {
			s.adj = append(s.adj, s.pos[x])
		}
		s.off = append(s.off, int32(len(s.adj)))
	}
}

// release forgets the batch.
func (s *coneSpace) release() {
	for _, g := range s.gl {
		s.pos[g] = -1
	}
	s.gl = nil
}

// batch reports whether the space numbers a batch.
func (s *coneSpace) batch() bool { return s != nil && s.gl != nil }

// node is the estate's node of x.
func (s *coneSpace) node(x int32) int32 {
	if s == nil || s.gl == nil {
		return x
	}
	return s.gl[x]
}

// of is node g's index in the space.
func (s *coneSpace) of(g int32) int32 {
	if s == nil || s.gl == nil {
		return g
	}
	return s.pos[g]
}

// needs lists what x needs, in the space's indices.
func (s *coneSpace) needs(m *Model, x int32) []int32 {
	if s == nil || s.gl == nil {
		return m.c.Needs(x)
	}
	return s.adj[s.off[x]:s.off[x+1]]
}

package simulate

// Monte Carlo's propagation over the condensed cone of a service whose
// factoring gave up. A component of the condensation falls as soon as any
// member does (each member needs the next), so failing a set of nodes
// takes the service down in the condensed cone exactly when it does in
// the cone; a group counts a fallen component once per member edge into
// it. The condensed cone is already built, and smaller, so sampling needs
// no cone copy of its own.

// stateJudge answers whether failing the seeds (local indices) takes the
// service down; local maps a global node id to a seed.
type stateJudge interface {
	local(x int32) int32
	downWith(seeds []int32) bool
}

func (c *coneNet) local(x int32) int32 { return c.locOf(x) }

// dagProp propagates over a factorNet's condensed cone: parents of each
// component (needed-by, CSR) with the member-edge count of each.
type dagProp struct {
	f              *factorNet
	off, par, mult []int32
	fill           []int32
	down           []bool
	hits           []int32
	queue, groups  []int32
}

// load builds the parent lists of f's condensed cone.
func (p *dagProp) load(f *factorNet) {
	p.f = f
	n := len(f.group)
	p.off = fill(p.off, n+1, 0)
	for _, c := range f.kids {
		p.off[c+1]++
	}
	for v := range n {
		p.off[v+1] += p.off[v]
	}
	p.par, p.mult = resize(p.par, len(f.kids)), resize(p.mult, len(f.kids))
	p.fill = append(p.fill[:0], p.off[:n]...)
	for v := range int32(n) {
		for j := f.off[v]; j < f.off[v+1]; j++ {
			c := f.kids[j]
			p.par[p.fill[c]], p.mult[p.fill[c]] = v, f.mult[j]
			p.fill[c]++
		}
	}
	p.down, p.hits = fillBool(p.down, n), fill(p.hits, n, 0)
}

// local is x's component.
func (p *dagProp) local(x int32) int32 { return p.f.comp[p.f.loc[p.f.space.of(x)]] }

func (p *dagProp) downWith(seeds []int32) bool {
	f := p.f
	root := int32(len(f.group) - 1) // the service's component
	for _, s := range seeds {
		p.mark(s)
	}
	for h := 0; h < len(p.queue) && !p.down[root]; h++ {
		x := p.queue[h]
		for j := p.off[x]; j < p.off[x+1]; j++ {
			y := p.par[j]
			if p.down[y] {
				continue
			}
			if f.group[y] {
				if p.hits[y] == 0 {
					p.groups = append(p.groups, y)
				}
				if p.hits[y] += p.mult[j]; p.hits[y] <= f.slack[y] {
					continue
				}
			}
			p.mark(y)
		}
	}
	fell := p.down[root]
	for _, i := range p.queue {
		p.down[i] = false
	}
	for _, g := range p.groups {
		p.hits[g] = 0
	}
	p.queue, p.groups = p.queue[:0], p.groups[:0]
	return fell
}

func (p *dagProp) mark(i int32) {
	if !p.down[i] {
		p.down[i] = true
		p.queue = append(p.queue, i)
	}
}

package graph

// EntryPoints are the resources that stand in for business services when
// an estate declares none (DESIGN.md §7): resources that nothing outside
// their own cycle needs, which are workloads, or path objects (a load
// balancer, a DNS name) that front a workload. Configuration never stands
// in, and neither does a bare network. A cycle (a cluster and its node
// pool naming each other) never hides its entry points: a strongly
// connected component that nothing outside it needs counts as needed by
// nothing. Sorted by index; linear in the graph.
func (c *Compiled) EntryPoints() []int32 {
	n := c.Len()
	comp := c.components()
	neededFromOutside := make([]bool, n) // by component id
	for i := range n {
		for _, j := range c.NeededBy(int32(i)) {
			if comp[j] != comp[i] {
				neededFromOutside[comp[i]] = true
			}
		}
	}
	fronts := c.frontsWorkload()
	var out []int32
	for i, nd := range c.Nodes {
		if nd.Class != ClassResource || neededFromOutside[comp[i]] {
			continue
		}
		switch nd.EffectiveRole() {
		case RoleWorkload:
			out = append(out, int32(i))
		case RolePath:
			if fronts[i] {
				out = append(out, int32(i))
			}
		}
	}
	return out
}

// frontsWorkload marks every node with a needs-path to a workload resource.
func (c *Compiled) frontsWorkload() []bool {
	seen := make([]bool, c.Len())
	var queue []int32
	for i, nd := range c.Nodes {
		if nd.Class == ClassResource && nd.EffectiveRole() == RoleWorkload {
			queue = append(queue, int32(i))
		}
	}
	for h := 0; h < len(queue); h++ {
		for _, y := range c.NeededBy(queue[h]) {
			if !seen[y] {
				seen[y] = true
				queue = append(queue, y)
			}
		}
	}
	return seen
}

// components numbers the strongly connected components of the needs graph
// (Tarjan's algorithm, iterative so a deep chain cannot overflow the stack).
func (c *Compiled) components() []int32 {
	n := c.Len()
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	comp := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i], comp[i] = unvisited, unvisited
	}
	var stack []int32
	type frame struct{ v, next int32 }
	var calls []frame
	var counter, comps int32
	for root := range int32(n) {
		if index[root] != unvisited {
			continue
		}
		calls = append(calls, frame{root, 0})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			needs := c.Needs(f.v)
			if int(f.next) < len(needs) {
				w := needs[f.next]
				f.next++
				if index[w] == unvisited {
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{w, 0})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = comps
					if w == v {
						break
					}
				}
				comps++
			}
		}
	}
	return comp
}

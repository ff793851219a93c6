package graph

import (
	"maps"
	"slices"
)

// SplitByAccount cuts an estate into one estate per account (AWS account,
// GCP project, Azure subscription), the inverse of Merge: merging the
// shards in any order gives back e, byte for byte.
//
// Each shard holds the collected nodes of its account with their edges,
// and what they need: placements, groups and nodes of no account with
// their own edges; a node of another account it needs is there as a
// placeholder, without edges, so a shard audited alone still sees the
// reference. Nodes that no account reaches (a global placement, a service
// from an inventory) are in every shard, and so are gaps of no account.
// An estate of at most one account is returned as its only shard.
func SplitByAccount(e *Estate) map[string]*Estate {
	index := make(map[string]int, len(e.Nodes))
	accounts := map[string]bool{}
	for i, n := range e.Nodes {
		index[n.ID] = i
		if n.Account != "" && !n.Placeholder {
			accounts[n.Account] = true
		}
	}
	if len(accounts) <= 1 {
		for a := range accounts {
			return map[string]*Estate{a: e}
		}
		return map[string]*Estate{"": e}
	}
	adj := make([][]int, len(e.Nodes)) // node -> the nodes it needs (or its members)
	for _, ed := range e.Edges {
		f := index[ed.From]
		adj[f] = append(adj[f], index[ed.To])
	}
	// own reports whether shard a holds node i with its edges (rather than
	// as a placeholder).
	own := func(a string, n *Node) bool {
		return n.Account == a || n.Account == "" || n.Placeholder || !accounts[n.Account]
	}
	reached := make([]bool, len(e.Nodes))
	closure := func(a string, seeds []int) map[int]bool {
		in := map[int]bool{}
		stack := slices.Clone(seeds)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if in[i] {
				continue
			}
			in[i] = own(a, &e.Nodes[i])
			reached[i] = true
			if !in[i] {
				continue
			}
			stack = append(stack, adj[i]...)
		}
		return in
	}
	shards := map[string]map[int]bool{}
	for a := range accounts {
		var seeds []int
		for i := range e.Nodes {
			if n := &e.Nodes[i]; n.Account == a && !n.Placeholder {
				seeds = append(seeds, i)
			}
		}
		shards[a] = closure(a, seeds)
	}
	var everywhere []int
	for i := range e.Nodes {
		if !reached[i] {
			everywhere = append(everywhere, i)
		}
	}
	result := make(map[string]*Estate, len(accounts))
	for a, in := range shards {
		maps.Copy(in, closure(a, everywhere))
		result[a] = accountShard(e, a, in, accounts, index)
	}
	return result
}

// accountShard builds account a's shard from the nodes in it (true: with their
// edges; false: as a placeholder).
func accountShard(e *Estate, a string, in map[int]bool, accounts map[string]bool, index map[string]int) *Estate {
	s := &Estate{Extra: maps.Clone(e.Extra)}
	for i, n := range e.Nodes {
		withEdges, ok := in[i]
		if !ok {
			continue
		}
		if !withEdges {
			n = cloneNode(n)
			n.Placeholder = true
		}
		s.Nodes = append(s.Nodes, n)
	}
	for _, ed := range e.Edges {
		if in[index[ed.From]] {
			s.Edges = append(s.Edges, ed)
		}
	}
	for _, g := range e.Gaps {
		if g.Account == a || !accounts[g.Account] {
			s.Gaps = append(s.Gaps, g)
		}
	}
	return s
}

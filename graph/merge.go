package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A Shard is one estate and the file (or source) it came from, so a
// conflict can name both sides.
type Shard struct {
	Name   string
	Estate *Estate
}

// MergeError lists the facts two shards disagree on.
type MergeError struct {
	Conflicts []string
}

func (e *MergeError) Error() string {
	const show = 20
	msg := fmt.Sprintf("merge: %d conflict(s) between sources:\n  %s", len(e.Conflicts), strings.Join(e.Conflicts[:min(show, len(e.Conflicts))], "\n  "))
	if len(e.Conflicts) > show {
		msg += fmt.Sprintf("\n  ... and %d more", len(e.Conflicts)-show)
	}
	return msg
}

// Merge unions shards exactly, as if one run had collected them all:
//   - a node present in several shards (placements, a resource seen twice)
//     appears once, its empty fields filled in from the later shards;
//   - two shards giving a node different values for a fact the model
//     simulates (class, level, kind, role, provider, account, region, zones,
//     need, tier, cost, residency, managed service), for a descriptive field
//     (name, type, owners), or a tag or attribute different values is a
//     conflict: a *MergeError naming both shards; evidence, which says where
//     each source found the node, keeps every shard's ("a; b", sorted);
//   - a placeholder (a node a shard knows only as the target of a
//     reference into another account) gives way to the node the other shard
//     collected, and the edges it was given as a placeholder go with it, so
//     a cross-shard edge resolves by id;
//   - edges are deduplicated (a need beats an ordering edge between the same
//     nodes; the first shard's evidence stays), gaps are all kept.
//
// The same shards in the same order always give the same bytes.
func Merge(shards ...Shard) (*Estate, error) {
	type entry struct {
		node  Node
		shard string // the shard the kept version came from
	}
	nodes := map[string]*entry{}
	placeholderIn := map[string]map[string]bool{} // id -> shards where it is a placeholder
	var conflicts []string
	for _, s := range shards {
		for _, n := range s.Estate.Nodes {
			if n.Placeholder {
				if placeholderIn[n.ID] == nil {
					placeholderIn[n.ID] = map[string]bool{}
				}
				placeholderIn[n.ID][s.Name] = true
			}
			old, ok := nodes[n.ID]
			switch {
			case !ok || old.node.Placeholder && !n.Placeholder:
				nodes[n.ID] = &entry{node: cloneNode(n), shard: s.Name}
			case !old.node.Placeholder && n.Placeholder:
				// the collected node stands
			default:
				for _, c := range mergeNode(&old.node, n) {
					conflicts = append(conflicts, fmt.Sprintf("node %q: %s in %s, %s in %s", n.ID, c[0], old.shard, c[1], s.Name))
				}
			}
		}
	}
	e := &Estate{Nodes: make([]Node, 0, len(nodes))}
	for _, en := range nodes {
		e.Nodes = append(e.Nodes, en.node)
	}
	edges := map[[2]string]int{}
	extraFrom := map[string]string{}
	for _, s := range shards {
		for _, ed := range s.Estate.Edges {
			if placeholderIn[ed.From][s.Name] && !nodes[ed.From].node.Placeholder {
				continue // what a placeholder was said to need gives way to what was collected
			}
			key := [2]string{ed.From, ed.To}
			i, ok := edges[key]
			switch {
			case !ok:
				edges[key] = len(e.Edges)
				e.Edges = append(e.Edges, ed)
			case e.Edges[i].Relation == RelationOrdering && ed.Relation != RelationOrdering:
				e.Edges[i] = ed
			}
		}
		e.Gaps = append(e.Gaps, s.Estate.Gaps...)
		for k, v := range s.Estate.Extra {
			if old, ok := e.Extra[k]; ok {
				if !bytes.Equal(old, v) {
					conflicts = append(conflicts, fmt.Sprintf("top-level field %q: %s in %s, %s in %s", k, clip(old), extraFrom[k], clip(v), s.Name))
				}
				continue
			}
			if e.Extra == nil {
				e.Extra = map[string]json.RawMessage{}
			}
			e.Extra[k], extraFrom[k] = v, s.Name
		}
	}
	if len(conflicts) > 0 {
		slices.Sort(conflicts)
		return nil, &MergeError{Conflicts: conflicts}
	}
	e.Sort()
	e.Gaps = slices.CompactFunc(e.Gaps, gapEqual)
	if err := Validate(e); err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	return e, nil
}

func cloneNode(n Node) Node {
	n.Zones = slices.Clone(n.Zones)
	n.Owners = slices.Clone(n.Owners)
	n.Residency = slices.Clone(n.Residency)
	n.Tags = maps.Clone(n.Tags)
	n.Attrs = maps.Clone(n.Attrs)
	n.Extra = maps.Clone(n.Extra)
	return n
}

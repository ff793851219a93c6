package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// Validate checks what the package promises of every estate (see the package
// comment). The error is an *InputError with the JSON path of the first
// problem; its File is left for the caller to fill in.
func Validate(e *Estate) error {
	_, _, err := validate(e)
	return err
}

// validate is Validate, also returning the id map (id -> position in
// e.Nodes) and each edge's (from, to) positions as from<<32|to. An estate
// validated when it was read (Decode) is not validated again.
func validate(e *Estate) (map[string]int, []uint64, error) {
	if v := e.validated(); v != nil {
		return v.ids, v.keys, nil
	}
	return validateWith(e, nil, nil)
}

// validateWith validates e. A reader that built the id map (without
// duplicates) or the edge keys as it went passes them, so they are not
// built again; nil means build them here.
func validateWith(e *Estate, ids map[string]int, keys []uint64) (map[string]int, []uint64, error) {
	known := ids != nil
	if !known {
		ids = make(map[string]int, len(e.Nodes))
	}
	for i := range e.Nodes {
		n := &e.Nodes[i]
		at := func(field string) string { return fmt.Sprintf("$.nodes[%d]%s", i, field) }
		if n.ID == "" {
			return nil, nil, &InputError{Path: at(".id"), Msg: "a node needs a non-empty id"}
		}
		if !known {
			if j, dup := ids[n.ID]; dup {
				return nil, nil, &InputError{Path: at(".id"), Msg: fmt.Sprintf("duplicate id %q (first at $.nodes[%d])", n.ID, j)}
			}
			ids[n.ID] = i
		}
		switch n.Class {
		case ClassResource, ClassGroup, ClassService:
			if n.Level != "" {
				return nil, nil, &InputError{Path: at(".level"), Msg: fmt.Sprintf("level is for placement nodes only; %q is a %s", n.ID, n.Class)}
			}
		case ClassPlacement:
			switch n.Level {
			case LevelProvider, LevelRegion, LevelZone, LevelService:
			default:
				return nil, nil, &InputError{Path: at(".level"), Msg: fmt.Sprintf("placement %q has level %q; expected provider, region, zone or service", n.ID, n.Level)}
			}
		default:
			return nil, nil, &InputError{Path: at(".class"), Msg: fmt.Sprintf("node %q has class %q; expected resource, placement, group or service", n.ID, n.Class)}
		}
		if n.Class != ClassGroup && n.Need != 0 {
			return nil, nil, &InputError{Path: at(".need"), Msg: fmt.Sprintf("need is for group nodes only; %q is a %s", n.ID, n.Class)}
		}
		if n.Class == ClassGroup && n.Need < 1 {
			return nil, nil, &InputError{Path: at(".need"), Msg: fmt.Sprintf("group %q needs need >= 1, got %d", n.ID, n.Need)}
		}
		switch n.Role {
		case "", RoleWorkload, RolePath, RoleConfiguration:
		default:
			return nil, nil, &InputError{Path: at(".role"), Msg: fmt.Sprintf("node %q has role %q; expected workload, path or configuration", n.ID, n.Role)}
		}
		if n.Tier < 0 || n.Tier > 4 {
			return nil, nil, &InputError{Path: at(".tier"), Msg: fmt.Sprintf("tier of %q is %d; expected 1 (most critical) to 4", n.ID, n.Tier)}
		}
		if n.DowntimeCostPerHour < 0 {
			return nil, nil, &InputError{Path: at(".downtime_cost_per_hour"), Msg: "downtime cost cannot be negative"}
		}
	}
	members, keys, ok := edgesFast(e, ids, keys)
	if !ok {
		var err error
		if members, err = edgesFirstProblem(e, ids); err != nil {
			return nil, nil, err
		}
	}
	for i := range e.Nodes {
		n := &e.Nodes[i]
		if n.Class == ClassGroup && n.Need > int(members[i]) {
			return nil, nil, &InputError{Path: fmt.Sprintf("$.nodes[%d].need", i), Msg: fmt.Sprintf("group %q needs %d but has only %d members (ordering edges and configuration nodes are not members)", n.ID, n.Need, members[i])}
		}
	}
	for i, g := range e.Gaps {
		if g.Status == "" {
			return nil, nil, &InputError{Path: fmt.Sprintf("$.gaps[%d].status", i), Msg: "a gap needs a status (denied, not_enabled, failed, unsupported or unknown)"}
		}
	}
	return ids, keys, nil
}

// edgesFast checks the edges of a large estate cheaply: node positions
// instead of id strings, and duplicates found by sorting the (from, to)
// keys rather than through a map of millions of keys. It returns the
// members (failure-carrying edges) per node and each edge's (from, to)
// positions as from<<32|to, or false at any problem, for edgesFirstProblem
// to name the first one exactly.
func edgesFast(e *Estate, ids map[string]int, known []uint64) ([]int32, []uint64, bool) {
	members := make([]int32, len(e.Nodes))
	keys := known
	if keys == nil {
		keys = make([]uint64, len(e.Edges))
	}
	for i := range e.Edges {
		ed := &e.Edges[i]
		var from, to int
		if known != nil {
			from, to = int(keys[i]>>32), int(uint32(keys[i]))
		} else {
			var okF, okT bool
			from, okF = ids[ed.From]
			to, okT = ids[ed.To]
			if !okF || !okT {
				return nil, nil, false
			}
			keys[i] = uint64(from)<<32 | uint64(to)
		}
		if from == to || (ed.Relation != "" && ed.Relation != RelationOrdering) {
			return nil, nil, false
		}
		if Carries(ed, &e.Nodes[from], &e.Nodes[to]) {
			members[from]++
		}
	}
	sorted := keys // as Encode writes them: nodes by id, edges by (from, to)
	if !slices.IsSorted(keys) {
		sorted = slices.Clone(keys)
		slices.Sort(sorted)
	}
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return nil, nil, false
		}
	}
	return members, keys, true
}

// edgesFirstProblem checks the edges in order and returns the first problem
// (or none, with the members per node).
func edgesFirstProblem(e *Estate, ids map[string]int) ([]int32, error) {
	members := make([]int32, len(e.Nodes))
	seen := make(map[uint64]int32, len(e.Edges))
	for i, ed := range e.Edges {
		at := func(field string) string { return fmt.Sprintf("$.edges[%d]%s", i, field) }
		from, ok := ids[ed.From]
		if !ok {
			return nil, &InputError{Path: at(".from"), Msg: fmt.Sprintf("edge from unknown node %q", ed.From)}
		}
		to, ok := ids[ed.To]
		if !ok {
			return nil, &InputError{Path: at(".to"), Msg: fmt.Sprintf("edge to unknown node %q", ed.To)}
		}
		if ed.Relation != "" && ed.Relation != RelationOrdering {
			return nil, &InputError{Path: at(".relation"), Msg: fmt.Sprintf("edge %q -> %q has relation %q; expected none (a need) or %q", ed.From, ed.To, ed.Relation, RelationOrdering)}
		}
		if from == to {
			return nil, &InputError{Path: at(""), Msg: fmt.Sprintf("node %q cannot need itself", ed.From)}
		}
		key := uint64(from)<<32 | uint64(to)
		if j, dup := seen[key]; dup {
			return nil, &InputError{Path: at(""), Msg: fmt.Sprintf("duplicate edge %q -> %q (first at $.edges[%d])", ed.From, ed.To, j)}
		}
		seen[key] = int32(i)
		if Carries(&e.Edges[i], &e.Nodes[from], &e.Nodes[to]) {
			members[from]++
		}
	}
	return members, nil
}

// Sort puts nodes, edges and gaps (and each node's zones) in canonical order.
func (e *Estate) Sort() {
	e.valid = nil // positions change
	slices.SortFunc(e.Nodes, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	for i := range e.Nodes {
		slices.Sort(e.Nodes[i].Zones)
	}
	slices.SortFunc(e.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	slices.SortFunc(e.Gaps, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.Provider, b.Provider), cmp.Compare(a.Account, b.Account),
			cmp.Compare(a.Region, b.Region), cmp.Compare(a.Service, b.Service),
			cmp.Compare(a.Status, b.Status), cmp.Compare(a.Detail, b.Detail))
	})
}

// validation is what validating an estate learnt, kept for compiling it:
// valid while the estate has the same node and edge lists.
type validation struct {
	nodes []Node
	edges []Edge
	ids   map[string]int
	keys  []uint64
}

// remember keeps what validation learnt (see validated).
func (e *Estate) remember(ids map[string]int, keys []uint64) {
	e.valid = &validation{nodes: e.Nodes, edges: e.Edges, ids: ids, keys: keys}
}

// validated returns what validating e learnt, when e was validated as it
// was read and its lists are still the ones read; else nil. Code that
// changes a read estate builds a new one (Builder, Merge), so a change in
// place is not looked for beyond the lists themselves.
func (e *Estate) validated() *validation {
	v := e.valid
	if v == nil || !sameBacking(v.nodes, e.Nodes) || !sameBacking(v.edges, e.Edges) {
		return nil
	}
	return v
}

func sameBacking[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

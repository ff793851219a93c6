package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Selectors are graph.Selector: one grammar for the whole program.

// ParseSelectors parses several selectors, stopping at the first bad one.
func ParseSelectors(ss []string) ([]graph.Selector, error) {
	out := make([]graph.Selector, 0, len(ss))
	for _, s := range ss {
		sel, err := graph.ParseSelector(s)
		if err != nil {
			return nil, err
		}
		out = append(out, sel)
	}
	return out, nil
}

// Resolve returns the nodes the selectors name, sorted and deduplicated. A
// selector that matches nothing is a *SelectorError naming it.
func (m *Model) Resolve(sels []graph.Selector) ([]int32, error) {
	var out []int32
	for _, sel := range sels {
		got := m.resolve(sel)
		if len(got) == 0 {
			return nil, &graph.SelectorError{Selector: sel.String(), Msg: "matches no node in the estate" + m.known(sel.Kind)}
		}
		out = append(out, got...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// known lists a few selectors of the same kind that do match, so a typo in
// a region or zone name is quick to fix.
func (m *Model) known(kind graph.SelectorKind) string {
	level := map[graph.SelectorKind]graph.Level{graph.SelectProvider: graph.LevelProvider, graph.SelectRegion: graph.LevelRegion,
		graph.SelectZone: graph.LevelZone, graph.SelectService: graph.LevelService}[kind]
	if level == "" {
		return ""
	}
	const most = 8
	var names []string
	total := 0
	for i, nd := range m.c.Nodes {
		if m.class[i] != clPlacement || nd.Level != level {
			continue
		}
		total++
		if len(names) < most {
			names = append(names, graph.PlacementSelector(nd).String())
		}
	}
	if total == 0 {
		return "; the estate has no " + string(kind) + " placements"
	}
	more := ""
	if total > most {
		more = fmt.Sprintf(" and %d more", total-most)
	}
	return "; it has " + strings.Join(names, ", ") + more
}

func (m *Model) resolve(sel graph.Selector) []int32 {
	if id := sel.Node(); id != "" {
		want := graph.ClassPlacement
		if sel.Kind == graph.SelectNode {
			want = ""
		}
		if i, ok := m.c.Index(id); ok && (want == "" || m.c.Nodes[i].Class == want) {
			return []int32{i}
		}
		return nil
	}
	var out []int32
	for i := range m.c.Nodes {
		if m.class[i] == clResource && sel.Matches(m.c.Nodes[i]) {
			out = append(out, int32(i))
		}
	}
	return out
}

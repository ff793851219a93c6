package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Selector names a set of nodes to fail (DESIGN.md §4).
type Selector struct {
	Kind  string // provider, region, zone, service, node, tag, kind
	Value string // what follows the colon
	// Key and TagValue split a tag selector's k=v.
	Key, TagValue string
}

// String is the selector as written: "region:aws/us-east-1".
func (s Selector) String() string { return s.Kind + ":" + s.Value }

// SelectorError is a selector that does not parse or matches nothing; the
// command line maps it to exit status 2.
type SelectorError struct {
	Selector string
	Msg      string
}

func (e *SelectorError) Error() string { return fmt.Sprintf("selector %q: %s", e.Selector, e.Msg) }

const selectorHelp = "expected provider:P, region:P/R, zone:P/R/Z, service:P/R/NAME, node:ID, tag:K=V or kind:K"

// ParseSelector parses one selector.
func ParseSelector(s string) (Selector, error) {
	kind, val, ok := strings.Cut(s, ":")
	if !ok || val == "" {
		return Selector{}, &SelectorError{s, selectorHelp}
	}
	sel := Selector{Kind: kind, Value: val}
	parts := strings.Split(val, "/")
	bad := func(want string) (Selector, error) {
		return Selector{}, &SelectorError{s, "expected " + kind + ":" + want}
	}
	switch kind {
	case "provider":
		if len(parts) != 1 {
			return bad("PROVIDER")
		}
	case "region":
		if len(parts) != 2 || slices.Contains(parts, "") {
			return bad("PROVIDER/REGION")
		}
	case "zone":
		if len(parts) != 3 || slices.Contains(parts, "") {
			return bad("PROVIDER/REGION/ZONE")
		}
	case "service":
		if len(parts) != 3 || slices.Contains(parts, "") {
			return bad("PROVIDER/REGION/NAME (REGION may be global)")
		}
	case "node", "kind":
	case "tag":
		k, v, ok := strings.Cut(val, "=")
		if !ok || k == "" {
			return bad("KEY=VALUE")
		}
		sel.Key, sel.TagValue = k, v
	default:
		return Selector{}, &SelectorError{s, "unknown selector kind " + kind + "; " + selectorHelp}
	}
	return sel, nil
}

// ParseSelectors parses several selectors, stopping at the first bad one.
func ParseSelectors(ss []string) ([]Selector, error) {
	out := make([]Selector, 0, len(ss))
	for _, s := range ss {
		sel, err := ParseSelector(s)
		if err != nil {
			return nil, err
		}
		out = append(out, sel)
	}
	return out, nil
}

// Resolve returns the nodes the selectors name, sorted and deduplicated. A
// selector that matches nothing is a *SelectorError naming it.
func (m *Model) Resolve(sels []Selector) ([]int32, error) {
	var out []int32
	for _, sel := range sels {
		got := m.resolve(sel)
		if len(got) == 0 {
			return nil, &SelectorError{sel.String(), "matches no node in the estate" + m.known(sel.Kind)}
		}
		out = append(out, got...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// known lists a few selectors of the same kind that do match, so a typo in
// a region or zone name is quick to fix.
func (m *Model) known(kind string) string {
	level := map[string]graph.Level{"provider": graph.LevelProvider, "region": graph.LevelRegion,
		"zone": graph.LevelZone, "service": graph.LevelService}[kind]
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
			names = append(names, kind+":"+strings.Replace(nd.ID, "/service/", "/", 1))
		}
	}
	if total == 0 {
		return "; the estate has no " + kind + " placements"
	}
	more := ""
	if total > most {
		more = fmt.Sprintf(" and %d more", total-most)
	}
	return "; it has " + strings.Join(names, ", ") + more
}

func (m *Model) resolve(sel Selector) []int32 {
	parts := strings.Split(sel.Value, "/")
	byID := func(id string, want graph.Class) []int32 {
		if i, ok := m.c.Index(id); ok && (want == "" || m.c.Nodes[i].Class == want) {
			return []int32{i}
		}
		return nil
	}
	switch sel.Kind {
	case "provider":
		return byID(graph.ProviderID(sel.Value), graph.ClassPlacement)
	case "region":
		return byID(graph.RegionID(parts[0], parts[1]), graph.ClassPlacement)
	case "zone":
		return byID(graph.ZoneID(parts[0], parts[1], parts[2]), graph.ClassPlacement)
	case "service":
		return byID(graph.ManagedServiceID(parts[0], parts[1], parts[2]), graph.ClassPlacement)
	case "node":
		return byID(sel.Value, "")
	case "tag", "kind":
		var out []int32
		for i, nd := range m.c.Nodes {
			if m.class[i] != clResource {
				continue
			}
			if sel.Kind == "kind" && nd.Kind == sel.Value {
				out = append(out, int32(i))
			}
			if v, ok := nd.Tags[sel.Key]; sel.Kind == "tag" && ok && v == sel.TagValue {
				out = append(out, int32(i))
			}
		}
		return out
	}
	return nil
}

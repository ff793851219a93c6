package inventory

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// DeriveServices adds a business service for each distinct value of the
// resource tag serviceTag, returning a new validated estate (e is not
// changed). Service "service:V" needs its entry points: the resources tagged
// V that no other resource tagged V needs (when every tagged resource is
// needed by another, as in a cycle, it needs all of them). Its tier is the
// most critical valid value ("1".."4", "tier1", "t1") of tierTag on its
// resources, when tierTag is set and present. A service node that already
// exists (declared in an inventory) is left exactly as it is.
func DeriveServices(e *graph.Estate, serviceTag, tierTag string) (*graph.Estate, error) {
	if serviceTag == "" {
		return nil, errors.New("derive services: the service tag key is empty")
	}
	byValue := map[string][]int{}
	index := make(map[string]int, len(e.Nodes))
	for i := range e.Nodes {
		n := &e.Nodes[i]
		index[n.ID] = i
		// Configuration (IAM, alarms, policies) is never part of a service.
		if v, ok := n.Tags[serviceTag]; ok && n.Class == graph.ClassResource && n.Role != graph.RoleConfiguration && strings.TrimSpace(v) != "" {
			byValue[v] = append(byValue[v], i)
		}
	}
	// needed[i]: some resource with the same service tag value needs node i.
	needed := make([]bool, len(e.Nodes))
	for _, ed := range e.Edges {
		fi, ok1 := index[ed.From]
		to, ok2 := index[ed.To]
		from := &e.Nodes[fi]
		if !ok1 || !ok2 || from.Class != graph.ClassResource {
			continue
		}
		if v, ok := from.Tags[serviceTag]; ok && e.Nodes[to].Tags[serviceTag] == v {
			needed[to] = true
		}
	}
	b := graph.NewBuilder()
	b.Merge(e)
	for _, v := range slices.Sorted(maps.Keys(byValue)) {
		members := byValue[v]
		id := ServiceID(v)
		if old := b.Get(id); old != nil {
			if old.Class != graph.ClassService {
				return nil, fmt.Errorf("derive services: tag %s=%q would make service %q, but that id is a %s node", serviceTag, v, id, old.Class)
			}
			continue // a declared service wins: its entry points were chosen by hand
		}
		tier := 0
		for _, i := range members {
			if t := parseTier(e.Nodes[i].Tags[tierTag]); tierTag != "" && t > 0 && (tier == 0 || t < tier) {
				tier = t
			}
		}
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: v, Tier: tier,
			Tags: map[string]string{serviceTag: v}, Evidence: fmt.Sprintf("derived from tag %s=%s", serviceTag, v)})
		var entries []int
		for _, i := range members {
			if !needed[i] {
				entries = append(entries, i)
			}
		}
		ev := fmt.Sprintf("derived from tag %s=%s: entry point (no other %s resource needs it)", serviceTag, v, v)
		if len(entries) == 0 {
			entries = members
			ev = fmt.Sprintf("derived from tag %s=%s: every tagged resource is needed by another, so all are entry points", serviceTag, v)
		}
		for _, i := range entries {
			b.Edge(id, e.Nodes[i].ID, ev)
		}
	}
	out, err := b.Estate()
	if err != nil {
		return nil, fmt.Errorf("derive services: %w", err)
	}
	return out, nil
}

// parseTier reads "1".."4", "tier1", "tier-1", "t1"; anything else is 0.
func parseTier(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "tier"), "t")
	s = strings.TrimLeft(s, "-_ ")
	t, err := strconv.Atoi(s)
	if err != nil || t < 1 || t > 4 {
		return 0
	}
	return t
}

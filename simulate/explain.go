package simulate

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Explain says why node id is or is not a SPOF: it fails the node alone,
// gives the chain (with each edge's evidence) for every critical service it
// takes down, and for critical services that depend on it but stay UP, the
// redundancy groups that absorbed the failure. An unknown id is a
// *SelectorError.
func (m *Model) Explain(id string) (*Explanation, error) {
	x, ok := m.c.Index(id)
	if !ok {
		return nil, &graph.SelectorError{Selector: graph.NodeSelector(id).String(), Msg: "no node with this id in the estate"}
	}
	p := newPropagator(m)
	p.fail(x)
	f := newChainFinder(m)
	ex := &Explanation{Version: ExplanationVersion, Node: id, Level: m.Level(x), Down: []Chain{}, Survives: []Absorbed{}}
	dependents := m.dependents(x)
	for _, s := range m.critical {
		if s == x {
			continue
		}
		if p.down[s] {
			path := f.chain(p.down, s, x)
			ch := Chain{Service: m.id(s), Path: m.ids(path)}
			for k := 0; k+1 < len(path); k++ {
				ev := ""
				if e := m.c.EdgeTo(path[k], path[k+1]); e != nil {
					ev = e.Evidence
				}
				ch.Evidence = append(ch.Evidence, ev)
			}
			ex.Down = append(ex.Down, ch)
		} else if dependents[s] {
			ex.Survives = append(ex.Survives, Absorbed{Service: m.id(s), Groups: m.ids(m.absorbers(p, dependents, s))})
		}
	}
	for _, ed := range m.c.EvidenceOnly(x) {
		why := "configuration"
		if !ed.Propagates() {
			why = graph.RelationOrdering
		}
		ex.EvidenceOnly = append(ex.EvidenceOnly, EvidenceEdge{To: ed.To, Why: why, Evidence: ed.Evidence})
	}
	ex.IsSPOF = m.IsCandidate(x) && len(ex.Down) > 0
	ids := []string{ex.Node}
	for _, c := range ex.Down {
		ids = append(append(ids, c.Service), c.Path...)
	}
	for _, s := range ex.Survives {
		ids = append(append(ids, s.Service), s.Groups...)
	}
	ex.Names = m.NodeNames(ids)
	ex.Summary = m.summary(ex) // in the display names, as every report speaks
	return ex, nil
}

// dependents marks every node with a needs-path to x (x included).
func (m *Model) dependents(x int32) []bool {
	seen := make([]bool, m.c.Len())
	seen[x] = true
	queue := []int32{x}
	for h := 0; h < len(queue); h++ {
		for _, y := range m.c.NeededBy(queue[h]) {
			if !seen[y] {
				seen[y] = true
				queue = append(queue, y)
			}
		}
	}
	return seen
}

// absorbers are the UP groups with a DOWN member that s reaches through UP
// nodes on its way to x: the redundancy that held.
func (m *Model) absorbers(p *propagator, dependents []bool, s int32) []int32 {
	seen := map[int32]bool{s: true}
	queue := []int32{s}
	var groups []int32
	for h := 0; h < len(queue); h++ {
		y := queue[h]
		if m.class[y] == clGroup && p.hits[y] > 0 {
			groups = append(groups, y)
			continue
		}
		for _, z := range m.c.Needs(y) {
			if !seen[z] && dependents[z] && !p.down[z] {
				seen[z] = true
				queue = append(queue, z)
			}
		}
	}
	sortInt32(groups)
	return groups
}

func (m *Model) summary(ex *Explanation) string {
	x, _ := m.c.Index(ex.Node)
	named := &Audit{Names: ex.Names}
	node := named.Name(ex.Node)
	switch {
	case !m.IsCandidate(x):
		return fmt.Sprintf("%s is a %s node: groups and services are never SPOFs themselves; failing it takes %d critical service(s) down.", node, m.c.Nodes[x].Class, len(ex.Down))
	case ex.IsSPOF:
		svcs := func(j int) string { return named.Name(ex.Down[j].Service) }
		return fmt.Sprintf("%s (%s) is a SPOF: its failure alone takes %d critical service(s) down: %s (shortest chain: %s).",
			node, ex.Level, len(ex.Down), firstFew(len(ex.Down), 5, svcs), strings.Join(named.NamesOf(ex.Down[0].Path), " -> "))
	case len(ex.Survives) > 0:
		return fmt.Sprintf("%s (%s) is not a SPOF: %d critical service(s) depend on it and survive its failure because redundancy groups absorb it.", node, ex.Level, len(ex.Survives))
	}
	return fmt.Sprintf("%s (%s) is not a SPOF: no critical service depends on it.", node, ex.Level)
}

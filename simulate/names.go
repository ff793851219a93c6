package simulate

import (
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Every result carries the display names (graph.DisplayNames) of the nodes
// it mentions, in its "names" field: the one short, unique name each format
// shows, computed once with the result, never by a writer.

// NodeNames names the given node ids (unknown ids are left out).
func (m *Model) NodeNames(ids []string) map[string]string {
	return graph.DisplayNames(m.c.Estate.Nodes, ids)
}

// Name is a node's display name as the audit gives it, else its id.
func (a *Audit) Name(id string) string {
	if n, ok := a.Names[id]; ok {
		return n
	}
	return id
}

// NamesOf is Name of each id, in order.
func (a *Audit) NamesOf(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = a.Name(id)
	}
	return out
}

// idSet collects ids once each, in first-seen order.
type idSet struct {
	seen map[string]bool
	ids  []string
}

func (s *idSet) add(ids ...string) {
	for _, id := range ids {
		if id != "" && !s.seen[id] {
			s.seen[id] = true
			s.ids = append(s.ids, id)
		}
	}
}

// chainNamed is how many SPOFs have every node of their chain named; the
// rest have the ends named, which is what a table shows ("a → b → …3… →
// y → z"). A large estate's chains would otherwise cost more than the audit.
const chainNamed = 200

// auditIDs lists the node ids an audit mentions, once each.
func auditIDs(a *Audit) []string {
	s := &idSet{seen: map[string]bool{}}
	for _, sv := range a.Services {
		s.add(sv.Service)
	}
	for i, sp := range a.SPOFs {
		s.add(sp.Node)
		s.add(sp.Services...)
		if i < chainNamed || len(sp.Chain) <= 4 {
			s.add(sp.Chain...)
		} else {
			s.add(sp.Chain[:2]...)
			s.add(sp.Chain[len(sp.Chain)-2:]...)
		}
	}
	for _, d := range a.DoublePoints {
		s.add(d.Nodes[0], d.Nodes[1])
		s.add(d.Services...)
	}
	for _, sc := range a.Scenarios {
		s.add(sc.ServicesDown...)
		s.add(sc.Nodes...)
	}
	for _, r := range a.Lockin.Resources {
		s.add(r.Node)
	}
	for _, f := range a.Findings {
		s.add(f.Node)
	}
	return s.ids
}

// NodeByName finds the node a user named: s itself when it is a node id,
// else the node whose display name is s, as any report prints it ("Orders
// and fulfilment", "AWS us-east-1 zone use1-az1", "key/4db0a272-… (eu-west-1)"),
// compared without regard to case. ok is false when nothing or more than
// one node has that name.
func (m *Model) NodeByName(s string) (id string, ok bool) {
	if _, ok := m.c.Index(s); ok {
		return s, true
	}
	for nid, name := range graph.DisplayNames(m.c.Estate.Nodes, nil) {
		if strings.EqualFold(name, s) {
			if id != "" {
				return "", false
			}
			id = nid
		}
	}
	return id, id != ""
}

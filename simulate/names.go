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

// chainNamed is how many SPOFs have every node of their chain named; the
// rest have the ends named, which is what a table shows ("a → b → …3… →
// y → z"). A large estate's chains would otherwise cost more than the audit.
const chainNamed = 200

// auditNames names the nodes an audit mentions: every service, the SPOFs
// with their services and chains, the listed double points, the
// scenarios' nodes and the lock-in resources. They are marked by index as
// the audit finds them (lockin: the listed resources), not looked up by id.
// byIndex holds the names by node index too.
func (m *Model) auditNames(a *Audit, sr *scanResult, pairs []pairRec, lockin []int32) (names map[string]string, byIndex []string) {
	want := make([]bool, m.c.Len())
	mark := func(idx ...int32) {
		for _, i := range idx {
			want[i] = true
		}
	}
	mark(m.services...) // the services of every list too
	for k, r := range sr.spofs {
		mark(r.node)
		chain, _ := sr.links.bounded(r.chain)
		if k < chainNamed || len(chain) <= 4 {
			mark(chain...)
		} else {
			mark(chain[:2]...)
			mark(chain[len(chain)-2:]...)
		}
	}
	for _, pr := range pairs {
		mark(pr.a, pr.b)
	}
	for _, sc := range a.Scenarios {
		for _, id := range sc.Nodes {
			if i, ok := m.c.Index(id); ok {
				mark(i)
			}
		}
	}
	mark(lockin...)
	return m.c.DisplayNames(want)
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

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

// auditIDs lists the node ids an audit mentions.
func auditIDs(a *Audit) []string {
	var ids []string
	for _, s := range a.Services {
		ids = append(ids, s.Service)
	}
	for _, s := range a.SPOFs {
		ids = append(append(append(ids, s.Node), s.Services...), s.Chain...)
	}
	for _, d := range a.DoublePoints {
		ids = append(append(ids, d.Nodes[0], d.Nodes[1]), d.Services...)
	}
	for _, s := range a.Scenarios {
		ids = append(ids, s.ServicesDown...)
		for _, f := range s.Fail {
			if id := SelectorNode(f); id != "" {
				ids = append(ids, id)
			}
		}
	}
	for _, r := range a.Lockin.Resources {
		ids = append(ids, r.Node)
	}
	for _, s := range a.Lockin.Services {
		ids = append(ids, s.Service)
	}
	for _, f := range a.Findings {
		ids = append(append(ids, f.Node), f.Services...)
	}
	return ids
}

// SelectorNode is the node id a one-node selector names ("region:aws/us-east-1"
// names aws/us-east-1, "service:aws/us-east-1/dynamodb" names
// aws/us-east-1/service/dynamodb), or "" for a selector of many nodes.
func SelectorNode(sel string) string {
	kind, v, ok := strings.Cut(sel, ":")
	if !ok {
		return ""
	}
	switch kind {
	case "provider", "region", "zone", "node":
		return v
	case "service":
		if p := strings.Split(v, "/"); len(p) == 3 {
			return graph.ManagedServiceID(p[0], p[1], p[2])
		}
	}
	return ""
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

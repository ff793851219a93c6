package terraform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

type edges struct {
	b       *graph.Builder
	ix      *index
	members map[string][]memberOf // target id -> members
	anyOf   map[[2]string][]string
	covered map[[2]*node]bool // pairs already related, either way
	// deps caches what a dependency address resolves to from one module
	// instance of one file: every instance of a counted resource shares it.
	deps map[[3]string][]*node
}

type memberOf struct{ id, evidence string }

func newEdges(b *graph.Builder, ix *index) *edges {
	return &edges{b: b, ix: ix, members: map[string][]memberOf{}, anyOf: map[[2]string][]string{},
		covered: map[[2]*node]bool{}, deps: map[[3]string][]*node{}}
}

// relate records that n refers to t in attribute key.
func (e *edges) relate(n, t *node, key, evidence string) {
	if n.id == t.id {
		return
	}
	e.covered[[2]*node{n, t}] = true
	e.covered[[2]*node{t, n}] = true
	switch relationOf(n.in.typ, key) {
	case relNone:
		return
	case relOrdering:
		e.b.Ordering(n.id, t.id, evidence+" (creation order only)")
	case relReverse:
		e.b.Edge(t.id, n.id, evidence+" (the target needs the resource naming it)")
	case relMember:
		e.members[t.id] = append(e.members[t.id], memberOf{n.id, evidence})
	case relAnyOf:
		k := [2]string{n.id, key}
		if !slices.Contains(e.anyOf[k], t.id) {
			e.anyOf[k] = append(e.anyOf[k], t.id)
		}
	default:
		e.b.Edge(n.id, t.id, evidence)
	}
}

func (e *edges) fromRefs(n *node) {
	for _, r := range n.refs {
		e.relate(n, r.target, r.key, r.evidence)
	}
}

// refEvidence says where a reference came from; worked out for every node
// in parallel before the edges are written in order.
func refEvidence(n *node, r ref) string {
	how := ": attribute " + r.key + " holds the id of "
	if r.config {
		how = ": configuration expression " + r.key + " references "
	}
	ev := "terraform " + n.in.address + how + r.target.in.address
	if r.via != "" {
		ev += " through output " + r.via
	}
	return ev
}

// fromDependencies keeps the state's dependencies (and a plan's prior
// state's) as ordering evidence: Terraform records what had to be created
// first, which says nothing about what fails together.
func (e *edges) fromDependencies(n *node) {
	for _, dep := range n.in.deps {
		if strings.HasPrefix(dep, "data.") || strings.Contains(dep, ".data.") {
			continue
		}
		k := [3]string{n.in.file, n.module, dep}
		targets, ok := e.deps[k]
		if !ok {
			targets = e.resolve(n, configAddress(dep), "")
			e.deps[k] = targets
		}
		if slices.ContainsFunc(targets, func(t *node) bool { return e.covered[[2]*node{n, t}] }) {
			continue // an attribute already says which instance (web[0] needs subnet[0])
		}
		for _, t := range targets {
			e.b.Ordering(n.id, t.id, "terraform "+n.in.address+": dependencies lists "+dep+" (creation order only)")
		}
	}
}

// resolve finds the instances of a config address, preferring those in
// n's own module instance, and the one index when given.
func (e *edges) resolve(n *node, to, index string) []*node {
	return e.ix.resolve(n, to, index)
}

func (ix *index) resolve(n *node, to, index string) []*node {
	all := ix.byConfig[inFile{n.in.file, to}]
	switch index {
	case byCountIndex, byEachKey:
		return sameInstance(n, ix.inModule(n, all), index)
	}
	if index != "" {
		var one []*node
		for _, t := range all {
			if strings.HasSuffix(t.in.address, index) {
				one = append(one, t)
			}
		}
		all = one
	}
	return ix.inModule(n, all)
}

// inModule keeps the targets in n's own module instance, when there are any.
func (ix *index) inModule(n *node, all []*node) []*node {
	var same []*node
	for _, t := range all {
		if t.module == n.module {
			same = append(same, t)
		}
	}
	if len(same) > 0 {
		return same
	}
	return all
}

// sameInstance picks, for x[count.index] or element(x, count.index), the
// target whose index is n's own (modulo the number of targets, as element
// wraps), and for each.key/each.value the target with n's own key. When n
// has no index or key of that form, every target stays.
func sameInstance(n *node, all []*node, mode string) []*node {
	key, ok := instanceKey(n.in.address)
	if !ok || len(all) == 0 {
		return all
	}
	if mode == byEachKey {
		for _, t := range all {
			if k, _ := instanceKey(t.in.address); k == key {
				return []*node{t}
			}
		}
		return all
	}
	i, err := strconv.Atoi(key)
	if err != nil {
		return all
	}
	byIndex := map[int]*node{}
	for _, t := range all {
		k, _ := instanceKey(t.in.address)
		j, err := strconv.Atoi(k)
		if err != nil {
			return all
		}
		byIndex[j] = t
	}
	if t, ok := byIndex[i%len(all)]; ok {
		return []*node{t}
	}
	return all
}

// instanceKey is the resource's own index or key, without brackets:
// module.a["x"].aws_subnet.s[2] -> "2"; aws_subnet.s["b"] -> "\"b\"".
func instanceKey(addr string) (string, bool) {
	if !strings.HasSuffix(addr, "]") {
		return "", false
	}
	depth, inString := 0, false
	for i := len(addr) - 1; i >= 0; i-- {
		c := addr[i]
		switch {
		case c == '"' && (i == 0 || addr[i-1] != '\\'):
			inString = !inString
		case inString:
		case c == ']':
			depth++
		case c == '[':
			depth--
			if depth == 0 {
				return addr[i+1 : len(addr)-1], true
			}
		}
	}
	return "", false
}

// modulePrefix is the module instance part of an address
// (module.app["x"] of module.app["x"].aws_instance.web[0]).
func modulePrefix(addr string) string {
	cuts := addressDots(addr)
	if len(cuts) < 2 {
		return ""
	}
	return addr[:cuts[len(cuts)-2]]
}

// addressDots are the positions of the dots that separate an address's
// parts: not those inside an instance key (module.app["a.b"]).
func addressDots(addr string) []int {
	var cuts []int
	depth, inString := 0, false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			cuts = append(cuts, i)
		}
	}
	return cuts
}

// flush writes the member and any-of groups.
func (e *edges) flush() {
	for _, t := range sortedKeys(e.members) {
		ms := e.members[t]
		slices.SortFunc(ms, func(a, b memberOf) int { return strings.Compare(a.id, b.id) })
		ms = slices.CompactFunc(ms, func(a, b memberOf) bool { return a.id == b.id })
		if len(ms) == 1 {
			e.b.Edge(t, ms[0].id, ms[0].evidence+" (the target needs its member)")
			continue
		}
		gid := graph.GroupID(t, "members")
		ids := make([]string, len(ms))
		for i, m := range ms {
			ids[i] = m.id
		}
		e.b.Group(gid, 1, ids, fmt.Sprintf("any 1 of %d members (%s)", len(ids), ms[0].evidence))
		e.b.Edge(t, gid, "needs any one of its members")
	}
	keys := make([][2]string, 0, len(e.anyOf))
	for k := range e.anyOf {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	for _, k := range keys {
		ts := slices.Sorted(slices.Values(e.anyOf[k]))
		if len(ts) == 1 {
			e.b.Edge(k[0], ts[0], fmt.Sprintf("attribute %s", k[1]))
			continue
		}
		gid := graph.GroupID(k[0], k[1])
		e.b.Group(gid, 1, ts, fmt.Sprintf("any 1 of the %d in attribute %s", len(ts), k[1]))
		e.b.Edge(k[0], gid, fmt.Sprintf("attribute %s lists %d alternatives", k[1], len(ts)))
	}
}

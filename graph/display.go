package graph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// DisplayMax is the most runes a display name has before its qualifier.
const DisplayMax = 48

// DisplayNames gives nodes a short, readable name that no other node of the
// estate shares, the one name every command and format shows:
//   - a business service by its name ("Orders and fulfilment"), else its
//     id without "service:";
//   - a placement by what it is ("AWS us-east-1", "AWS us-east-1 zone
//     use1-az1", "AWS lambda in us-east-1");
//   - a resource or group by its name, else its id shortened (an ARN keeps
//     its resource type and last human-made name: "loadbalancer/checkout").
//
// Names that would collide are told apart by region, then account, then
// both, then the resource type ("checkout (ECS Cluster)"), then the end of
// the id ("key/4db0a272-… (eu-west-1)"); what still collides shows its
// whole id. Only the nodes named by ids are returned (nil
// ids: every node), but uniqueness holds against the whole estate, so a
// node has the same name in every result. The result does not depend on
// the order of nodes, and the time is linear in the estate.
func DisplayNames(nodes []Node, ids []string) map[string]string {
	var wanted func(int) bool
	hint := len(nodes)
	if ids != nil {
		want := make(map[string]bool, len(ids))
		for _, id := range ids {
			want[id] = true
		}
		wanted, hint = func(i int) bool { return want[nodes[i].ID] }, len(want)
	}
	names := make(map[string]string, hint)
	displayNames(nodes, wanted, hint, func(i int, name string) { names[nodes[i].ID] = name })
	return names
}

// DisplayNames is graph.DisplayNames of the nodes marked in want (by index
// of this view): the same names, without an id lookup per node; byIndex
// holds them by index too ("" for the nodes not wanted).
func (c *Compiled) DisplayNames(want []bool) (names map[string]string, byIndex []string) {
	n := 0
	for _, w := range want {
		if w {
			n++
		}
	}
	nodes := c.Estate.Nodes
	names, byIndex = make(map[string]string, n), make([]string, len(c.Nodes))
	displayNames(nodes, func(i int) bool { return want[c.rank[i]] }, n, func(i int, name string) {
		names[nodes[i].ID], byIndex[c.rank[i]] = name, name
	})
	return names, byIndex
}

// displayNames names the nodes (by position) wanted says (nil: all), about
// hint of them, calling set once per node named.
func displayNames(nodes []Node, wanted func(int) bool, hint int, set func(i int, name string)) {
	// Base names of the wanted nodes, each a group; then every node of the
	// estate that shares one joins its group: only those can collide.
	base := make([]string, len(nodes))
	group := make(map[string]int32, hint)
	for i := range nodes {
		if wanted == nil || wanted(i) {
			base[i] = baseDisplayName(&nodes[i])
			if _, ok := group[base[i]]; !ok {
				group[base[i]] = int32(len(group))
			}
		}
	}
	of := make([]int32, len(nodes)) // the node's group, or -1
	off := make([]int32, len(group)+2)
	for i := range nodes {
		n := base[i]
		if n == "" {
			n = baseDisplayName(&nodes[i])
		}
		g, ok := group[n]
		if !ok {
			of[i] = -1
			continue
		}
		of[i] = g
		off[g+2]++
	}
	// Members of group g: member[off[g]:off[g+1]], in node order.
	for g := 2; g < len(off); g++ {
		off[g] += off[g-1]
	}
	member := make([]int, off[len(off)-1])
	for i, g := range of {
		if g >= 0 {
			member[off[g+1]] = i
			off[g+1]++
		}
	}
	taken := func(s string) bool { _, ok := group[s]; return ok }
	isWanted := func(i int) bool { return wanted == nil || wanted(i) }
	for base, g := range group {
		idx := member[off[g]:off[g+1]]
		if len(idx) == 1 { // the wanted node that made the group
			set(idx[0], base)
			continue
		}
		done := false
		for _, q := range qualifiers {
			if done = qualify(nodes, idx, base, q, taken, isWanted, set); done {
				break
			}
		}
		if !done {
			for _, i := range idx {
				if isWanted(i) {
					set(i, nodes[i].ID) // ids are unique
				}
			}
		}
	}
}

// qualifiers tell apart nodes of one base name, tried in order.
var qualifiers = []struct {
	value  func(*Node) string
	prefix string
}{
	{func(n *Node) string { return n.Region }, ""},
	{func(n *Node) string { return n.Account }, ""},
	{func(n *Node) string {
		if n.Account == "" || n.Region == "" {
			return ""
		}
		return n.Account + " " + n.Region
	}, ""},
	{typeWord, ""},
	{idSuffix, "…"},
}

// typeWord is a node's resource type in a few words, to tell apart
// same-named resources of one account and region ("checkout-api (ECS
// Service)" beside "checkout-api (ECR Repository)"): an AWS type keeps its
// service and resource ("ECS Service"; "LoadBalancer" when the service's
// name is long), a GCP asset or Azure type its last part, a Terraform type
// stays whole; a node with no type gives its kind.
func typeWord(n *Node) string {
	t := n.Type
	switch {
	case t == "":
		return n.Kind
	case strings.Contains(t, "::"):
		p := strings.Split(t, "::")
		if len(p) >= 3 && len(p[len(p)-2]) <= 8 {
			return p[len(p)-2] + " " + p[len(p)-1]
		}
		return p[len(p)-1]
	case strings.Contains(t, "/"):
		return t[strings.LastIndexByte(t, '/')+1:]
	}
	return t
}

// qualify names the wanted nodes of idx "base (q)" when q tells every node
// of idx apart and no such name is another node's base name. It reads
// every node of idx but builds names only for the wanted ones.
func qualify(nodes []Node, idx []int, base string, q struct {
	value  func(*Node) string
	prefix string
}, taken func(string) bool, wanted func(int) bool, set func(int, string)) bool {
	seen := map[string]bool{} // not presized: most attempts stop at the first repeat
	for _, i := range idx {
		v := q.value(&nodes[i])
		if v == "" || seen[v] {
			return false
		}
		seen[v] = true
	}
	var out []string // by position in idx; set only once all are free
	for k, i := range idx {
		if !wanted(i) {
			continue
		}
		s := base + " (" + q.prefix + strings.TrimSpace(q.value(&nodes[i])) + ")"
		if taken(s) {
			return false
		}
		if out == nil {
			out = make([]string, len(idx))
		}
		out[k] = s
	}
	for k, i := range idx {
		if wanted(i) {
			set(i, out[k])
		}
	}
	return true
}

// idSuffix is the end of a node's id (its last 10 bytes or so), enough to
// tell generated ids apart; it does not allocate.
func idSuffix(n *Node) string {
	id := strings.TrimRight(n.ID, "/")
	if len(id) <= 12 {
		return id
	}
	cut := len(id) - 10
	for cut < len(id) && !utf8.RuneStart(id[cut]) {
		cut++
	}
	return id[cut:]
}

// baseDisplayName is a node's name before collisions are told apart.
func baseDisplayName(n *Node) string {
	switch n.Class {
	case ClassService:
		if n.Name != "" {
			return cutRunes(n.Name, DisplayMax)
		}
		return cutRunes(ServiceName(n.ID), DisplayMax)
	case ClassPlacement:
		if p := PlacementPhrase(n.ID, n.Level); p != "" {
			return p
		}
	}
	if n.Name != "" && n.Name != n.ID {
		return cutRunes(n.Name, DisplayMax)
	}
	return CompactID(n.ID)
}

// PlacementPhrase names a placement node by its id's shape: "AWS",
// "AWS us-east-1", "AWS us-east-1 zone use1-az1", "AWS lambda in
// us-east-1", "AWS iam (global)"; "" when the id has another shape.
func PlacementPhrase(id string, level Level) string {
	p := strings.Split(id, "/")
	switch {
	case level == LevelProvider && len(p) == 1:
		return ProviderTitle(id)
	case level == LevelRegion && len(p) == 2:
		return ProviderTitle(p[0]) + " " + p[1]
	case level == LevelZone && len(p) == 3:
		return ProviderTitle(p[0]) + " " + p[1] + " zone " + p[2]
	case level == LevelService && len(p) == 4 && p[2] == "service":
		if p[1] == GlobalRegion {
			return ProviderTitle(p[0]) + " " + p[3] + " (global)"
		}
		return ProviderTitle(p[0]) + " " + p[3] + " in " + p[1]
	}
	return ""
}

// ZoneShortPhrase names a zone placement without the word "zone", for
// places that already say it: "GCP europe-west1-b" (the zone name carries
// its region), "AWS us-east-1 use1-az1"; "" when id is not a zone's shape.
func ZoneShortPhrase(id string) string {
	p := strings.Split(id, "/")
	if len(p) != 3 {
		return ""
	}
	if strings.HasPrefix(p[2], p[1]) {
		return ProviderTitle(p[0]) + " " + p[2]
	}
	return ProviderTitle(p[0]) + " " + p[1] + " " + p[2]
}

// ProviderTitle is a provider's display name: "aws" -> "AWS".
func ProviderTitle(p string) string {
	switch strings.ToLower(p) {
	case "aws":
		return "AWS"
	case "gcp":
		return "GCP"
	case "azure":
		return "Azure"
	case "onprem", "on-prem":
		return "on-prem"
	}
	return p
}

// ShortID shortens a long provider id: an ARN keeps its resource part
// ("db:orders"), a GCP self-link or Azure id its last two segments
// ("instances/web-1"); ids of at most 40 bytes are kept whole.
func ShortID(id string) string {
	if len(id) <= 40 {
		return id
	}
	if strings.HasPrefix(id, "arn:") {
		if p := strings.SplitN(id, ":", 6); len(p) == 6 && p[5] != "" {
			return p[5]
		}
	}
	if p := strings.Split(strings.TrimRight(id, "/"), "/"); len(p) >= 3 {
		return p[len(p)-2] + "/" + p[len(p)-1]
	}
	return cutRunes(id, 40)
}

// CompactID is ShortID for tight spaces: an ARN keeps its resource type and
// last human-made name, without generated hex or UUID parts
// ("loadbalancer/app/checkout/f26af9b2..." -> "loadbalancer/checkout"), and
// nothing is longer than 40 runes.
func CompactID(id string) string {
	if len(id) <= 40 {
		return id
	}
	if strings.HasPrefix(id, "arn:") {
		if p := strings.SplitN(id, ":", 6); len(p) == 6 && p[5] != "" {
			return shortARNResource(p[5])
		}
	}
	return cutRunes(ShortID(id), 40)
}

func shortARNResource(res string) string {
	segs := strings.FieldsFunc(res, func(r rune) bool { return r == '/' || r == ':' })
	named := slices.DeleteFunc(slices.Clone(segs), generatedID)
	switch {
	case len(named) >= 2:
		return cutRunes(named[0]+"/"+named[len(named)-1], 40)
	case len(named) == 1 && len(segs) > 1:
		return cutRunes(named[0]+"/"+segs[len(segs)-1], 24)
	}
	return cutRunes(res, 40)
}

// generatedID reports whether a segment looks machine-made: a UUID or a run
// of at least 12 hex digits (with dashes).
func generatedID(s string) bool {
	s = strings.TrimLeft(s, "-")
	hex := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f', r >= 'A' && r <= 'F':
			hex++
		case r == '-':
		default:
			return false
		}
	}
	return hex >= 12
}

// cutRunes cuts s to n runes, the last an ellipsis when it cut; it reads
// only the first n+1 runes.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n-1 {
			if _, size := utf8.DecodeRuneInString(s[i:]); i+size < len(s) {
				return s[:i] + "…"
			}
			return s
		}
		count++
	}
	return s
}

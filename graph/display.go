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
// both, then the end of the id ("key/4db0a272-… (eu-west-1)"); what still
// collides shows its whole id. Only the nodes named by ids are returned (nil
// ids: every node), but uniqueness holds against the whole estate, so a
// node has the same name in every result. The result does not depend on
// the order of nodes, and the time is linear in the estate.
func DisplayNames(nodes []Node, ids []string) map[string]string {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	all := ids == nil
	bases := map[string]bool{}
	for i := range nodes {
		if all || want[nodes[i].ID] {
			bases[baseDisplayName(&nodes[i])] = true
		}
	}
	byName := map[string][]int{}
	for i := range nodes {
		if n := baseDisplayName(&nodes[i]); bases[n] {
			byName[n] = append(byName[n], i)
		}
	}
	taken := func(s string) bool { return bases[s] }
	names := make(map[string]string, len(want))
	for base, idx := range byName {
		if len(idx) == 1 {
			names[nodes[idx[0]].ID] = base
			continue
		}
		for _, i := range idx {
			names[nodes[i].ID] = nodes[i].ID // the fallback: ids are unique
		}
		for _, q := range []func(*Node) string{
			func(n *Node) string { return n.Region },
			func(n *Node) string { return n.Account },
			func(n *Node) string { return n.Account + " " + n.Region },
			idSuffix,
		} {
			if qualified, ok := qualify(nodes, idx, base, q, taken); ok {
				for k, i := range idx {
					names[nodes[i].ID] = qualified[k]
				}
				break
			}
		}
	}
	if !all {
		for id := range names {
			if !want[id] {
				delete(names, id)
			}
		}
	}
	return names
}

// qualify names every node of idx "base (q)", when that tells them all apart
// and clashes with no other base name.
func qualify(nodes []Node, idx []int, base string, q func(*Node) string, taken func(string) bool) ([]string, bool) {
	out := make([]string, len(idx))
	seen := make(map[string]bool, len(idx))
	for k, i := range idx {
		v := strings.TrimSpace(q(&nodes[i]))
		if v == "" {
			return nil, false
		}
		s := base + " (" + v + ")"
		if seen[s] || taken(s) {
			return nil, false
		}
		seen[s] = true
		out[k] = s
	}
	return out, true
}

// idSuffix is the end of a node's id, enough to tell generated ids apart.
func idSuffix(n *Node) string {
	id := strings.TrimRight(n.ID, "/")
	if utf8.RuneCountInString(id) <= 12 {
		return id
	}
	r := []rune(id[max(0, len(id)-48):])
	return "…" + string(r[max(0, len(r)-10):])
}

// baseDisplayName is a node's name before collisions are told apart.
func baseDisplayName(n *Node) string {
	switch n.Class {
	case ClassService:
		if n.Name != "" {
			return cutRunes(n.Name, DisplayMax)
		}
		return cutRunes(strings.TrimPrefix(n.ID, "service:"), DisplayMax)
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

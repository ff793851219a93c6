package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// mergeNode fills dst's empty fields from src and returns the facts on which
// they disagree, each as (dst's value, src's value) in words.
func mergeNode(dst *Node, src Node) [][2]string {
	var out [][2]string
	fact := func(name string, a, b any) {
		out = append(out, [2]string{name + " " + quote(a), name + " " + quote(b)})
	}
	// Facts the model simulates must agree.
	same(&dst.Class, src.Class, "class", fact)
	same(&dst.Level, src.Level, "level", fact)
	same(&dst.Kind, src.Kind, "kind", fact)
	same(&dst.Role, src.Role, "role", fact)
	same(&dst.Provider, src.Provider, "provider", fact)
	same(&dst.Account, src.Account, "account", fact)
	same(&dst.Region, src.Region, "region", fact)
	same(&dst.Service, src.Service, "service", fact)
	same(&dst.Need, src.Need, "need", fact)
	same(&dst.Tier, src.Tier, "tier", fact)
	same(&dst.DowntimeCostPerHour, src.DowntimeCostPerHour, "downtime_cost_per_hour", fact)
	sameList(&dst.Zones, src.Zones, "zones", fact)
	sameList(&dst.Residency, src.Residency, "residency", fact)
	// Words about the node must agree too: keeping one shard's silently
	// would make the result depend on the order of the shards.
	same(&dst.Name, src.Name, "name", fact)
	same(&dst.Type, src.Type, "type", fact)
	sameList(&dst.Owners, src.Owners, "owners", fact)
	// Evidence says where a source found the node, and two sources (two
	// Terraform workspaces) find it in different places: keep every one.
	dst.Evidence = joinEvidence(dst.Evidence, src.Evidence)
	dst.Tags = sameMap(dst.Tags, src.Tags, "tag", func(a, b string) bool { return a == b }, fact)
	dst.Attrs = sameMap(dst.Attrs, src.Attrs, "attr", func(a, b any) bool { return reflect.DeepEqual(a, b) }, fact)
	dst.Extra = sameMap(dst.Extra, src.Extra, "field", func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }, fact)
	return out
}

// joinEvidence is the sorted set of the "; "-separated pieces of a and b,
// the same whichever comes first.
func joinEvidence(a, b string) string {
	if a == b || b == "" {
		return a
	}
	if a == "" {
		return b
	}
	pieces := append(strings.Split(a, "; "), strings.Split(b, "; ")...)
	slices.Sort(pieces)
	return strings.Join(slices.Compact(pieces), "; ")
}

// same keeps *dst, takes v when *dst is empty, and reports two different
// non-empty values.
func same[T comparable](dst *T, v T, name string, fact func(string, any, any)) {
	var zero T
	switch {
	case v == zero || *dst == v:
	case *dst == zero:
		*dst = v
	default:
		fact(name, *dst, v)
	}
}

func sameList(dst *[]string, v []string, name string, fact func(string, any, any)) {
	a, b := slices.Sorted(slices.Values(*dst)), slices.Sorted(slices.Values(v))
	switch {
	case len(v) == 0 || slices.Equal(a, b):
	case len(*dst) == 0:
		*dst = slices.Clone(v)
	default:
		fact(name, *dst, v)
	}
}

func sameMap[V any](dst, src map[string]V, what string, eq func(a, b V) bool, fact func(string, any, any)) map[string]V {
	for _, k := range slices.Sorted(maps.Keys(src)) {
		v := src[k]
		old, ok := dst[k]
		switch {
		case !ok:
			if dst == nil {
				dst = map[string]V{}
			}
			dst[k] = v
		case !eq(old, v):
			fact(what+" "+strconv.Quote(k), old, v)
		}
	}
	return dst
}

func quote(v any) string {
	switch t := v.(type) {
	case string:
		return strconv.Quote(t)
	case Class, Level, Role:
		return fmt.Sprintf("%q", t)
	case json.RawMessage:
		return clip(t)
	}
	return fmt.Sprint(v)
}

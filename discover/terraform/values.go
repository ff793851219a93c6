package terraform

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Attribute access on decoded JSON values. Nested blocks are lists of
// objects in Terraform's JSON, so get follows a path of keys through the
// first element of each list ("settings", "availability_type").

func get(v map[string]any, path ...string) any {
	var cur any = v
	for _, k := range path {
		if l, ok := cur.([]any); ok {
			if len(l) == 0 {
				return nil
			}
			cur = l[0]
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func str(v map[string]any, path ...string) string {
	switch t := get(v, path...).(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

func boolean(v map[string]any, path ...string) bool {
	switch t := get(v, path...).(type) {
	case bool:
		return t
	case string:
		return t == "true"
	}
	return false
}

func number(v map[string]any, path ...string) (float64, bool) {
	switch t := get(v, path...).(type) {
	case float64:
		return t, true
	case string:
		f, err := strconv.ParseFloat(t, 64)
		return f, err == nil
	}
	return 0, false
}

// strs returns the strings of a list or set attribute (or a single string).
func strs(v map[string]any, path ...string) []string {
	switch t := get(v, path...).(type) {
	case string:
		if t != "" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// blocks returns every object of a nested block list attribute.
func blocks(v map[string]any, key string) []map[string]any {
	l, _ := v[key].([]any)
	var out []map[string]any
	for _, e := range l {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	return slices.Sorted(maps.Keys(m))
}

func uniqueSorted(s []string) []string {
	out := slices.Clone(s)
	out = slices.DeleteFunc(out, func(x string) bool { return x == "" })
	slices.SortFunc(out, cmp.Compare[string])
	return slices.Compact(out)
}

// lastSegment is the part after the last '/': a name from a resource path.
func lastSegment(s string) string {
	return s[strings.LastIndexByte(s, '/')+1:]
}

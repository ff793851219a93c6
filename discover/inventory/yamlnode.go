package inventory

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/untether-dev/untether/graph"
	"go.yaml.in/yaml/v3"
)

// reader walks the YAML node tree and turns every problem into an
// *graph.InputError at the node's line and column.
type reader struct {
	file string
}

func (r *reader) errAt(n *yaml.Node, format string, args ...any) error {
	return graph.YAMLAt(r.file, n, format, args...)
}

// deref follows an alias (*name) to the node its anchor (&name) names. The
// readers accept only scalars below a list or mapping, so aliases cannot
// amplify the work.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; i < 100 && n.Kind == yaml.AliasNode && n.Alias != nil; i++ {
		n = n.Alias
	}
	return n
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// fields reads a mapping whose keys must be among allowed; it returns the
// value node of each key present.
func (r *reader) fields(n *yaml.Node, what string, allowed []string) (map[string]*yaml.Node, error) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return nil, r.errAt(n, "expected %s as a mapping (key: value), got %s", what, graph.DescribeYAML(n))
	}
	out := map[string]*yaml.Node{}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, r.errAt(k, "expected a key name in %s, got %s", what, graph.DescribeYAML(k))
		}
		if !slices.Contains(allowed, k.Value) {
			return nil, r.errAt(k, "unknown key %q in %s; expected one of: %s", clip(k.Value), what, strings.Join(allowed, ", "))
		}
		if first, dup := keys[k.Value]; dup {
			return nil, r.errAt(k, "key %q appears twice in %s (first at line %d)", k.Value, what, first.Line)
		}
		keys[k.Value] = k
		out[k.Value] = v
	}
	return out, nil
}

// str reads a scalar as text. Numbers are accepted as their text (an
// account id written without quotes); booleans, null and collections are not.
func (r *reader) str(n *yaml.Node, what string) (string, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode {
		return "", r.errAt(n, "expected %s as a string, got %s", what, graph.DescribeYAML(n))
	}
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float":
	default:
		return "", r.errAt(n, "expected %s as a string, got %s (quote it if you mean text)", what, graph.DescribeYAML(n))
	}
	for _, c := range n.Value {
		if unicode.IsControl(c) {
			return "", r.errAt(n, "%s contains a control character (%U); expected printable text", what, c)
		}
	}
	return n.Value, nil
}

// id reads a non-empty identifier.
func (r *reader) id(n *yaml.Node, what string) (string, error) {
	s, err := r.str(n, what)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", r.errAt(n, "%s is empty; expected a non-empty id", what)
	}
	if s != strings.TrimSpace(s) {
		return "", r.errAt(n, "%s %q has leading or trailing spaces", what, s)
	}
	if isSelector(s) {
		return "", r.errAt(n, "%s %q looks like a selector (tag:, kind:, name:); an id cannot start with one", what, s)
	}
	return s, nil
}

func (r *reader) integer(n *yaml.Node, what string, lo, hi int) (int, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		return 0, r.errAt(n, "expected %s as a whole number from %d to %d, got %s", what, lo, hi, graph.DescribeYAML(n))
	}
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil || v < int64(lo) || v > int64(hi) {
		return 0, r.errAt(n, "expected %s from %d to %d, got %s", what, lo, hi, n.Value)
	}
	return int(v), nil
}

func (r *reader) money(n *yaml.Node, what string) (float64, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") {
		return 0, r.errAt(n, "expected %s as a number, got %s", what, graph.DescribeYAML(n))
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, r.errAt(n, "expected %s as a finite number >= 0, got %s", what, n.Value)
	}
	return v, nil
}

// list reads a sequence, calling item on each element.
func (r *reader) list(n *yaml.Node, what string, item func(*yaml.Node) error) error {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return r.errAt(n, "expected %s as a list, got %s", what, graph.DescribeYAML(n))
	}
	for _, c := range n.Content {
		if err := item(c); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) strings(n *yaml.Node, what string) ([]string, error) {
	var out []string
	err := r.list(n, what, func(c *yaml.Node) error {
		s, err := r.id(c, "each of "+what)
		out = append(out, s)
		return err
	})
	return out, err
}

// refs reads a list of node ids or selectors, keeping each one's position.
func (r *reader) refs(n *yaml.Node, what string) ([]Ref, error) {
	var out []Ref
	err := r.list(n, what, func(c *yaml.Node) error {
		ref, err := r.ref(c, "each of "+what)
		out = append(out, ref)
		return err
	})
	return out, err
}

func (r *reader) ref(n *yaml.Node, what string) (Ref, error) {
	s, err := r.str(n, what)
	if err != nil {
		return Ref{}, err
	}
	if strings.TrimSpace(s) == "" {
		return Ref{}, r.errAt(n, "%s is empty; expected a node id or a selector (tag:KEY=VALUE, kind:KIND, name:NAME)", what)
	}
	if err := checkSelector(s); err != nil {
		return Ref{}, r.errAt(n, "%s: %v", what, err)
	}
	return Ref{Text: s, Line: n.Line, Col: n.Column}, nil
}

func (r *reader) tags(n *yaml.Node, what string) (map[string]string, error) {
	return readMapping(r, n, what, "a mapping of strings", r.str)
}

// attrs reads a mapping of scalar values (strings, numbers, booleans) or
// lists of them.
func (r *reader) attrs(n *yaml.Node, what string) (map[string]any, error) {
	return readMapping(r, n, what, "a mapping", func(v *yaml.Node, what string) (any, error) {
		return r.scalarValue(v, what, true)
	})
}

// readMapping reads a YAML mapping with identifier keys, refusing repeated
// keys, and each value with value.
func readMapping[V any](r *reader, n *yaml.Node, what, expected string, value func(*yaml.Node, string) (V, error)) (map[string]V, error) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return nil, r.errAt(n, "expected %s as %s, got %s", what, expected, graph.DescribeYAML(n))
	}
	out := map[string]V{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := r.id(n.Content[i], "a key of "+what)
		if err != nil {
			return nil, err
		}
		if _, dup := out[k]; dup {
			return nil, r.errAt(n.Content[i], "key %q appears twice in %s", k, what)
		}
		v, err := value(n.Content[i+1], what+"."+k)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

func (r *reader) scalarValue(n *yaml.Node, what string, allowList bool) (any, error) {
	n = deref(n)
	if n.Kind == yaml.SequenceNode && allowList {
		out := []any{}
		for _, c := range n.Content {
			v, err := r.scalarValue(c, "each of "+what, false)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	if n.Kind != yaml.ScalarNode {
		return nil, r.errAt(n, "expected %s as a string, number or boolean, got %s", what, graph.DescribeYAML(n))
	}
	switch n.ShortTag() {
	case "!!bool":
		return n.Value == "true", nil
	case "!!int":
		if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return v, nil
		}
		return r.money(n, what)
	case "!!float":
		v, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, r.errAt(n, "expected %s as a finite number, got %s", what, n.Value)
		}
		return v, nil
	case "!!null":
		return nil, r.errAt(n, "expected %s as a string, number or boolean, got nothing (null)", what)
	}
	return r.str(n, what)
}

package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Conditions of availability catalog entries on a node's attrs (see
// AvailabilityProduct.When).

// holds reports whether every condition of p holds for node n.
func (p *AvailabilityProduct) holds(n *graph.Node) bool {
	for k, want := range p.When { // order is irrelevant: all must hold
		got, ok := n.Attrs[k]
		if !ok && k == "zone_count" {
			got, ok = len(n.Zones), true
		}
		if !condition(want, got, ok) {
			return false
		}
	}
	return true
}

func condition(want, got any, present bool) bool {
	switch w := want.(type) {
	case nil:
		return !present
	case []any:
		return slices.ContainsFunc(w, func(x any) bool { return condition(x, got, present) })
	case bool:
		b, ok := got.(bool)
		if s, isStr := got.(string); isStr {
			b, ok = strings.EqualFold(s, "true"), strings.EqualFold(s, "true") || strings.EqualFold(s, "false")
		}
		return present && ok && b == w
	case string:
		if !present {
			return false
		}
		if op, x, ok := comparison(w); ok {
			g, isNum := number(got)
			return isNum && compare(op, g, x)
		}
		return glob(strings.ToLower(w), strings.ToLower(fmt.Sprint(got)))
	}
	x, _ := number(want)
	g, ok := number(got)
	return present && ok && g == x
}

// comparison parses ">=2", ">2", "<=2", "<2".
func comparison(s string) (op string, x float64, ok bool) {
	for _, o := range []string{">=", "<=", ">", "<"} {
		if rest, found := strings.CutPrefix(s, o); found {
			_, err := fmt.Sscanf(strings.TrimSpace(rest), "%g", &x)
			return o, x, err == nil
		}
	}
	return "", 0, false
}

func compare(op string, g, x float64) bool {
	switch op {
	case ">=":
		return g >= x
	case "<=":
		return g <= x
	case ">":
		return g > x
	}
	return g < x
}

// glob matches s against pattern p in which "*" matches any run of characters.
func glob(p, s string) bool {
	parts := strings.Split(p, "*")
	if len(parts) == 1 {
		return p == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, mid := range parts[1 : len(parts)-1] {
		k := strings.Index(s, mid)
		if k < 0 {
			return false
		}
		s = s[k+len(mid):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// checkCondition says what is wrong with a condition value, or "".
func checkCondition(v any) string {
	switch w := v.(type) {
	case nil, bool, int, float64:
		return ""
	case string:
		if strings.ContainsAny(w[:min(len(w), 1)], "<>") {
			if _, _, ok := comparison(w); !ok {
				return fmt.Sprintf("condition %q; expected a comparison such as \">=2\"", w)
			}
		}
		return ""
	case []any:
		for _, x := range w {
			if _, isList := x.([]any); isList {
				return "a condition list holds values, not lists"
			}
			if msg := checkCondition(x); msg != "" {
				return msg
			}
		}
		return ""
	}
	return "a condition is a value, a list of values, a comparison such as \">=2\", or null"
}

package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/untether-dev/untether/graph"
)

// parser walks the YAML node tree so every error carries a line and column.
type parser struct{ file string }

func (ps parser) errf(n *yaml.Node, format string, args ...any) error {
	return graph.YAMLAt(ps.file, n, format, args...)
}

// fields checks that n is a mapping with only the allowed keys and calls
// set for each key in file order. Duplicate keys are errors.
func (ps parser) fields(n *yaml.Node, where string, allowed []string, set func(key string, v *yaml.Node) error) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return ps.errf(n, "%s: expected a mapping of keys (%s)", where, strings.Join(allowed, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		if !known {
			return ps.errf(k, "unknown key %q in %s (expected one of: %s)", k.Value, where, strings.Join(allowed, ", "))
		}
		if seen[k.Value] {
			return ps.errf(k, "key %q appears twice in %s", k.Value, where)
		}
		seen[k.Value] = true
		if err := set(k.Value, v); err != nil {
			return err
		}
	}
	return nil
}

func (ps parser) str(n *yaml.Node, where string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!map" || n.Tag == "!!seq" {
		return "", ps.errf(n, "%s: expected a string", where)
	}
	return n.Value, nil
}

// strs accepts one string or a list of strings.
func (ps parser) strs(n *yaml.Node, where string) ([]string, []Pos, error) {
	if n.Kind == yaml.ScalarNode {
		s, err := ps.str(n, where)
		return []string{s}, []Pos{{n.Line, n.Column}}, err
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, ps.errf(n, "%s: expected a string or a list of strings", where)
	}
	out := make([]string, 0, len(n.Content))
	pos := make([]Pos, 0, len(n.Content))
	for _, c := range n.Content {
		s, err := ps.str(c, where)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, s)
		pos = append(pos, Pos{c.Line, c.Column})
	}
	return out, pos, nil
}

func (ps parser) integer(n *yaml.Node, where string, lo, hi int) (int, error) {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < lo || v > hi {
		return 0, ps.errf(n, "%s: expected an integer from %d to %d", where, lo, hi)
	}
	return v, nil
}

func (ps parser) policy(n *yaml.Node, p *Policy) error {
	return ps.fields(n, "the policy", []string{"version", "tags", "critical_tier", "gate", "catalog", "waivers"},
		func(k string, v *yaml.Node) (err error) {
			switch k {
			case "version":
				p.Version, err = ps.integer(v, "version", 1, 1)
			case "critical_tier":
				p.CriticalTier, err = ps.integer(v, "critical_tier", 1, 4)
			case "tags":
				err = ps.fields(v, "tags", []string{"service", "tier"}, func(k string, v *yaml.Node) (err error) {
					if k == "service" {
						p.Tags.Service, _, err = ps.strs(v, "tags.service")
					} else {
						p.Tags.Tier, _, err = ps.strs(v, "tags.tier")
					}
					return err
				})
			case "gate":
				err = ps.fields(v, "gate", []string{"fail_on"}, func(_ string, v *yaml.Node) (err error) {
					p.Gate.FailOn, p.Gate.FailOnAt, err = ps.strs(v, "gate.fail_on")
					return err
				})
			case "catalog":
				err = ps.fields(v, "catalog", []string{"lockin", "availability"}, func(k string, v *yaml.Node) (err error) {
					if k == "lockin" {
						p.Catalog.Lockin, err = ps.str(v, "catalog.lockin")
					} else {
						p.Catalog.Availability, err = ps.str(v, "catalog.availability")
					}
					return err
				})
			case "waivers":
				p.Waivers, err = ps.waivers(v)
			}
			return err
		})
}

func (ps parser) waivers(n *yaml.Node) ([]Waiver, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, ps.errf(n, "waivers: expected a list")
	}
	out := make([]Waiver, 0, len(n.Content))
	for i, c := range n.Content {
		where := fmt.Sprintf("waivers[%d]", i)
		w := Waiver{At: Pos{c.Line, c.Column}}
		err := ps.fields(c, where, []string{"id", "rule", "node", "service", "reason", "owner", "expires"},
			func(k string, v *yaml.Node) (err error) {
				s, err := ps.str(v, where+"."+k)
				if err != nil {
					return err
				}
				switch k {
				case "id":
					w.ID = s
				case "rule":
					w.Rule = s
				case "node":
					w.Node = s
				case "service":
					w.Service = s
				case "reason":
					w.Reason = s
				case "owner":
					w.Owner = s
				case "expires":
					if _, perr := time.Parse(time.DateOnly, s); perr != nil {
						return ps.errf(v, "%s.expires: expected a date YYYY-MM-DD, found %q", where, s)
					}
					w.Expires = s
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
		if w.ID == "" && w.Rule == "" && w.Node == "" && w.Service == "" {
			return nil, ps.errf(c, "%s: a waiver needs id, or a selector of rule, node or service", where)
		}
		if strings.TrimSpace(w.Reason) == "" {
			return nil, ps.errf(c, "%s: a waiver needs a reason", where)
		}
		out = append(out, w)
	}
	return out, nil
}

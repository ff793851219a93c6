package planner

import (
	_ "embed"
	"fmt"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

//go:embed actions.yaml
var builtinActions []byte

// ActionCatalogVersion is the version of an action catalog file, in its
// "untether_actions" field.
const ActionCatalogVersion = 1

// Transformation primitives an action may use (see plan_transform.go).
const (
	PrimSpreadZones = "spread-zones"
	PrimClone       = "clone"
	PrimPeer        = "peer"
	PrimReplace     = "replace"
	PrimMove        = "move"
)

// Action is one remediation in the catalog: data, not code.
type Action struct {
	ID         string      `yaml:"id" json:"id"`
	Title      string      `yaml:"title" json:"title"`
	Match      ActionMatch `yaml:"match" json:"match"`
	Transform  Transform   `yaml:"transform" json:"transform"`
	Fixes      []string    `yaml:"fixes" json:"fixes"`
	Effort     string      `yaml:"effort" json:"effort"` // S, M, L, XL
	PersonDays float64     `yaml:"person_days" json:"person_days"`
	Cost       string      `yaml:"cost" json:"cost"` // none, low, medium, high
	Moves      []string    `yaml:"moves" json:"moves"`
}

// ActionMatch is an action's precondition on the node it changes. Empty
// lists match anything; types are globs (path.Match), case-insensitive.
type ActionMatch struct {
	Kinds     []string          `yaml:"kinds,omitempty" json:"kinds,omitempty"`
	Providers []string          `yaml:"providers,omitempty" json:"providers,omitempty"`
	Types     []string          `yaml:"types,omitempty" json:"types,omitempty"`
	Attrs     map[string]string `yaml:"attrs,omitempty" json:"attrs,omitempty"`
}

// Transform names the primitive and its parameters.
type Transform struct {
	Primitive string   `yaml:"primitive" json:"primitive"`
	Zones     int      `yaml:"zones,omitempty" json:"zones,omitempty"`
	Scope     string   `yaml:"scope,omitempty" json:"scope,omitempty"` // place, zone, region, provider
	At        string   `yaml:"at,omitempty" json:"at,omitempty"`       // root or entry
	Providers []string `yaml:"providers,omitempty" json:"providers,omitempty"`
	Kind      string   `yaml:"kind,omitempty" json:"kind,omitempty"`
	Type      string   `yaml:"type,omitempty" json:"type,omitempty"`
	Product   string   `yaml:"product,omitempty" json:"product,omitempty"`
}

// ActionCatalog is the list of actions, in the order they are preferred at
// equal effort, and the lock-in classes of the products they introduce.
type ActionCatalog struct {
	Version int                      `yaml:"untether_actions" json:"untether_actions"`
	Actions []Action                 `yaml:"actions" json:"actions"`
	Lockin  []simulate.LockinProduct `yaml:"lockin,omitempty" json:"lockin,omitempty"`
}

// DefaultActionCatalog is the built-in catalog (actions.yaml).
func DefaultActionCatalog() *ActionCatalog {
	c, err := ParseActionCatalog(builtinActions, "actions.yaml")
	if err != nil {
		panic("built-in action catalog: " + err.Error()) // a build defect, caught by tests
	}
	return c
}

var (
	validEfforts = []string{"S", "M", "L", "XL"}
	validCosts   = []string{"none", "low", "medium", "high"}
	validFixes   = []string{"resource", "zone", "region", "service", "provider", "lockin", "hhi"}
)

// ParseActionCatalog reads an action catalog (YAML, or JSON which is YAML).
// Errors are *graph.InputError naming the file and line:column.
func ParseActionCatalog(data []byte, name string) (*ActionCatalog, error) {
	root, err := graph.ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &graph.InputError{File: name, Line: 1, Col: 1, Msg: "empty action catalog; expected untether_actions: 1 and actions: [...]"}
	}
	var c ActionCatalog
	if err := graph.DecodeYAML(name, root, &c); err != nil {
		return nil, err
	}
	if c.Version != ActionCatalogVersion {
		return nil, &graph.InputError{File: name, Line: root.Line, Col: root.Column, Path: "$.untether_actions",
			Msg: fmt.Sprintf("untether_actions is %d; expected %d", c.Version, ActionCatalogVersion)}
	}
	items := mappingValue(root, "actions")
	seen := map[string]bool{}
	for i := range c.Actions {
		at := root
		if items != nil && i < len(items.Content) {
			at = items.Content[i]
		}
		if err := checkAction(&c.Actions[i], seen); err != nil {
			return nil, &graph.InputError{File: name, Line: at.Line, Col: at.Column, Path: fmt.Sprintf("$.actions[%d]", i), Msg: err.Error()}
		}
	}
	for i, p := range c.Lockin {
		if _, ok := simulate.ClassValue(p.Class); !ok || p.Product == "" || p.Provider == "" || p.Kind == "" {
			at := root
			if l := mappingValue(root, "lockin"); l != nil && i < len(l.Content) {
				at = l.Content[i]
			}
			return nil, &graph.InputError{File: name, Line: at.Line, Col: at.Column, Path: fmt.Sprintf("$.lockin[%d]", i),
				Msg: "expected product, provider, kind and class (portable, moderate or proprietary)"}
		}
	}
	return &c, nil
}

func checkAction(a *Action, seen map[string]bool) error {
	switch {
	case a.ID == "":
		return fmt.Errorf("action without id")
	case seen[a.ID]:
		return fmt.Errorf("duplicate action id %q", a.ID)
	case a.Title == "":
		return fmt.Errorf("action %q has no title", a.ID)
	case !slices.Contains(validEfforts, a.Effort):
		return fmt.Errorf("action %q: effort %q; expected S, M, L or XL", a.ID, a.Effort)
	case a.PersonDays <= 0:
		return fmt.Errorf("action %q: person_days must be positive", a.ID)
	case !slices.Contains(validCosts, a.Cost):
		return fmt.Errorf("action %q: cost %q; expected none, low, medium or high", a.ID, a.Cost)
	case len(a.Fixes) == 0:
		return fmt.Errorf("action %q: fixes is empty; expected some of %s", a.ID, strings.Join(validFixes, ", "))
	}
	seen[a.ID] = true
	for _, f := range a.Fixes {
		if !slices.Contains(validFixes, f) {
			return fmt.Errorf("action %q: fixes %q; expected one of %s", a.ID, f, strings.Join(validFixes, ", "))
		}
	}
	for _, t := range a.Match.Types {
		if _, err := path.Match(t, ""); err != nil {
			return fmt.Errorf("action %q: bad type pattern %q", a.ID, t)
		}
	}
	t := a.Transform
	switch t.Primitive {
	case PrimSpreadZones:
		if t.Zones < 2 {
			return fmt.Errorf("action %q: spread-zones needs zones >= 2", a.ID)
		}
	case PrimClone:
		if !slices.Contains([]string{"place", "zone", "region", "provider"}, t.Scope) || !slices.Contains([]string{"root", "entry"}, t.At) {
			return fmt.Errorf("action %q: clone needs scope place, zone, region or provider and at root or entry", a.ID)
		}
		if t.Scope == "provider" && len(t.Providers) == 0 {
			return fmt.Errorf("action %q: clone with scope provider needs providers", a.ID)
		}
	case PrimPeer, PrimMove:
		if len(t.Providers) == 0 {
			return fmt.Errorf("action %q: %s needs providers", a.ID, t.Primitive)
		}
	case PrimReplace:
		if t.Kind == "" || t.Type == "" || t.Product == "" {
			return fmt.Errorf("action %q: replace needs kind, type and product", a.ID)
		}
	default:
		return fmt.Errorf("action %q: transform primitive %q; expected spread-zones, clone, peer, replace or move", a.ID, t.Primitive)
	}
	return nil
}

func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value == key {
			return m.Content[k+1]
		}
	}
	return nil
}

// Merge returns a catalog in which over's actions replace those with the
// same id and come first; lock-in products from over come first too.
func (c *ActionCatalog) Merge(over *ActionCatalog) *ActionCatalog {
	out := &ActionCatalog{Version: ActionCatalogVersion}
	ids := map[string]bool{}
	for _, a := range over.Actions {
		ids[a.ID] = true
		out.Actions = append(out.Actions, a)
	}
	for _, a := range c.Actions {
		if !ids[a.ID] {
			out.Actions = append(out.Actions, a)
		}
	}
	out.Lockin = append(slices.Clone(over.Lockin), c.Lockin...)
	return out
}

// matches reports whether the action's precondition holds for n.
func (a *Action) matches(n *graph.Node) bool {
	m := a.Match
	if len(m.Kinds) > 0 && !slices.Contains(m.Kinds, n.Kind) {
		return false
	}
	if len(m.Providers) > 0 && !slices.Contains(m.Providers, n.Provider) {
		return false
	}
	if len(m.Types) > 0 {
		ok := false
		for _, t := range m.Types {
			if hit, _ := path.Match(strings.ToLower(t), strings.ToLower(n.Type)); hit {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, k := range sortedKeys(m.Attrs) {
		if fmt.Sprint(n.Attrs[k]) != m.Attrs[k] {
			return false
		}
	}
	return true
}

func (a *Action) fixes(level string) bool { return slices.Contains(a.Fixes, level) }

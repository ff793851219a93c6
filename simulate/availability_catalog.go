package simulate

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/untether-dev/untether/graph"
)

//go:embed availability_catalog.yaml
var builtinAvailability []byte

// AvailabilityProduct is one catalog entry: the published SLA of a product
// in one configuration.
type AvailabilityProduct struct {
	Product  string `yaml:"product" json:"product"`
	Provider string `yaml:"provider" json:"provider"` // "*" for any
	Kind     string `yaml:"kind" json:"kind"`         // "*" for any
	// Types are provider-native types (Terraform and CloudFormation
	// spellings) this entry matches exactly, case-insensitive.
	Types []string `yaml:"types,omitempty" json:"types,omitempty"`
	// When holds conditions on the node's attrs, all of which must hold: a
	// value (strings compare case-insensitively, "*" is a wildcard), a list
	// of values (any one), a comparison ">=2", "<3" on a number, or null
	// (the attribute is absent). zone_count is the number of the node's zones.
	When map[string]any `yaml:"when,omitempty" json:"when,omitempty"`
	// SLA is the published monthly uptime commitment in percent (0, 100].
	SLA float64 `yaml:"sla" json:"sla"`
	// Source names the published SLA the number comes from.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
}

// AvailabilityPlacement is the availability of a placement node: a zone,
// region, provider or managed service ("service" level).
type AvailabilityPlacement struct {
	Level    string  `yaml:"level" json:"level"`
	Provider string  `yaml:"provider" json:"provider"`                   // "*" for any
	Service  string  `yaml:"service,omitempty" json:"service,omitempty"` // level service; "" or "*" for any
	SLA      float64 `yaml:"sla" json:"sla"`
	Source   string  `yaml:"source,omitempty" json:"source,omitempty"`
}

// AvailabilityCatalog maps products and placements to published SLAs.
// Earlier entries win. It is read-only once parsed.
type AvailabilityCatalog struct {
	Version int `yaml:"untether_availability" json:"untether_availability"`
	// Replace, in an override file, drops the built-in catalog instead of
	// layering the file's entries over it.
	Replace bool `yaml:"replace,omitempty" json:"replace,omitempty"`
	// Default is the SLA (percent) of a node no entry matches.
	Default    float64                 `yaml:"default,omitempty" json:"default,omitempty"`
	Products   []AvailabilityProduct   `yaml:"products" json:"products"`
	Placements []AvailabilityPlacement `yaml:"placements,omitempty" json:"placements,omitempty"`

	byTypeKind map[[2]string][]int
	byType     map[string][]int
	byKind     map[[2]string][]int
	byPlace    map[[3]string]int
}

// DefaultAvailability is the SLA (percent) of a node nothing in the
// built-in catalog matches; the catalog file can change it.
const DefaultAvailability = 99.9

var builtinAvailabilityOnce = sync.OnceValues(func() (*AvailabilityCatalog, error) {
	return parseAvailability(builtinAvailability, "availability_catalog.yaml")
})

// DefaultAvailabilityCatalog is the built-in catalog (availability_catalog.yaml).
func DefaultAvailabilityCatalog() *AvailabilityCatalog {
	c, err := builtinAvailabilityOnce()
	if err != nil {
		panic("built-in availability catalog: " + err.Error()) // a build defect, caught by tests
	}
	return c.Merge(&AvailabilityCatalog{Version: 1})
}

// ParseAvailabilityCatalog reads an override catalog file (YAML, or JSON
// which is YAML) and returns the catalog to use: the file's entries layered
// over the built-in catalog (the file wins; what it does not mention keeps
// its built-in SLA), or the file alone when it says `replace: true`. Errors
// are *graph.InputError naming the file and line:column.
func ParseAvailabilityCatalog(data []byte, name string) (*AvailabilityCatalog, error) {
	over, err := parseAvailability(data, name)
	if err != nil {
		return nil, err
	}
	if over.Replace {
		if over.Default == 0 {
			over.Default = DefaultAvailability
		}
		return over, nil
	}
	return DefaultAvailabilityCatalog().Merge(over), nil
}

var (
	productKeys   = []string{"product", "provider", "kind", "types", "when", "sla", "source"}
	placementKeys = []string{"level", "provider", "service", "sla", "source"}
	catalogKeys   = []string{"untether_availability", "replace", "default", "products", "placements"}
)

func parseAvailability(data []byte, name string) (*AvailabilityCatalog, error) {
	root, err := graph.ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, &graph.InputError{File: name, Line: 1, Col: 1, Msg: "empty availability catalog; expected untether_availability: 1 and products: [...]"}
	}
	if err := knownKeys(name, "$", root, catalogKeys); err != nil {
		return nil, err
	}
	var c AvailabilityCatalog
	if err := graph.DecodeYAML(name, root, &c); err != nil {
		return nil, err
	}
	at := func(n *yaml.Node, path, msg string) error {
		return &graph.InputError{File: name, Line: n.Line, Col: n.Column, Path: path, Msg: msg}
	}
	if c.Version != 1 {
		return nil, at(root, "$.untether_availability", fmt.Sprintf("untether_availability is %d; expected 1", c.Version))
	}
	if c.Default != 0 && !validSLA(c.Default) {
		return nil, at(mapValue(root, "default"), "$.default", fmt.Sprintf("default is %v; expected a percentage above 0 and at most 100", c.Default))
	}
	items := seqItems(root, "products")
	for i, p := range c.Products {
		n, path := items[i], fmt.Sprintf("$.products[%d]", i)
		if err := knownKeys(name, path, n, productKeys); err != nil {
			return nil, err
		}
		if p.Product == "" || p.Provider == "" || p.Kind == "" {
			return nil, at(n, path, "product, provider and kind are required (provider and kind may be \"*\")")
		}
		if !validSLA(p.SLA) {
			return nil, at(n, path+".sla", fmt.Sprintf("sla is %v; expected a percentage above 0 and at most 100, e.g. 99.95", p.SLA))
		}
		for _, k := range sortedKeys(p.When) {
			if msg := checkCondition(p.When[k]); msg != "" {
				return nil, at(mapValue(mapValue(n, "when"), k), path+".when."+k, msg)
			}
		}
	}
	items = seqItems(root, "placements")
	for i, p := range c.Placements {
		n, path := items[i], fmt.Sprintf("$.placements[%d]", i)
		if err := knownKeys(name, path, n, placementKeys); err != nil {
			return nil, err
		}
		if !slices.Contains([]string{"zone", "region", "provider", "service"}, p.Level) {
			return nil, at(n, path+".level", fmt.Sprintf("level %q; expected zone, region, provider or service", p.Level))
		}
		if p.Provider == "" {
			return nil, at(n, path, "provider is required (it may be \"*\")")
		}
		if !validSLA(p.SLA) {
			return nil, at(n, path+".sla", fmt.Sprintf("sla is %v; expected a percentage above 0 and at most 100, e.g. 99.99", p.SLA))
		}
	}
	c.index()
	return &c, nil
}

func validSLA(x float64) bool { return x > 0 && x <= 100 }

// knownKeys refuses a mapping key the catalog does not define (a typo such
// as "SLA:" would otherwise silently leave the SLA at 0).
func knownKeys(name, path string, n *yaml.Node, keys []string) error {
	if n.Kind != yaml.MappingNode {
		return &graph.InputError{File: name, Line: n.Line, Col: n.Column, Path: path, Msg: "expected a mapping"}
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		if key := n.Content[k]; !slices.Contains(keys, key.Value) {
			return &graph.InputError{File: name, Line: key.Line, Col: key.Column, Path: path + "." + key.Value,
				Msg: fmt.Sprintf("unknown field %q; expected one of %s", key.Value, strings.Join(keys, ", "))}
		}
	}
	return nil
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == key {
			return n.Content[k+1]
		}
	}
	return n
}

// seqItems returns the items of root's sequence key; Decode has checked it
// is a sequence of as many items as the decoded slice.
func seqItems(root *yaml.Node, key string) []*yaml.Node {
	if v := mapValue(root, key); v != root {
		return v.Content
	}
	return nil
}

func (c *AvailabilityCatalog) index() {
	c.byTypeKind, c.byType = map[[2]string][]int{}, map[string][]int{}
	c.byKind, c.byPlace = map[[2]string][]int{}, map[[3]string]int{}
	for i, p := range c.Products {
		for _, t := range p.Types {
			t = strings.ToLower(t)
			c.byType[t] = append(c.byType[t], i)
			c.byTypeKind[[2]string{t, p.Kind}] = append(c.byTypeKind[[2]string{t, p.Kind}], i)
		}
		k := [2]string{p.Provider, p.Kind}
		c.byKind[k] = append(c.byKind[k], i)
	}
	for i, p := range c.Placements {
		svc := p.Service
		if svc == "" {
			svc = "*"
		}
		if _, ok := c.byPlace[[3]string{p.Level, p.Provider, svc}]; !ok {
			c.byPlace[[3]string{p.Level, p.Provider, svc}] = i
		}
	}
}

// Merge returns a catalog in which over's entries (and default) win over c's.
func (c *AvailabilityCatalog) Merge(over *AvailabilityCatalog) *AvailabilityCatalog {
	out := &AvailabilityCatalog{Version: 1, Default: firstNonZero(over.Default, c.Default, DefaultAvailability)}
	out.Products = append(slices.Clone(over.Products), c.Products...)
	out.Placements = append(slices.Clone(over.Placements), c.Placements...)
	out.index()
	return out
}

func firstNonZero(xs ...float64) float64 {
	for _, x := range xs {
		if x != 0 {
			return x
		}
	}
	return 0
}

// Lookup finds the SLA of a resource node: by (type, kind), then type, then
// (provider, kind), (provider, *), (*, kind), like the lock-in catalog; at
// each step the first entry whose conditions hold wins. ok is false when
// nothing matches (the caller uses Default).
func (c *AvailabilityCatalog) Lookup(n *graph.Node) (AvailabilityProduct, bool) {
	try := func(cands []int) (AvailabilityProduct, bool) {
		for _, i := range cands {
			if c.Products[i].holds(n) {
				return c.Products[i], true
			}
		}
		return AvailabilityProduct{}, false
	}
	if n.Type != "" {
		t := strings.ToLower(n.Type)
		if p, ok := try(c.byTypeKind[[2]string{t, n.Kind}]); ok {
			return p, true
		}
		if p, ok := try(c.byType[t]); ok {
			return p, true
		}
	}
	for _, k := range [][2]string{{n.Provider, n.Kind}, {n.Provider, "*"}, {"*", n.Kind}} {
		if p, ok := try(c.byKind[k]); ok {
			return p, true
		}
	}
	return AvailabilityProduct{}, false
}

// LookupPlacement finds the SLA of a placement node: (level, provider,
// service), (level, provider, *), (level, *, service), (level, *, *).
func (c *AvailabilityCatalog) LookupPlacement(n *graph.Node) (AvailabilityPlacement, bool) {
	lvl, svc := string(n.Level), "*"
	if n.Level == graph.LevelService && n.Service != "" {
		svc = n.Service
	}
	for _, k := range [][3]string{{lvl, n.Provider, svc}, {lvl, n.Provider, "*"}, {lvl, "*", svc}, {lvl, "*", "*"}} {
		if i, ok := c.byPlace[k]; ok {
			return c.Placements[i], true
		}
	}
	return AvailabilityPlacement{}, false
}

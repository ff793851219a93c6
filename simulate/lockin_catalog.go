package simulate

import (
	_ "embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/untether-dev/untether/graph"
)

//go:embed lockin_catalog.yaml
var builtinCatalog []byte

// Lock-in classes and their values.
const (
	ClassPortable    = "portable"
	ClassModerate    = "moderate"
	ClassProprietary = "proprietary"
)

var classValue = map[string]float64{ClassPortable: 0, ClassModerate: 0.5, ClassProprietary: 1}

// LockinProduct is one catalog entry.
type LockinProduct struct {
	Product  string `yaml:"product" json:"product"`
	Provider string `yaml:"provider" json:"provider"` // "*" for any
	Kind     string `yaml:"kind" json:"kind"`         // "*" for any
	Class    string `yaml:"class" json:"class"`
	// Types are provider-native types (Terraform and CloudFormation
	// spellings) this entry matches exactly, case-insensitive.
	Types        []string `yaml:"types,omitempty" json:"types,omitempty"`
	Alternatives []string `yaml:"alternatives,omitempty" json:"alternatives,omitempty"`
}

// LockinCatalog classes products by lock-in. Earlier entries win.
type LockinCatalog struct {
	Version int `yaml:"untether_lockin" json:"untether_lockin"`
	// Replace, in an override file, drops the built-in catalog instead of
	// layering the file's entries over it.
	Replace  bool            `yaml:"replace,omitempty" json:"replace,omitempty"`
	Products []LockinProduct `yaml:"products" json:"products"`

	byTypeKind map[[2]string]int
	byType     map[string]int
	byKind     map[[2]string]int
}

// DefaultLockinCatalog is the built-in catalog (lockin_catalog.yaml).
func DefaultLockinCatalog() *LockinCatalog {
	c, err := parseCatalog(builtinCatalog, "lockin_catalog.yaml")
	if err != nil {
		panic("built-in lock-in catalog: " + err.Error()) // a build defect, caught by tests
	}
	return c
}

// ParseLockinCatalog reads an override catalog file (YAML, or JSON which is
// YAML) and returns the catalog to use: the file's entries layered over the
// built-in catalog (the file wins; products it does not mention keep their
// built-in class), or the file alone when it says `replace: true`. Errors
// are *graph.InputError naming the file and line:column.
func ParseLockinCatalog(data []byte, name string) (*LockinCatalog, error) {
	over, err := parseCatalog(data, name)
	if err != nil {
		return nil, err
	}
	if over.Replace {
		return over, nil
	}
	return DefaultLockinCatalog().Merge(over), nil
}

func parseCatalog(data []byte, name string) (*LockinCatalog, error) {
	root, err := graph.ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &graph.InputError{File: name, Line: 1, Col: 1, Msg: "empty lock-in catalog; expected untether_lockin: 1 and products: [...]"}
	}
	var c LockinCatalog
	if err := graph.DecodeYAML(name, root, &c); err != nil {
		return nil, err
	}
	if c.Version != 1 {
		return nil, &graph.InputError{File: name, Line: root.Line, Col: root.Column, Msg: fmt.Sprintf("untether_lockin is %d; expected 1", c.Version)}
	}
	var items []*yaml.Node
	for k := 0; k+1 < len(root.Content); k += 2 {
		if root.Content[k].Value == "products" {
			items = root.Content[k+1].Content
		}
	}
	for i, p := range c.Products {
		at := root
		if i < len(items) {
			at = items[i]
		}
		bad := func(msg string) error {
			return &graph.InputError{File: name, Line: at.Line, Col: at.Column, Path: fmt.Sprintf("$.products[%d]", i), Msg: msg}
		}
		if _, ok := classValue[p.Class]; !ok {
			return nil, bad(fmt.Sprintf("class %q; expected portable, moderate or proprietary", p.Class))
		}
		if p.Product == "" || p.Provider == "" || p.Kind == "" {
			return nil, bad("product, provider and kind are required (provider and kind may be \"*\")")
		}
	}
	c.index()
	return &c, nil
}

func (c *LockinCatalog) index() {
	c.byTypeKind = map[[2]string]int{}
	c.byType = map[string]int{}
	c.byKind = map[[2]string]int{}
	for i, p := range c.Products {
		for _, t := range p.Types {
			t = strings.ToLower(t)
			if _, ok := c.byType[t]; !ok {
				c.byType[t] = i
			}
			if _, ok := c.byTypeKind[[2]string{t, p.Kind}]; !ok {
				c.byTypeKind[[2]string{t, p.Kind}] = i
			}
		}
		if _, ok := c.byKind[[2]string{p.Provider, p.Kind}]; !ok {
			c.byKind[[2]string{p.Provider, p.Kind}] = i
		}
	}
}

// Merge returns a catalog in which over's entries win over c's.
func (c *LockinCatalog) Merge(over *LockinCatalog) *LockinCatalog {
	out := &LockinCatalog{Version: 1}
	out.Products = append(append(out.Products, over.Products...), c.Products...)
	out.index()
	return out
}

// Lookup classes a resource: by (type, kind) (one native type can serve
// two products, as Microsoft.Web/sites serves web apps and functions), then
// type, then (provider, kind), (provider, *), (*, kind). ok is false when
// nothing matches.
func (c *LockinCatalog) Lookup(typ, provider, kind string) (LockinProduct, bool) {
	if i := c.lookup(typ, provider, kind); i >= 0 {
		return c.Products[i], true
	}
	return LockinProduct{}, false
}

// lookup is Lookup's index into Products, or -1.
func (c *LockinCatalog) lookup(typ, provider, kind string) int {
	if typ != "" {
		t := strings.ToLower(typ)
		if i, ok := c.byTypeKind[[2]string{t, kind}]; ok {
			return i
		}
		if i, ok := c.byType[t]; ok {
			return i
		}
	}
	for _, k := range [][2]string{{provider, kind}, {provider, "*"}, {"*", kind}} {
		if i, ok := c.byKind[k]; ok {
			return i
		}
	}
	return -1
}

// lockinClasses classes resources as Lookup does, remembering each
// (type, provider, kind) seen: an estate has few distinct ones.
type lockinClasses struct {
	c            *LockinCatalog
	memo         map[[3]string]int32
	unclassified map[[2]string]string // product names, made once each
}

// of returns the index into Products of the resource's entry, or -1.
func (l *lockinClasses) of(nd *graph.Node) int32 {
	key := [3]string{nd.Type, nd.Provider, nd.Kind}
	i, ok := l.memo[key]
	if !ok {
		i = int32(l.c.lookup(nd.Type, nd.Provider, nd.Kind))
		l.memo[key] = i
	}
	return i
}

// product is entry i, or for -1 the moderate class an unmatched resource gets.
func (l *lockinClasses) product(i int32, nd *graph.Node) LockinProduct {
	if i < 0 {
		key := [2]string{nd.Provider, nd.Kind}
		name, ok := l.unclassified[key]
		if !ok {
			name = "unclassified " + nd.Provider + " " + nd.Kind
			l.unclassified[key] = name
		}
		return LockinProduct{Product: name, Class: ClassModerate}
	}
	return l.c.Products[i]
}

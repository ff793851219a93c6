package inventory

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/untether-dev/untether/graph"
	"go.yaml.in/yaml/v3"
)

// FormatVersion is the inventory file version this build reads, in the
// file's "untether_inventory" field.
const FormatVersion = 1

// Inventory is a parsed inventory file. Every item keeps the line and column
// it came from, so errors found later (a selector matching nothing) still
// point into the file.
type Inventory struct {
	File         string
	Services     []Service
	Resources    []Resource
	Dependencies []Dependency
	Groups       []Group
}

// Ref is a reference to nodes: an exact node id, or a selector tag:KEY=VALUE,
// kind:KIND or name:NAME matching resource nodes.
type Ref struct {
	Text      string
	Line, Col int
}

// Service is a business service; its node id is graph.ServiceID(ID).
type Service struct {
	ID                  string
	Name                string
	Tier                int
	Owners              []string
	DowntimeCostPerHour float64
	Residency           []string
	Tags                map[string]string
	Entry, Needs        []Ref
	Line, Col           int
}

// Resource is something no collector finds: an on-prem system or a SaaS API.
type Resource struct {
	ID, Kind, Type, Provider, Account, Region string
	Zones                                     []string
	// ZoneNeed is how many of Zones must be up (default 1).
	ZoneNeed int
	// ManagedService names the provider's managed service it runs on; the
	// resource then needs that placement node (global when Region is empty).
	ManagedService string
	Name           string
	Tags           map[string]string
	Attrs          map[string]any
	Residency      []string
	Needs          []Ref
	Line, Col      int
}

// Dependency is an edge no API shows: From needs To.
type Dependency struct {
	From, To  Ref
	Note      string
	Line, Col int
}

// Group is a declared redundancy group: need of members must be up. Its
// node id is graph.GroupID(ID).
type Group struct {
	ID        string
	Need      int
	Members   []Ref
	Line, Col int
}

// Load reads and parses the inventory file at path ("-" reads standard
// input).
func Load(path string) (*Inventory, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read inventory: %w", err)
	}
	return Parse(data, path)
}

// Parse parses an inventory file's bytes; name is used in errors and in
// the evidence of every node and edge the inventory adds.
func Parse(data []byte, name string) (*Inventory, error) {
	r := &reader{file: name}
	top, err := graph.ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	if top == nil {
		return nil, &graph.InputError{File: name, Line: 1, Col: 1, Msg: "empty inventory; expected a mapping starting with untether_inventory: 1"}
	}
	f, err := r.fields(top, "the inventory", []string{"untether_inventory", "services", "resources", "dependencies", "groups"})
	if err != nil {
		return nil, err
	}
	v, ok := f["untether_inventory"]
	if !ok {
		return nil, r.errAt(top, "not an untether inventory: no untether_inventory version (expected untether_inventory: %d)", FormatVersion)
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Value != fmt.Sprint(FormatVersion) {
		return nil, r.errAt(v, "unsupported inventory version %s; this build reads untether_inventory: %d", graph.DescribeYAML(v), FormatVersion)
	}
	inv := &Inventory{File: name}
	if n := f["services"]; n != nil {
		if err := r.list(n, "services", func(c *yaml.Node) error { return inv.service(r, c) }); err != nil {
			return nil, err
		}
	}
	if n := f["resources"]; n != nil {
		if err := r.list(n, "resources", func(c *yaml.Node) error { return inv.resource(r, c) }); err != nil {
			return nil, err
		}
	}
	if n := f["dependencies"]; n != nil {
		if err := r.list(n, "dependencies", func(c *yaml.Node) error { return inv.dependency(r, c) }); err != nil {
			return nil, err
		}
	}
	if n := f["groups"]; n != nil {
		if err := r.list(n, "groups", func(c *yaml.Node) error { return inv.group(r, c) }); err != nil {
			return nil, err
		}
	}
	return inv, nil
}

// A reference is a node id, or a selector of graph's grammar that matches
// resources by what they carry: tag:KEY=VALUE, kind:KIND or name:NAME.
// (The other selector kinds name one node, as an id does; "service:ID" is
// the id of an inventory service, never a selector here.)

// refSelector parses s when it is a matching selector; ok is false for an id.
func refSelector(s string) (sel graph.Selector, ok bool, err error) {
	kind, _, _ := strings.Cut(s, ":")
	switch graph.SelectorKind(kind) {
	case graph.SelectTag, graph.SelectKind, graph.SelectName:
	default:
		return graph.Selector{}, false, nil
	}
	if !strings.Contains(s, ":") {
		return graph.Selector{}, false, nil
	}
	sel, err = graph.ParseSelector(s)
	if se, bad := err.(*graph.SelectorError); bad {
		return sel, true, fmt.Errorf("selector %q: %s", clip(s), se.Msg)
	}
	return sel, true, err
}

func isSelector(s string) bool {
	_, ok, _ := refSelector(s)
	return ok
}

func checkSelector(s string) error {
	_, _, err := refSelector(s)
	return err
}

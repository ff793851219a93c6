package graph

import (
	"fmt"
	"slices"
	"strings"
)

// The one selector grammar (DESIGN.md §4). `simulate --fail`, the audit's
// scenarios and presets, and the inventory's references all parse, print
// and match selectors here, so a selector means the same thing everywhere.

// SelectorKind is what a selector names nodes by: the word before the colon.
type SelectorKind string

const (
	SelectProvider SelectorKind = "provider" // provider:aws, one placement
	SelectRegion   SelectorKind = "region"   // region:aws/us-east-1
	SelectZone     SelectorKind = "zone"     // zone:aws/us-east-1/use1-az1
	SelectService  SelectorKind = "service"  // service:aws/us-east-1/dynamodb (a managed service)
	SelectNode     SelectorKind = "node"     // node:ID, any one node by its exact id
	SelectTag      SelectorKind = "tag"      // tag:team=payments, every resource with it
	SelectKind     SelectorKind = "kind"     // kind:database, every resource of the kind
	SelectName     SelectorKind = "name"     // name:orders-db, every resource with the name
)

// Selector names a set of nodes.
type Selector struct {
	Kind  SelectorKind
	Value string // what follows the colon
	// Key and TagValue split a tag selector's k=v.
	Key, TagValue string
}

// String is the selector as written: "region:aws/us-east-1".
func (s Selector) String() string { return string(s.Kind) + ":" + s.Value }

// SelectorError is a selector that does not parse or matches nothing; the
// command line maps it to exit status 2.
type SelectorError struct {
	Selector string
	Msg      string
}

func (e *SelectorError) Error() string { return fmt.Sprintf("selector %q: %s", e.Selector, e.Msg) }

// SelectorHelp lists the selector forms, for error messages.
const SelectorHelp = "expected provider:P, region:P/R, zone:P/R/Z, service:P/R/NAME, node:ID, tag:K=V, kind:K or name:NAME"

// selectorForms is what follows the colon of each kind, for messages.
var selectorForms = map[SelectorKind]string{
	SelectProvider: "PROVIDER", SelectRegion: "PROVIDER/REGION", SelectZone: "PROVIDER/REGION/ZONE",
	SelectService: "PROVIDER/REGION/NAME (REGION may be global)", SelectNode: "ID",
	SelectTag: "KEY=VALUE", SelectKind: "KIND", SelectName: "NAME",
}

// ParseSelector parses one selector; a bad one is a *SelectorError.
func ParseSelector(s string) (Selector, error) {
	kind, val, ok := strings.Cut(s, ":")
	sel := Selector{Kind: SelectorKind(kind), Value: val}
	form, known := selectorForms[sel.Kind]
	switch {
	case !ok:
		return Selector{}, &SelectorError{s, SelectorHelp}
	case !known:
		return Selector{}, &SelectorError{s, "unknown selector kind " + kind + "; " + SelectorHelp}
	}
	parts := strings.Split(val, "/")
	valid := val != ""
	switch sel.Kind {
	case SelectProvider:
		valid = valid && len(parts) == 1
	case SelectRegion:
		valid = len(parts) == 2 && !slices.Contains(parts, "")
	case SelectZone, SelectService:
		valid = len(parts) == 3 && !slices.Contains(parts, "")
	case SelectTag:
		k, v, cut := strings.Cut(val, "=")
		valid = cut && k != ""
		sel.Key, sel.TagValue = k, v
	}
	if !valid {
		return Selector{}, &SelectorError{s, "expected " + kind + ":" + form}
	}
	return sel, nil
}

// Node is the id of the one node a provider, region, zone, service or node
// selector names; "" for a selector that matches resources by what they
// carry (tag, kind, name).
func (s Selector) Node() string {
	p := strings.Split(s.Value, "/")
	switch {
	case s.Kind == SelectProvider:
		return ProviderID(s.Value)
	case s.Kind == SelectRegion && len(p) == 2:
		return RegionID(p[0], p[1])
	case s.Kind == SelectZone && len(p) == 3:
		return ZoneID(p[0], p[1], p[2])
	case s.Kind == SelectService && len(p) == 3:
		return ManagedServiceID(p[0], p[1], p[2])
	case s.Kind == SelectNode:
		return s.Value
	}
	return ""
}

// Level is the placement level a provider, region, zone or service
// selector names; "" for the other kinds.
func (s Selector) Level() Level {
	switch s.Kind {
	case SelectProvider:
		return LevelProvider
	case SelectRegion:
		return LevelRegion
	case SelectZone:
		return LevelZone
	case SelectService:
		return LevelService
	}
	return ""
}

// Matches reports whether a tag, kind or name selector matches node n (by
// its tags, kind or name); a selector of one node never matches this way.
func (s Selector) Matches(n *Node) bool {
	switch s.Kind {
	case SelectTag:
		v, ok := n.Tags[s.Key]
		return ok && v == s.TagValue
	case SelectKind:
		return n.Kind == s.Value
	case SelectName:
		return n.Name == s.Value
	}
	return false
}

// NodeSelector is the selector naming the node id alone: "node:ID".
func NodeSelector(id string) Selector { return Selector{Kind: SelectNode, Value: id} }

// PlacementSelector is the selector that names placement node n by its
// level ("region:aws/us-east-1"), or "node:ID" when n's id is not the one
// its provider, region, zone and service make.
func PlacementSelector(n *Node) Selector {
	var s Selector
	switch n.Level {
	case LevelProvider:
		s = Selector{Kind: SelectProvider, Value: n.Provider}
	case LevelRegion:
		s = Selector{Kind: SelectRegion, Value: n.Provider + "/" + n.Region}
	case LevelZone:
		if len(n.Zones) == 1 {
			s = Selector{Kind: SelectZone, Value: n.Provider + "/" + n.Region + "/" + n.Zones[0]}
		}
	case LevelService:
		s = Selector{Kind: SelectService, Value: n.Provider + "/" + n.Region + "/" + n.Service}
	}
	if s.Kind == "" || s.Node() != n.ID {
		return NodeSelector(n.ID)
	}
	return s
}

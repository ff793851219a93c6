package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/discover/redact"
	"github.com/untether-dev/untether/discover/roles"
	"github.com/untether-dev/untether/graph"
)

// sink collects what one step found. Facts that other steps need to resolve
// names (zone names and subnets to zone ids, DNS names to nodes) are kept
// as data; everything else is recorded as operations that run once every
// step has finished, one task after another in canonical order, so the
// estate never depends on which call returned first.
type sink struct {
	zoneIDs    map[string]string // zone name -> zone id
	subnetZone map[string]string // subnet id -> zone id
	subnetVPC  map[string]string // subnet id -> VPC id
	dnsNames   map[string]string // DNS name -> node id
	ops        []func(a *asm)
	late       []func(a *asm) // run once every task's ops have run
}

// Zone references, resolved to AZ ids at assembly.
func zoneName(name string) string { return "name:" + name }
func zoneID(id string) string     { return "id:" + id }
func subnetRef(id string) string  { return "subnet:" + id }

func (s *sink) do(f func(a *asm)) { s.ops = append(s.ops, f) }

// tags adds tags to the node with id once every step has made its nodes;
// tags of resources untether does not collect are dropped.
func (s *sink) tags(id string, tags map[string]string) {
	if len(tags) == 0 {
		return
	}
	s.late = append(s.late, func(a *asm) {
		if a.b.Get(id) != nil {
			a.b.Node(graph.Node{ID: id, Tags: tags})
		}
	})
}

// nodeOf is a resource node; sink.node fills in provider, account and region.
func nodeOf(id, kind, typ, name string, tags map[string]string, evidence string, attrs map[string]any) graph.Node {
	for k, v := range attrs {
		if v == "" || v == nil {
			delete(attrs, k)
		}
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	redact.Attrs(attrs)
	return graph.Node{ID: id, Kind: kind, Type: typ, Role: roles.Of(typ), Name: name, Tags: tags, Evidence: evidence, Attrs: attrs}
}

func (s *sink) node(n graph.Node) {
	n.Class = graph.ClassResource
	n.Provider = "aws"
	s.do(func(a *asm) {
		if n.Account == "" {
			n.Account = a.account
		}
		if n.Region == "" {
			n.Region = a.region // "global" for the global services' resources
		}
		a.b.Node(n)
	})
}

// edge records that from needs to; to may be a node another step finds.
func (s *sink) edge(from, to, evidence string) {
	s.do(func(a *asm) { a.edge(from, to, evidence) })
}

// place makes id need need-of its zones (zone references), or its region
// when no zone resolves. need 1 is DESIGN.md's "any one zone".
func (s *sink) place(id string, need int, refs []string, evidence string) {
	s.do(func(a *asm) { a.place(id, need, refs, evidence) })
}

// regional makes id need its region's managed service node.
func (s *sink) regional(id, service, evidence string) {
	s.do(func(a *asm) { a.edge(id, a.b.ManagedService("aws", a.region, service), evidence) })
}

// regionalIn makes id need the managed service of another region.
func (s *sink) regionalIn(id, region, service, evidence string) {
	s.do(func(a *asm) { a.edge(id, a.b.ManagedService("aws", region, service), evidence) })
}

// global makes id need a global managed service node.
func (s *sink) global(id, service, evidence string) {
	s.do(func(a *asm) { a.edge(id, a.b.ManagedService("aws", graph.GlobalRegion, service), evidence) })
}

// group makes from need a need-of-members group (need clamped to the
// members; no group when there are none).
func (s *sink) group(from, gid string, need int, members []string, evidence string) {
	s.do(func(a *asm) { a.group(from, gid, need, members, evidence) })
}

// dns says that name resolves to the node id (an LB, a distribution ...).
func (s *sink) dns(name, id string) {
	if s.dnsNames == nil {
		s.dnsNames = map[string]string{}
	}
	s.dnsNames[normDNS(name)] = id
}

// dnsEdge makes from need whatever node answers to the DNS name.
func (s *sink) dnsEdge(from, name, evidence string) {
	s.do(func(a *asm) { a.edge(from, a.resolveDNS(name), evidence) })
}

func normDNS(name string) string {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	return strings.TrimPrefix(name, "dualstack.")
}

// asm is the single-threaded assembly of all sinks into one builder.
type asm struct {
	b               *graph.Builder
	account, region string
	zoneIDs         map[string]map[string]string // "account/region" -> name -> id
	subnetZone      map[string]map[string]string
	subnetVPC       map[string]map[string]string
	dns             map[string]string
	edges           [][3]string
}

func (a *asm) key() string { return a.account + "/" + a.region }

func (a *asm) edge(from, to, evidence string) {
	if from == "" || to == "" || a.b.HasEdge(from, to) {
		return
	}
	a.b.Edge(from, to, evidence)
	a.edges = append(a.edges, [3]string{from, to, evidence})
}

func (a *asm) group(from, gid string, need int, members []string, evidence string) {
	members = slices.Compact(slices.Sorted(slices.Values(members)))
	if len(members) == 0 {
		return
	}
	need = max(1, min(need, len(members)))
	a.b.Node(graph.Node{ID: gid, Class: graph.ClassGroup, Need: need, Evidence: evidence})
	for _, m := range members {
		a.edge(gid, m, evidence)
	}
	a.edge(from, gid, evidence)
}

// zones resolves zone references to AZ ids, sorted and unique.
func (a *asm) zones(refs []string) []string {
	var out []string
	for _, ref := range refs {
		kind, v, _ := strings.Cut(ref, ":")
		switch kind {
		case "id":
			out = append(out, v)
		case "name":
			if id, ok := a.zoneIDs[a.key()][v]; ok {
				out = append(out, id)
			} else if v != "" {
				out = append(out, v) // zone ids unknown (ec2 not readable): the name stands in
			}
		case "subnet":
			if id, ok := a.subnetZone[a.key()][v]; ok {
				out = append(out, id)
			}
		}
	}
	return slices.Compact(slices.Sorted(slices.Values(out)))
}

func (a *asm) place(id string, need int, refs []string, evidence string) {
	zones := a.zones(refs)
	if n := a.b.Get(id); n != nil && len(n.Zones) == 0 {
		n.Zones = zones
	}
	switch {
	case len(zones) == 0 && len(refs) > 0:
		a.edge(id, a.b.Region("aws", a.region), evidence+" (zones not resolved: region)")
	case need <= 1 || len(zones) <= 1:
		a.edge(id, placeTarget(a.b, a.region, zones), evidence)
	default:
		a.edge(id, a.b.ZoneGroup("aws", a.region, min(need, len(zones)), zones), evidence)
	}
}

func placeTarget(b *graph.Builder, region string, zones []string) string {
	switch len(zones) {
	case 0:
		return b.Region("aws", region)
	case 1:
		return b.Zone("aws", region, zones[0])
	}
	return b.ZoneGroup("aws", region, 1, zones)
}

func (a *asm) resolveDNS(name string) string {
	n := normDNS(name)
	if id, ok := a.dns[n]; ok {
		return id
	}
	if b, ok := s3BucketFromDNS(n); ok {
		return "arn:aws:s3:::" + b
	}
	return "dns:" + n
}

// stub adds a node for an edge target no step found (another account, a
// region not collected, a service denied): it is named, never silently lost,
// and marked a placeholder, so merging the shard of the account that
// collected it keeps the collected node (graph.Merge).
func (a *asm) stub(id, neededBy string) {
	if a.b.Get(id) != nil {
		return
	}
	ev := fmt.Sprintf("referenced by %s; not itself collected", neededBy)
	if strings.HasPrefix(id, "dns:") {
		a.b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: "endpoint", Type: "DNS", Role: roles.Of("DNS"), Name: strings.TrimPrefix(id, "dns:"), Evidence: ev, Placeholder: true})
		return
	}
	p, ok := parseARN(id)
	if !ok {
		a.b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: "unknown", Name: id, Evidence: ev, Placeholder: true})
		return
	}
	a.b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: kindOfService(p.service), Type: "aws:" + p.service,
		Provider: "aws", Account: p.account, Region: p.region, Name: p.resource, Evidence: ev, Placeholder: true})
	if p.region != "" {
		a.b.Edge(id, a.b.Region("aws", p.region), "region from the ARN")
	} else {
		a.b.Edge(id, a.b.Provider("aws"), "global ARN")
	}
}

package terraform

import (
	"strings"

	"github.com/untether-dev/untether/discover/roles"
	"github.com/untether-dev/untether/graph"
)

// node is an instance on its way into the estate.
type node struct {
	in    *instance
	id    string
	cloud string // aws, gcp, azure, or the provider's short name
	spec  spec

	account, region, regionEvidence string
	// zones and zoneNeed: the zones the resource spans and how many must be
	// up; zoneEvidence names the attribute.
	zones        []string
	zoneNeed     int
	zoneEvidence string
	// regions: a multi-region resource and its evidence.
	regions         []string
	regionsEvidence string
	// note explains a placement decision the attributes force (an unknown
	// zone, a zone-redundant regional service).
	note string
	// undecided says why a single-zone product's zone is known only at
	// apply (or chosen by the cloud): it goes on the region's "decided at
	// apply" zone, never on the region as if it were redundant.
	undecided string
	refs      []ref
	// config and module: the address without instance keys, and the
	// module instance the resource is in ("" at the root), worked out once.
	config, module string
}

// ref is an attribute of one node holding another node's id, arn,
// self_link or name.
type ref struct {
	key      string
	target   *node
	config   bool   // from a plan's configuration expression, not a value
	via      string // the module output the expression reached it through
	evidence string // what the edge says (refEvidence)
}

// build maps every document's instances into one estate.
func build(docs []*document) (*graph.Estate, error) {
	outside := outsideRefs(docs)
	var nodes []*node
	for _, d := range docs {
		for _, in := range d.instances {
			nodes = append(nodes, &node{in: in})
		}
	}
	// The passes that read only the node itself (and the finished index)
	// run on every core; the ones that read other nodes' results stay in
	// order.
	eachParallel(nodes, func(_ int, n *node) { initNode(n) })
	qualifyCollisions(nodes)
	ix := newIndex(nodes)
	eachParallel(nodes, func(_ int, n *node) {
		n.refs = ix.valueRefs(n)
		locate(n)
	})
	for _, d := range docs {
		ix.configRefs(d)
	}
	for _, n := range nodes {
		if n.spec.place != nil {
			n.spec.place(ix, n)
		}
	}
	for range 2 { // a region inferred in the first pass can serve a second
		for _, n := range nodes {
			inferRegion(n)
		}
	}
	// Two addresses can manage one cloud resource (aws_default_vpc in two
	// modules): one node, which lists every address.
	addresses := map[string][]string{}
	for _, n := range nodes {
		addresses[n.id] = append(addresses[n.id], n.in.address)
	}
	out := make([]graph.Node, len(nodes))
	eachParallel(nodes, func(i int, n *node) { out[i] = resourceNode(n, addresses[n.id]) })
	b := graph.NewBuilder()
	for i, n := range nodes {
		b.Node(out[i])
		place(b, n)
	}
	eachParallel(nodes, func(_ int, n *node) {
		for i := range n.refs {
			n.refs[i].evidence = refEvidence(n, n.refs[i])
		}
	})
	e := newEdges(b, ix)
	for _, n := range nodes {
		e.fromRefs(n)
	}
	for _, n := range nodes {
		e.fromDependencies(n)
	}
	e.flush()
	hangOnClusters(b, docs, ix, nodes)
	dataPaths(b, ix, nodes)
	undecidedGaps(b, nodes)
	outsideGaps(b, ix, nodes)
	for _, note := range outside {
		b.Gap(graph.Gap{Provider: "gcp", Service: "terraform", Status: graph.GapUnknown, Detail: note})
	}
	urlMapHosts(b, nodes)
	dnsNames(b, nodes)
	return b.Estate()
}

// initNode decides the cloud, the mapping and the id.
func initNode(n *node) {
	in := n.in
	n.cloud, n.zoneNeed, n.config, n.module = cloudOf(in), 1, configAddress(in.address), modulePrefix(in.address)
	n.spec = specFor(n.cloud, in.typ)
	n.id = realID(n)
	if n.id == "" {
		n.id = in.address
	}
}

// cloudOf is aws, gcp or azure from the type's prefix, else the provider's
// short name (the last part of its source address).
func cloudOf(in *instance) string {
	prefix, _, _ := strings.Cut(in.typ, "_")
	switch prefix {
	case "aws":
		return "aws"
	case "google":
		return "gcp"
	case "azurerm", "azuread", "azapi":
		return "azure"
	}
	if p := lastSegment(in.provider); p != "" {
		return p
	}
	return prefix
}

// realID is the cloud's own id when the file knows it.
func realID(n *node) string {
	v := n.in.values
	if n.in.unknown["*"] {
		return ""
	}
	known := func(k string) string {
		if n.in.unknown[k] || n.in.sensitive[k] {
			return ""
		}
		s, _ := v[k].(string)
		return s
	}
	switch n.cloud {
	case "aws":
		if a := known("arn"); strings.HasPrefix(a, "arn:") {
			return a
		}
	case "gcp":
		if s := known("self_link"); strings.HasPrefix(s, "https://") {
			return s
		}
		if s := known("id"); strings.HasPrefix(s, "projects/") {
			return s
		}
	case "azure":
		if s := known("id"); strings.HasPrefix(strings.ToLower(s), "/subscriptions/") {
			return s
		}
	}
	return ""
}

// resourceNode is the estate node of n.
func resourceNode(n *node, addresses []string) graph.Node {
	role, mapped := roles.Lookup(n.in.typ)
	attrs := copyAttrs(n.in)
	t := tags(n.in)
	attrs["address"] = n.in.address
	if len(addresses) > 1 {
		attrs["addresses"] = uniqueSorted(addresses)
	}
	if n.in.action != "" {
		attrs["plan_action"] = n.in.action
	}
	return graph.Node{
		ID: n.id, Class: graph.ClassResource, Kind: n.kind(role, mapped), Type: n.in.typ, Role: role.Role,
		Provider: n.cloud, Account: n.account, Region: n.region, Zones: uniqueSorted(n.zones),
		Name: resourceName(n.in, t), Tags: t, Attrs: attrs,
		Evidence:    "terraform " + n.in.file + " " + n.in.address + " (" + n.in.path + ")",
		Placeholder: n.in.standIn,
	}
}

// kind is the normalised kind: the mapping's, else the role taxonomy's;
// "generic" only for a type neither knows (the audit's coverage list).
func (n *node) kind(e roles.Entry, ok bool) string {
	if n.spec.kind != "" {
		return n.spec.kind
	}
	switch {
	case e.Kind != "":
		return e.Kind
	case ok:
		return string(e.Role)
	}
	return "generic"
}

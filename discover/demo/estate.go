package demo

import (
	"cmp"
	_ "embed"
	"fmt"
	"hash/fnv"

	"github.com/untether-dev/untether/graph"
)

//go:generate go test -run TestEmbeddedEstateMatchesBuilder -update

// demoJSON is the estate file written by build; TestEmbeddedEstateMatchesBuilder
// keeps the two byte-identical.
//
//go:embed demo.json
var demoJSON []byte

// FileName is the name the embedded demo estate goes by in messages.
const FileName = "demo.json"

// Estate returns the embedded demo estate of Bramblecart, a fictional
// online grocery marketplace. Each call decodes a fresh copy, so callers may
// change it freely.
func Estate() (*graph.Estate, error) {
	e, err := graph.Decode(demoJSON, FileName)
	if err != nil {
		return nil, fmt.Errorf("embedded demo estate: %w", err)
	}
	return e, nil
}

// Accounts, projects and subscriptions of the demo company.
const (
	awsProd    = "111122223333" // us-east-1 and eu-west-1 production
	awsEU      = "444455556666" // EU customer data, pinned to eu-west-1
	awsStaging = "777788889999"
	gcpCatalog = "bramblecart-catalog"
	gcpData    = "bramblecart-data"
	azureSub   = "3f2c9a7e-5b1d-4c8e-9a6f-2d7e8b1c4a90"
)

// demo wraps a graph.Builder with the helpers the estate is written with.
type demo struct {
	b *graph.Builder
	// ref names the nodes other parts of the estate point at (entry
	// points, shared stores, SaaS APIs).
	ref map[string]string
	// env is the env tag of the resources being added ("" means prod).
	env string
}

// build assembles the demo estate from scratch; the embedded file is its
// encoding.
func build() (*graph.Estate, error) {
	d := &demo{b: graph.NewBuilder(), ref: map[string]string{}}
	d.saas()
	d.onprem()
	d.catalog()
	d.awsGlobal()
	d.storefront()
	d.checkout()
	d.payments()
	d.login()
	d.orders()
	d.search()
	d.customerProfiles()
	d.analytics()
	d.notifications()
	d.supportDesk()
	d.merchantPortal()
	d.staging()
	d.services()
	e, err := d.b.Estate()
	if err != nil {
		return nil, err
	}
	// The builder makes the placement hierarchy without evidence; say where
	// it comes from, so every node carries some.
	for i := range e.Nodes {
		n := &e.Nodes[i]
		if n.Evidence == "" && n.Class == graph.ClassPlacement {
			n.Evidence = "placement hierarchy: " + string(n.Level) + " of the resources placed in it"
		}
	}
	return e, nil
}

// res adds a resource node and returns its id. Tags name the owning service
// and team; attrs and evidence are the node's own.
func (d *demo) res(n graph.Node) string {
	n.Class = graph.ClassResource
	if n.Tags == nil {
		n.Tags = map[string]string{}
	}
	if _, ok := n.Tags["env"]; !ok {
		n.Tags["env"] = cmp.Or(d.env, "prod")
	}
	d.b.Node(n)
	return n.ID
}

// place applies the zone/region placement rules to a resource.
func (d *demo) place(n graph.Node, evidence string) string {
	id := d.res(n)
	d.b.Place(id, n.Provider, n.Region, n.Zones, evidence)
	return id
}

// managed adds a resource served by a zone-redundant regional (or global)
// managed service: it needs the service's placement node and, when regional,
// its region.
func (d *demo) managed(n graph.Node, service, evidence string) string {
	id := d.res(n)
	region := n.Region
	if region == "" {
		region = graph.GlobalRegion
	}
	d.b.Edge(id, d.b.ManagedService(n.Provider, region, service), evidence)
	if region != graph.GlobalRegion {
		d.b.Edge(id, d.b.Region(n.Provider, region), evidence)
	}
	return id
}

// need records a requirement between two nodes.
func (d *demo) need(from, to, evidence string) { d.b.Edge(from, to, evidence) }

// group adds a k-of-n redundancy group.
func (d *demo) group(id string, need int, members []string, evidence string) string {
	return d.b.Group(id, need, members, evidence)
}

func tags(service, team string) map[string]string {
	return map[string]string{"service": service, "team": team}
}

// hexid is a stable pseudo-random hex suffix for realistic resource ids.
func hexid(seed string, n int) string {
	h := fnv.New64a()
	h.Write([]byte(seed))
	a := mix(h.Sum64())
	s := fmt.Sprintf("%016x%016x", a, mix(a))
	return s[:n]
}

// mix is the splitmix64 finaliser: every input bit moves every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// uuid is a stable UUID-shaped string.
func uuid(seed string) string {
	s := hexid(seed, 32)
	return s[0:8] + "-" + s[8:12] + "-4" + s[13:16] + "-a" + s[17:20] + "-" + s[20:32]
}

// spread lists each zone as many times as its count: one entry per instance.
func spread(zones []string, counts []int) []string {
	var out []string
	for i, z := range zones {
		for j := 0; j < counts[i]; j++ {
			out = append(out, z)
		}
	}
	return out
}

package simulate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Sweeps (DESIGN.md §4): every provider, region, zone and managed service
// fails alone (these runs are shared with the SPOF scan, which fails every
// placement node anyway), plus presets modelled on real outages.

// preset is an outage modelled on a real one. It runs when at least one
// anchor exists (an anchor is a listed id, or any managed-service placement
// whose id starts with prefix); it fails every anchor and every listed
// extra that exists.
type preset struct {
	name    string
	anchors []string
	prefix  string
	also    []string
}

var presets = []preset{
	{
		// us-east-1 events (2017 S3, 2021, 2023, 2025 DynamoDB DNS) also
		// took the global control planes homed there.
		name:    "aws-us-east-1-event",
		anchors: []string{graph.RegionID("aws", "us-east-1")},
		also: []string{
			graph.ManagedServiceID("aws", graph.GlobalRegion, "iam"),
			graph.ManagedServiceID("aws", graph.GlobalRegion, "route53"),
			graph.ManagedServiceID("aws", graph.GlobalRegion, "cloudfront"),
			graph.ManagedServiceID("aws", graph.GlobalRegion, "sts"),
			graph.ManagedServiceID("aws", graph.GlobalRegion, "organizations"),
		},
	},
	{
		// Entra ID (Azure AD) sign-in outages fail every dependent login,
		// whatever region the workload runs in.
		name: "azure-entra-id-outage",
		anchors: []string{
			graph.ManagedServiceID("azure", graph.GlobalRegion, "entra-id"),
			graph.ManagedServiceID("azure", graph.GlobalRegion, "entra_id"),
			graph.ManagedServiceID("azure", graph.GlobalRegion, "entraid"),
			graph.ManagedServiceID("azure", graph.GlobalRegion, "aad"),
		},
	},
	{
		// Azure Front Door, 29-30 October 2025 (Azure status YKYN-BWZ): an
		// inadvertent configuration change passed validation and reached
		// every edge site; Front Door and Azure CDN timed out and failed DNS
		// for about eight hours while the origins behind them stayed up. What
		// is published only through Front Door goes down; origins, and
		// anything with another way in (Traffic Manager to an Application
		// Gateway), stay up.
		name: "azure-front-door-config-2025-10",
		anchors: []string{
			graph.ManagedServiceID("azure", graph.GlobalRegion, "front-door"),
			graph.ManagedServiceID("azure", graph.GlobalRegion, "cdn"),
		},
	},
	{
		// Azure's global edge and control plane (Front Door, October 2025;
		// Entra ID; Resource Manager): every global Azure service at once.
		name:   "azure-global-control-plane-event",
		prefix: graph.ManagedServiceID("azure", graph.GlobalRegion, ""),
	},
	{
		// Google Cloud, 12 June 2025: a quota policy with blank fields,
		// replicated worldwide in seconds, crashed Service Control (which
		// admits every Google API request) in every region; APIs answered
		// 503 for hours while running VMs, clusters and load balancers
		// kept serving. What reaches data through Google APIs (Cloud
		// Storage, BigQuery, Pub/Sub, Firestore, Spanner) fails with it;
		// regional data planes do not.
		name:    "gcp-service-control-2025-06",
		anchors: []string{graph.ManagedServiceID("gcp", graph.GlobalRegion, "service-control")},
		also:    []string{graph.ManagedServiceID("gcp", graph.GlobalRegion, "iam")},
	},
	{
		// Google Cloud's global control plane (June 2025: Service Control
		// took IAM and the global products with it): every global GCP
		// service at once.
		name:   "gcp-global-control-plane-event",
		prefix: graph.ManagedServiceID("gcp", graph.GlobalRegion, ""),
	},
}

// injected returns the nodes the preset fails in this estate (nil: skip it).
func (ps preset) injected(m *Model) []int32 {
	var inj []int32
	for _, id := range ps.anchors {
		if i, ok := m.c.Index(id); ok {
			inj = append(inj, i)
		}
	}
	if ps.prefix != "" {
		for i, nd := range m.c.Nodes {
			if nd.Class == graph.ClassPlacement && nd.Level == graph.LevelService && strings.HasPrefix(nd.ID, ps.prefix) {
				inj = append(inj, int32(i))
			}
		}
	}
	if len(inj) == 0 {
		return nil
	}
	for _, id := range ps.also {
		if i, ok := m.c.Index(id); ok {
			inj = append(inj, i)
		}
	}
	slices.Sort(inj)
	return slices.Compact(inj)
}

// selectorFor is the selector that names placement node i alone.
func (m *Model) selectorFor(i int32) string { return graph.PlacementSelector(m.c.Nodes[i]).String() }

// scenario is the outage that fails the nodes inj, each named by its
// selector, and its blast radius.
func (m *Model) scenario(name, kind string, inj []int32, svcs []int32, resources int) Scenario {
	b := m.blast(svcs, resources)
	fail := make([]string, len(inj))
	for k, i := range inj {
		fail[k] = m.selectorFor(i)
	}
	return Scenario{
		Name: name, Kind: kind, Fail: fail, Nodes: m.ids(inj), ServicesDown: m.ids(svcs),
		CriticalDown: b.critical, WeightedDown: b.weighted,
		ResourcesDown: b.resources, ResourceShare: b.share, CostPerHour: b.cost,
	}
}

func (m *Model) scenarios(sr *scanResult) []Scenario {
	out := make([]Scenario, 0, len(sr.placements)+len(presets))
	for _, pr := range sr.placements {
		out = append(out, m.scenario(m.selectorFor(pr.node), string(m.c.Nodes[pr.node].Level), []int32{pr.node}, pr.services, pr.resources))
	}
	for _, ps := range presets {
		inj := ps.injected(m)
		if inj == nil {
			continue
		}
		st := m.Propagate(inj)
		out = append(out, m.scenario(ps.name, "preset", inj, st.ServicesDown(), st.ResourcesDown()))
	}
	slices.SortFunc(out, func(a, b Scenario) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
	return out
}

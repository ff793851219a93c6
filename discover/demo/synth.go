package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/untether-dev/untether/graph"
)

// ResourcesPerService is how many resources the generator gives each business
// service on average.
const ResourcesPerService = 40

// Generate returns a deterministic synthetic estate of exactly size resource
// nodes with the demo's shape: ten regions of AWS, GCP, Azure and two
// datacenters, SaaS providers, a business service per ResourcesPerService
// resources in tiers 1-4 calling each other (with some cycles), autoscaling
// k-of-n pools, Multi-AZ and single-zone databases, shared managed services,
// and some zone-imbalanced pools. The same size and seed give the same
// estate, node for node; nodes and edges come in generation order (Encode
// sorts). Tag, attribute and zone maps and slices are shared between nodes:
// copy before changing one in place.
func Generate(size int, seed int64) (*graph.Estate, error) {
	if size < 1 {
		return nil, fmt.Errorf("synthetic estate size must be at least 1, got %d", size)
	}
	g := newGen(size, seed)
	left := size - g.world()
	services := max(1, size/ResourcesPerService)
	for s := 0; s < services; s++ {
		budget := left / (services - s) // spread the remainder evenly
		g.service(s, budget)
		left -= budget
	}
	g.callGraph(services)
	if err := graph.Validate(g.e); err != nil {
		return nil, fmt.Errorf("synthetic estate (size %d, seed %d) is invalid: %w", size, seed, err)
	}
	return g.e, nil
}

// gen holds the generator's state; everything it emits depends only on the
// size, the seed and the order of calls.
type gen struct {
	size       int
	rng        *rand.Rand
	e          *graph.Estate
	has        map[string]bool     // placement ids created lazily (few)
	zoneIDs    [][]string          // per synthRegions index
	zoneSlices [][][]string        // shared one-zone slices for Node.Zones
	zoneGroups [][]string          // per region: 1-of-all, 1-of-first-two, 2-of-first-three
	regionIDs  []string            // per region: its placement id
	serviceIDs []map[string]string // per region: role -> managed service placement id
	saas       []string
	services   []synthService
	buf        []byte
}

type synthService struct {
	id, entry string
	region    int
}

func newGen(size int, seed int64) *gen {
	nodes := size*108/100 + 200
	return &gen{
		size:       size,
		rng:        rand.New(rand.NewPCG(uint64(seed), 0x756e746574686572)), // "untether"
		e:          &graph.Estate{Nodes: make([]graph.Node, 0, nodes), Edges: make([]graph.Edge, 0, size*35/10+500), Gaps: []graph.Gap{}},
		has:        map[string]bool{},
		zoneIDs:    make([][]string, len(synthRegions)),
		zoneSlices: make([][][]string, len(synthRegions)),
		zoneGroups: make([][]string, len(synthRegions)),
		regionIDs:  make([]string, len(synthRegions)),
		serviceIDs: make([]map[string]string, len(synthRegions)),
	}
}

func (g *gen) node(n graph.Node) { g.e.Nodes = append(g.e.Nodes, n) }

func (g *gen) edge(from, to, evidence string) {
	g.e.Edges = append(g.e.Edges, graph.Edge{From: from, To: to, Evidence: evidence})
}

// pickRegion draws a home region by weight.
func (g *gen) pickRegion() int {
	total := 0
	for _, r := range synthRegions {
		total += r.weight
	}
	x := g.rng.IntN(total)
	for i, r := range synthRegions {
		if x < r.weight {
			return i
		}
		x -= r.weight
	}
	return 0
}

// id builds a provider-native id for a resource of role in a region (and
// zone, when zonal) from the service name and a sequence number.
func (g *gen) id(provider, account, region, zone, role, svc string, n int) string {
	b := g.buf[:0]
	name := func(b []byte) []byte {
		b = append(b, svc...)
		b = append(b, '-')
		b = append(b, role...)
		b = append(b, '-')
		return strconv.AppendInt(b, int64(n), 10)
	}
	switch provider {
	case "aws":
		b = append(b, "arn:aws:"...)
		b = append(b, awsARNService[role]...)
		b = append(b, ':')
		if role != "bucket" {
			b = append(b, region...)
			b = append(b, ':')
			b = append(b, account...)
		} else {
			b = append(b, ':')
		}
		b = append(b, ':')
		b = append(b, awsARNPrefix[role]...)
		b = name(b)
	case "gcp":
		b = append(b, "https://www.googleapis.com/"...)
		b = append(b, gcpAPI[role]...)
		b = append(b, "/projects/"...)
		b = append(b, account...)
		if zone != "" && role == "instance" {
			b = append(b, "/zones/"...)
			b = append(b, zone...)
		} else {
			b = append(b, "/locations/"...)
			b = append(b, region...)
		}
		b = append(b, '/')
		b = append(b, role...)
		b = append(b, "s/"...)
		b = name(b)
	case "azure":
		b = append(b, "/subscriptions/"...)
		b = append(b, account...)
		b = append(b, "/resourceGroups/rg-"...)
		b = append(b, svc...)
		b = append(b, "/providers/"...)
		b = append(b, synthProducts["azure"][role].typ...)
		b = append(b, '/')
		b = name(b)
	default:
		b = append(b, "onprem:"...)
		b = append(b, region...)
		b = append(b, ':')
		b = append(b, role...)
		b = append(b, ':')
		b = name(b)
	}
	g.buf = b
	return string(b)
}

var awsARNService = map[string]string{"lb": "elasticloadbalancing", "pool": "autoscaling", "instance": "ec2", "db": "rds",
	"cache": "elasticache", "queue": "sqs", "bucket": "s3", "function": "lambda", "store": "dynamodb"}

var awsARNPrefix = map[string]string{"lb": "loadbalancer/app/", "pool": "autoScalingGroup:autoScalingGroupName/", "instance": "instance/",
	"db": "db:", "cache": "replicationgroup:", "queue": "", "bucket": "", "function": "function:", "store": "table/"}

var gcpAPI = map[string]string{"lb": "compute/v1", "pool": "container/v1", "instance": "compute/v1", "db": "sql/v1beta4",
	"cache": "redis/v1", "queue": "pubsub/v1", "bucket": "storage/v1", "function": "cloudfunctions/v2", "store": "spanner/v1"}

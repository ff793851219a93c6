package demo

import (
	"strconv"

	"github.com/untether-dev/untether/graph"
)

// The fixed world the synthetic generator places services in: providers,
// their regions and zones, and each provider's product names.

type synthRegion struct {
	provider, name string
	zones          []string
	weight         int // relative share of services homed here
}

var synthRegions = []synthRegion{
	{"aws", "us-east-1", []string{"use1-az1", "use1-az2", "use1-az4", "use1-az6"}, 22},
	{"aws", "us-west-2", []string{"usw2-az1", "usw2-az2", "usw2-az3"}, 10},
	{"aws", "eu-west-1", []string{"euw1-az1", "euw1-az2", "euw1-az3"}, 14},
	{"aws", "ap-southeast-2", []string{"apse2-az1", "apse2-az2", "apse2-az3"}, 6},
	{"gcp", "us-central1", []string{"us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f"}, 10},
	{"gcp", "europe-west1", []string{"europe-west1-b", "europe-west1-c", "europe-west1-d"}, 8},
	{"azure", "eastus", []string{"1", "2", "3"}, 8},
	{"azure", "westeurope", []string{"1", "2", "3"}, 8},
	{"onprem", "dc1", []string{"hall-a", "hall-b"}, 8},
	{"onprem", "dc2", []string{"hall-a", "hall-b"}, 6},
}

// product is how a provider names one normalised kind: its native type and
// the managed service (placement) it runs on, if any.
type product struct{ typ, service string }

// synthProducts maps provider -> role -> product. Roles are the generator's
// building blocks, mapped to normalised kinds by synthKinds.
var synthProducts = map[string]map[string]product{
	"aws": {
		"lb": {"AWS::ElasticLoadBalancingV2::LoadBalancer", "elasticloadbalancing"}, "pool": {"AWS::AutoScaling::AutoScalingGroup", ""},
		"instance": {"AWS::EC2::Instance", ""}, "db": {"AWS::RDS::DBInstance", ""}, "cache": {"AWS::ElastiCache::ReplicationGroup", ""},
		"queue": {"AWS::SQS::Queue", "sqs"}, "bucket": {"AWS::S3::Bucket", "s3"}, "function": {"AWS::Lambda::Function", "lambda"},
		"store": {"AWS::DynamoDB::Table", "dynamodb"},
	},
	"gcp": {
		"lb": {"compute.googleapis.com/ForwardingRule", "cloud-load-balancing"}, "pool": {"container.googleapis.com/NodePool", ""},
		"instance": {"compute.googleapis.com/Instance", ""}, "db": {"sqladmin.googleapis.com/Instance", ""}, "cache": {"redis.googleapis.com/Instance", ""},
		"queue": {"pubsub.googleapis.com/Subscription", "pubsub"}, "bucket": {"storage.googleapis.com/Bucket", "storage"},
		"function": {"cloudfunctions.googleapis.com/Function", "cloudfunctions"}, "store": {"spanner.googleapis.com/Instance", "spanner"},
	},
	"azure": {
		"lb": {"Microsoft.Network/loadBalancers", "loadbalancer"}, "pool": {"Microsoft.Compute/virtualMachineScaleSets", ""},
		"instance": {"Microsoft.Compute/virtualMachineScaleSets/virtualMachines", ""}, "db": {"Microsoft.DBforPostgreSQL/flexibleServers", ""},
		"cache": {"Microsoft.Cache/redis", ""}, "queue": {"Microsoft.ServiceBus/namespaces/queues", "servicebus"},
		"bucket": {"Microsoft.Storage/storageAccounts", "storage"}, "function": {"Microsoft.Web/sites", "functions"},
		"store": {"Microsoft.DocumentDB/databaseAccounts", "cosmosdb"},
	},
	"onprem": {
		"lb": {"onprem:f5_bigip", ""}, "pool": {"onprem:vsphere_cluster", ""}, "instance": {"onprem:vmware_vm", ""},
		"db": {"onprem:oracle_database", ""}, "cache": {"onprem:redis", ""}, "queue": {"onprem:rabbitmq_queue", ""},
		"bucket": {"onprem:minio_bucket", ""}, "function": {"onprem:k8s_deployment", ""}, "store": {"onprem:postgres", ""},
	},
}

var synthKinds = map[string]string{
	"lb": "load_balancer", "pool": "node_pool", "instance": "instance", "db": "database", "cache": "cache",
	"queue": "queue", "bucket": "bucket", "function": "function", "store": "database",
}

var synthSaaS = []struct{ provider, kind, host string }{
	{"stripe", "saas_api", "api.stripe.com"}, {"adyen", "saas_api", "checkout-live.adyen.com"},
	{"auth0", "identity", "tenant.auth0.com"}, {"okta", "identity", "corp.okta.com"},
	{"cloudflare", "cdn", "api.cloudflare.com"}, {"twilio", "saas_api", "api.twilio.com"},
	{"github", "ci", "api.github.com"}, {"datadog", "observability", "http-intake.logs.datadoghq.com"},
	{"pagerduty", "saas_api", "events.pagerduty.com"}, {"segment", "saas_api", "api.segment.io"},
}

// world adds the placement hierarchy, the managed service nodes, the shared
// zone groups and the SaaS resources; it returns how many resources it added.
func (g *gen) world() int {
	seenProv := map[string]bool{}
	for i, r := range synthRegions {
		if !seenProv[r.provider] {
			seenProv[r.provider] = true
			g.node(graph.Node{ID: r.provider, Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: r.provider, Name: r.provider})
		}
		rid := graph.RegionID(r.provider, r.name)
		g.regionIDs[i] = rid
		g.serviceIDs[i] = map[string]string{}
		g.node(graph.Node{ID: rid, Class: graph.ClassPlacement, Level: graph.LevelRegion, Provider: r.provider, Region: r.name, Name: r.name})
		g.edge(rid, r.provider, "a region needs its provider")
		g.zoneIDs[i] = make([]string, len(r.zones))
		g.zoneSlices[i] = make([][]string, len(r.zones))
		for j, z := range r.zones {
			zid := graph.ZoneID(r.provider, r.name, z)
			g.zoneIDs[i][j], g.zoneSlices[i][j] = zid, []string{z}
			g.node(graph.Node{ID: zid, Class: graph.ClassPlacement, Level: graph.LevelZone, Provider: r.provider, Region: r.name, Zones: []string{z}, Name: z})
			g.edge(zid, rid, "a zone needs its region")
		}
		// Shared zone groups: any 1 of the region's zones, any 1 of its
		// first two (a Multi-AZ pair), and a quorum of 2 of its first three.
		g.zoneGroup(i, 1, r.zones)
		g.zoneGroup(i, 1, r.zones[:2])
		if len(r.zones) >= 3 {
			g.zoneGroup(i, 2, r.zones[:3])
		}
		seenSvc := map[string]bool{}
		for _, role := range []string{"lb", "queue", "bucket", "function", "store"} {
			p := synthProducts[r.provider][role]
			if p.service == "" || seenSvc[p.service] {
				continue
			}
			seenSvc[p.service] = true
			region := r.name
			if p.service == "pubsub" {
				region = graph.GlobalRegion
			}
			sid := graph.ManagedServiceID(r.provider, region, p.service)
			for _, other := range []string{"lb", "queue", "bucket", "function", "store"} {
				if synthProducts[r.provider][other].service == p.service {
					g.serviceIDs[i][other] = sid
				}
			}
			if g.has[sid] {
				continue
			}
			g.has[sid] = true
			g.node(graph.Node{ID: sid, Class: graph.ClassPlacement, Level: graph.LevelService, Provider: r.provider, Region: region, Service: p.service, Name: p.service})
			if region == graph.GlobalRegion {
				g.edge(sid, r.provider, "a global service needs its provider")
			} else {
				g.edge(sid, rid, "a regional service needs its region")
			}
		}
	}
	n := 0
	for _, s := range synthSaaS {
		if n >= g.size/20 {
			break
		}
		g.node(graph.Node{ID: s.provider, Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: s.provider, Name: s.provider})
		id := "saas:" + s.provider + ":" + s.host
		g.node(graph.Node{ID: id, Class: graph.ClassResource, Kind: s.kind, Type: "saas:" + s.provider, Provider: s.provider,
			Name: s.provider, Evidence: "synthetic inventory: SaaS " + s.provider})
		g.edge(id, s.provider, "global SaaS: needs its provider")
		g.saas = append(g.saas, id)
		n++
	}
	return n
}

func (g *gen) zoneGroup(region, need int, zones []string) {
	r := synthRegions[region]
	id := graph.ZoneGroupID(r.provider, r.name, need, zones)
	g.zoneGroups[region] = append(g.zoneGroups[region], id)
	if g.has[id] { // a two-zone region: its pair is all its zones
		return
	}
	g.has[id] = true
	g.node(graph.Node{ID: id, Class: graph.ClassGroup, Need: need, Evidence: strconv.Itoa(need) + " of " + strconv.Itoa(len(zones)) + " zones"})
	for j := range zones {
		g.edge(id, g.zoneIDs[region][j], "zone group member")
	}
}

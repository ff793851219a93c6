package simulate

import (
	"fmt"
	"math/rand"

	"github.com/untether-dev/untether/graph"
)

// genEstate is a synthetic estate of about size resources for benchmarks,
// with the shape of a real one: three providers, regions of three zones,
// business services in tiers 1-4 each behind a load balancer over a k-of-n
// instance group, app groups of instances with their volumes, multi-AZ and
// single-AZ databases, caches, queues and buckets on regional managed
// services, and services calling services (some in cycles).
func genEstate(size int, seed int64) *graph.Estate {
	r := rand.New(rand.NewSource(seed))
	b := graph.NewBuilder()
	type region struct {
		p, r  string
		zones []string
	}
	var regions []region
	for _, pr := range [][2]string{{"aws", "us-east-1"}, {"aws", "eu-west-1"}, {"aws", "us-west-2"}, {"gcp", "us-central1"}, {"gcp", "europe-west1"}, {"azure", "eastus"}} {
		rg := region{p: pr[0], r: pr[1]}
		for _, z := range []string{"a", "b", "c"} {
			rg.zones = append(rg.zones, z)
			b.Zone(pr[0], pr[1], pr[1]+z)
		}
		regions = append(regions, rg)
	}
	b.ManagedService("aws", graph.GlobalRegion, "iam")
	b.ManagedService("aws", graph.GlobalRegion, "route53")
	n := 0
	res := func(id, kind, typ string, rg region, zones []string) string {
		n++
		zs := make([]string, len(zones))
		for i, z := range zones {
			zs[i] = rg.r + z
		}
		b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: kind, Type: typ, Provider: rg.p, Region: rg.r, Zones: zs})
		b.Place(id, rg.p, rg.r, zs, "placement")
		return id
	}
	pool := func(prefix string, rg region, count, need int) string {
		var members []string
		for i := range count {
			z := rg.zones[(i+r.Intn(2))%len(rg.zones)]
			vm := res(fmt.Sprintf("%s-vm%d", prefix, i), "instance", "AWS::EC2::Instance", rg, []string{z})
			vol := res(fmt.Sprintf("%s-vol%d", prefix, i), "volume", "AWS::EC2::Volume", rg, []string{z})
			b.Edge(vm, vol, "block device")
			members = append(members, vm)
		}
		return b.Group("group:"+prefix, need, members, "instance group")
	}
	var svcs []string
	for s := 0; n < size; s++ {
		rg := regions[r.Intn(len(regions))]
		id := fmt.Sprintf("service:s%05d", s)
		p := fmt.Sprintf("s%05d", s)
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: p, Tier: 1 + r.Intn(4), DowntimeCostPerHour: float64(100 * r.Intn(50))})
		lb := res(p+"-lb", "load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", rg, rg.zones)
		b.Edge(lb, pool(p+"-web", rg, 6, 4), "targets")
		b.Edge(id, lb, "entry")
		db := res(p+"-db", "database", "AWS::RDS::DBInstance", rg, nil)
		if r.Intn(3) > 0 { // multi-AZ: a primary and a standby, either serves
			b.Edge(db, b.Group("group:"+p+"-db", 1, []string{
				res(p+"-db-a", "database", "AWS::RDS::DBInstance", rg, rg.zones[:1]),
				res(p+"-db-b", "database", "AWS::RDS::DBInstance", rg, rg.zones[1:2])}, "multi-AZ"), "replicas")
		} else {
			b.Edge(db, b.Zone(rg.p, rg.r, rg.r+rg.zones[0]), "single-AZ")
		}
		cache := res(p+"-cache", "cache", "AWS::ElastiCache::ReplicationGroup", rg, rg.zones[2:3])
		q := res(p+"-queue", "queue", "AWS::SQS::Queue", rg, nil)
		b.Edge(q, b.ManagedService(rg.p, rg.r, "sqs"), "managed")
		bkt := res(p+"-bucket", "bucket", "AWS::S3::Bucket", rg, nil)
		b.Edge(bkt, b.ManagedService(rg.p, rg.r, "s3"), "managed")
		tbl := res(p+"-table", "nosql", "AWS::DynamoDB::Table", rg, nil)
		b.Edge(tbl, b.ManagedService(rg.p, rg.r, "dynamodb"), "managed")
		b.Edge(tbl, b.ManagedService("aws", graph.GlobalRegion, "iam"), "auth")
		// app tier: groups of 3 instances needing 2, until ~100 resources.
		for g := 0; g < 12; g++ {
			grp := pool(fmt.Sprintf("%s-app%d", p, g), rg, 3, 2)
			b.Edge(id, grp, "app tier")
			for _, dep := range []string{db, cache, q, bkt, tbl} {
				if r.Intn(3) == 0 {
					b.Edge(fmt.Sprintf("%s-app%d-vm0", p, g), dep, "config")
				}
			}
		}
		b.Edge(id, db, "data")
		if len(svcs) > 0 && r.Intn(2) == 0 {
			callee := svcs[r.Intn(len(svcs))]
			b.Edge(id, callee, "calls")
			if r.Intn(10) == 0 {
				b.Edge(callee, id, "calls back") // a cycle
			}
		}
		svcs = append(svcs, id)
	}
	e, err := b.Estate()
	if err != nil {
		panic(err)
	}
	return e
}

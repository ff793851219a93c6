package aws

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// assemble runs every task's recorded operations in canonical order and
// returns the validated estate with its gaps.
func (r *run) assemble() (*graph.Estate, error) {
	a := &asm{b: graph.NewBuilder(), zoneIDs: map[string]map[string]string{},
		subnetZone: map[string]map[string]string{}, subnetVPC: map[string]map[string]string{}, dns: map[string]string{}}
	ts := r.sortedTasks()
	for _, t := range ts {
		k := t.account + "/" + t.region
		mergeInto(a.zoneIDs, k, t.sink.zoneIDs)
		mergeInto(a.subnetZone, k, t.sink.subnetZone)
		mergeInto(a.subnetVPC, k, t.sink.subnetVPC)
		for name, id := range t.sink.dnsNames {
			if _, ok := a.dns[name]; !ok {
				a.dns[name] = id
			}
		}
	}
	collected := false
	for _, t := range ts {
		a.account, a.region = t.account, t.region
		for _, op := range t.sink.ops {
			op(a)
		}
		for _, g := range t.gaps {
			a.b.Gap(g)
		}
		collected = true
	}
	for _, t := range ts {
		a.account, a.region = t.account, t.region
		for _, op := range t.sink.late {
			op(a)
		}
	}
	for _, g := range r.Gaps() {
		a.b.Gap(g)
	}
	if collected {
		// Global control planes every account relies on, named so scenarios
		// can fail them (DESIGN.md §3); Route 53 and CloudFront get theirs
		// from the resources that need them.
		a.b.ManagedService("aws", graph.GlobalRegion, "iam")
		a.b.ManagedService("aws", graph.GlobalRegion, "sts")
	}
	for i := 0; i < len(a.edges); i++ { // stubs may add edges of their own
		e := a.edges[i]
		a.stub(e[1], e[0])
		a.stub(e[0], e[1]) // its own listing failed or was cut by --deadline
	}
	est, err := a.b.Estate()
	if err != nil {
		return nil, fmt.Errorf("aws: %w", err)
	}
	return est, nil
}

func mergeInto(dst map[string]map[string]string, k string, src map[string]string) {
	if len(src) == 0 {
		return
	}
	if dst[k] == nil {
		dst[k] = map[string]string{}
	}
	for name, v := range src {
		dst[k][name] = v
	}
}

// arnParts are the fields of an ARN.
type arnParts struct{ partition, service, region, account, resource string }

func parseARN(s string) (arnParts, bool) {
	f := strings.SplitN(s, ":", 6)
	if len(f) != 6 || f[0] != "arn" {
		return arnParts{}, false
	}
	return arnParts{f[1], f[2], f[3], f[4], f[5]}, true
}

// partition is the ARN partition of a region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// arn builds an ARN for APIs that return none.
func arn(service, region, account, resource string) string {
	return "arn:" + partition(region) + ":" + service + ":" + region + ":" + account + ":" + resource
}

// kindOfService is the normalised kind of a resource known only by its ARN.
func kindOfService(service string) string {
	switch service {
	case "ec2":
		return "instance"
	case "rds", "dynamodb":
		return "database"
	case "s3":
		return "bucket"
	case "sqs", "sns", "kinesis":
		return "queue"
	case "lambda":
		return "function"
	case "elasticloadbalancing":
		return "load_balancer"
	case "elasticache":
		return "cache"
	}
	return "unknown"
}

// s3BucketFromDNS recognises bucket.s3.amazonaws.com, bucket.s3.REGION.amazonaws.com
// and the website endpoints.
func s3BucketFromDNS(name string) (string, bool) {
	for _, marker := range []string{".s3.", ".s3-website", ".s3-"} {
		if i := strings.Index(name, marker); i > 0 && strings.HasSuffix(name, ".amazonaws.com") {
			return name[:i], true
		}
	}
	return "", false
}

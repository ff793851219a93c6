package aws

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func route53Steps() []step {
	return []step{
		{service: "route53", name: "hosted-zones", global: true, run: route53Zones},
		{service: "route53", name: "health-checks", global: true, run: route53HealthChecks},
	}
}

// route53Width: the Route 53 API allows five requests a second per account.
const route53Width = 2

func zoneARN(id string) string {
	return "arn:aws:route53:::hostedzone/" + strings.TrimPrefix(id, "/hostedzone/")
}

// route53Zones: hosted zones need the global Route 53 service; address
// records need what they alias or point to; a name with several routed
// records (failover, weighted, latency ...) survives while any one of them
// does when Route 53 health checks steer traffic, and needs all of them
// when nothing does.
func route53Zones(ctx context.Context, t *task) error {
	c := route53.NewFromConfig(t.cfg)
	p := route53.NewListHostedZonesPaginator(c, &route53.ListHostedZonesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		sets := make([]map[string][]r53types.ResourceRecordSet, len(page.HostedZones))
		errs := make([]error, len(page.HostedZones))
		fanOut(len(sets), route53Width, func(i int) { sets[i], errs[i] = route53Records(ctx, c, s(page.HostedZones[i].Id)) })
		for i, z := range page.HostedZones {
			id := zoneARN(s(z.Id))
			private := z.Config != nil && z.Config.PrivateZone
			n := nodeOf(id, "dns_zone", "AWS::Route53::HostedZone", strings.TrimSuffix(s(z.Name), "."), nil,
				"route53:ListHostedZones", map[string]any{"private": private, "records": int(deref64(z.ResourceRecordSetCount))})
			t.sink.node(n)
			t.sink.global(id, "route53", "route53:ListHostedZones: Route 53 is a global service")
			if errs[i] != nil {
				t.soft(errs[i])
			}
			route53RecordNodes(t, id, sets[i])
		}
	}
	return nil
}

// route53Records lists a zone's address records by name and type.
func route53Records(ctx context.Context, c *route53.Client, zid string) (map[string][]r53types.ResourceRecordSet, error) {
	p := route53.NewListResourceRecordSetsPaginator(c, &route53.ListResourceRecordSetsInput{HostedZoneId: &zid})
	sets := map[string][]r53types.ResourceRecordSet{}
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return sets, err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return sets, err
		}
		for _, rr := range page.ResourceRecordSets {
			switch rr.Type {
			case r53types.RRTypeA, r53types.RRTypeAaaa, r53types.RRTypeCname:
				key := strings.ToLower(strings.TrimSuffix(s(rr.Name), ".")) + "/" + string(rr.Type)
				sets[key] = append(sets[key], rr)
			}
		}
	}
	return sets, nil
}

func route53RecordNodes(t *task, zoneNode string, sets map[string][]r53types.ResourceRecordSet) {
	for _, key := range slices.Sorted(maps.Keys(sets)) {
		rrs := sets[key]
		slices.SortFunc(rrs, func(a, b r53types.ResourceRecordSet) int { return cmp.Compare(s(a.SetIdentifier), s(b.SetIdentifier)) })
		name := zoneNode + "/recordset/" + key
		t.sink.node(nodeOf(name, "dns_record", "AWS::Route53::RecordSet", strings.Split(key, "/")[0], nil,
			"route53:ListResourceRecordSets", map[string]any{"type": string(rrs[0].Type), "routed_records": len(rrs)}))
		t.sink.edge(name, zoneNode, "route53:ListResourceRecordSets: served by its hosted zone")
		if len(rrs) == 1 && s(rrs[0].SetIdentifier) == "" {
			recordTargets(t, name, rrs[0])
			continue
		}
		var members []string
		steered, policy := true, ""
		for _, rr := range rrs {
			id := name + "/" + s(rr.SetIdentifier)
			policy = routingPolicy(rr)
			checked := s(rr.HealthCheckId) != "" || (rr.AliasTarget != nil && rr.AliasTarget.EvaluateTargetHealth)
			steered = steered && checked
			attrs := map[string]any{"routing": policy, "health_check": s(rr.HealthCheckId), "failover": string(rr.Failover)}
			if rr.Weight != nil {
				attrs["weight"] = int(*rr.Weight)
			}
			t.sink.node(nodeOf(id, "dns_record", "AWS::Route53::RecordSet", s(rr.SetIdentifier), nil,
				"route53:ListResourceRecordSets SetIdentifier="+s(rr.SetIdentifier), attrs))
			t.sink.edge(id, zoneNode, "route53:ListResourceRecordSets: served by its hosted zone")
			recordTargets(t, id, rr)
			members = append(members, id)
		}
		need, why := 1, "health-checked %s routing: any one record serves"
		if !steered {
			need, why = len(members), "%s routing without health checks on every record: traffic still goes to a failed target"
		}
		t.sink.group(name, graph.GroupID(name), need, members, "route53:ListResourceRecordSets "+fmt.Sprintf(why, policy))
	}
}

func routingPolicy(rr r53types.ResourceRecordSet) string {
	switch {
	case rr.Failover != "":
		return "failover"
	case rr.Region != "":
		return "latency"
	case rr.GeoLocation != nil || rr.GeoProximityLocation != nil:
		return "geolocation"
	case rr.Weight != nil:
		return "weighted"
	case rr.MultiValueAnswer != nil:
		return "multivalue"
	}
	return "simple"
}

// recordTargets: an alias or CNAME record needs the node its target names.
func recordTargets(t *task, id string, rr r53types.ResourceRecordSet) {
	if rr.AliasTarget != nil {
		t.sink.dnsEdge(id, s(rr.AliasTarget.DNSName), "route53:ListResourceRecordSets AliasTarget.DNSName")
		return
	}
	if rr.Type == r53types.RRTypeCname {
		for _, v := range rr.ResourceRecords {
			t.sink.dnsEdge(id, s(v.Value), "route53:ListResourceRecordSets CNAME value")
		}
	}
}

// route53HealthChecks names the health checks records refer to.
func route53HealthChecks(ctx context.Context, t *task) error {
	p := route53.NewListHealthChecksPaginator(route53.NewFromConfig(t.cfg), &route53.ListHealthChecksInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, hc := range page.HealthChecks {
			id := "arn:aws:route53:::healthcheck/" + s(hc.Id)
			attrs := map[string]any{}
			if cfg := hc.HealthCheckConfig; cfg != nil {
				attrs["type"] = string(cfg.Type)
				attrs["target"] = s(cfg.FullyQualifiedDomainName)
			}
			t.sink.node(nodeOf(id, "health_check", "AWS::Route53::HealthCheck", s(hc.Id), nil, "route53:ListHealthChecks", attrs))
			t.sink.global(id, "route53", "route53:ListHealthChecks: Route 53 is a global service")
		}
	}
	return nil
}

func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

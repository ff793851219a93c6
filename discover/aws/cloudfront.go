package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func cloudfrontSteps() []step {
	return []step{{service: "cloudfront", name: "distributions", global: true, run: cloudfrontDistributions}}
}

// cloudfrontDistributions: a distribution needs the global CloudFront
// service and each of its origins; an origin group (failover) needs any
// one of its members.
func cloudfrontDistributions(ctx context.Context, t *task) error {
	p := cloudfront.NewListDistributionsPaginator(cloudfront.NewFromConfig(t.cfg), &cloudfront.ListDistributionsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		if page.DistributionList == nil {
			continue
		}
		for _, d := range page.DistributionList.Items {
			cloudfrontDistribution(t, d)
		}
	}
	return nil
}

func cloudfrontDistribution(t *task, d cftypes.DistributionSummary) {
	id := s(d.ARN)
	t.sink.node(nodeOf(id, "cdn", "AWS::CloudFront::Distribution", s(d.DomainName), nil, "cloudfront:ListDistributions",
		map[string]any{"enabled": d.Enabled != nil && *d.Enabled, "price_class": string(d.PriceClass)}))
	t.sink.dns(s(d.DomainName), id)
	t.sink.global(id, "cloudfront", "cloudfront:ListDistributions: CloudFront is a global service")
	origins := map[string]string{} // origin id -> domain
	if d.Origins != nil {
		for _, o := range d.Origins.Items {
			origins[s(o.Id)] = s(o.DomainName)
		}
	}
	grouped := map[string]bool{}
	if d.OriginGroups != nil {
		for _, g := range d.OriginGroups.Items {
			var domains []string
			if g.Members != nil {
				for _, m := range g.Members.Items {
					grouped[s(m.OriginId)] = true
					domains = append(domains, origins[s(m.OriginId)])
				}
			}
			gid := graph.GroupID(id, "origin-group/"+s(g.Id))
			t.sink.do(func(a *asm) {
				var members []string
				for _, dn := range domains {
					members = append(members, a.resolveDNS(dn))
				}
				a.group(id, gid, 1, members, "cloudfront:ListDistributions OriginGroups: fails over to any one member")
			})
		}
	}
	if d.Origins == nil {
		return
	}
	for _, o := range d.Origins.Items {
		if !grouped[s(o.Id)] {
			t.sink.dnsEdge(id, s(o.DomainName), "cloudfront:ListDistributions Origins["+s(o.Id)+"].DomainName")
		}
	}
}

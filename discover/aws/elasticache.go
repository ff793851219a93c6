package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	ectypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/untether-dev/untether/discover"
)

func elasticacheSteps() []step {
	return []step{{service: "elasticache", name: "replication-groups", run: elasticacheGroups}}
}

// elasticacheGroups: with automatic failover a replication group survives
// the loss of its primary's zone while a replica lives elsewhere; without
// it the group needs the primary's zone.
func elasticacheGroups(ctx context.Context, t *task) error {
	p := elasticache.NewDescribeReplicationGroupsPaginator(elasticache.NewFromConfig(t.cfg), &elasticache.DescribeReplicationGroupsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, g := range page.ReplicationGroups {
			id := s(g.ARN)
			if id == "" {
				id = arn("elasticache", t.region, t.account, "replicationgroup:"+s(g.ReplicationGroupId))
			}
			failover := g.AutomaticFailover == ectypes.AutomaticFailoverStatusEnabled
			t.sink.node(nodeOf(id, "cache", "AWS::ElastiCache::ReplicationGroup", s(g.ReplicationGroupId), nil,
				"elasticache:DescribeReplicationGroups",
				map[string]any{"engine": s(g.Engine), "automatic_failover": failover, "multi_az": g.MultiAZ == ectypes.MultiAZStatusEnabled,
					"node_groups": len(g.NodeGroups), "members": len(g.MemberClusters)}))
			t.sink.regional(id, "elasticache", "elasticache:DescribeReplicationGroups: the regional service")
			for _, ng := range g.NodeGroups {
				var all, primary []string
				for _, m := range ng.NodeGroupMembers {
					z := zoneName(s(m.PreferredAvailabilityZone))
					all = append(all, z)
					if s(m.CurrentRole) == "primary" {
						primary = append(primary, z)
					}
				}
				if failover {
					t.sink.place(id, 1, all, "elasticache:DescribeReplicationGroups AutomaticFailover=enabled NodeGroupMembers.PreferredAvailabilityZone")
				} else {
					if len(primary) == 0 {
						primary = all
					}
					t.sink.place(id, 1, primary, "elasticache:DescribeReplicationGroups AutomaticFailover=disabled: the primary's zone")
				}
			}
		}
	}
	return nil
}

package aws

import (
	"context"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func rdsSteps() []step {
	return []step{
		{service: "rds", name: "instances", run: rdsInstances},
		{service: "rds", name: "clusters", run: rdsClusters},
		{service: "rds", name: "global-clusters", run: rdsGlobalClusters},
	}
}

func rdsTags(in []rdstypes.Tag) map[string]string {
	return tagMap(in, func(t rdstypes.Tag) (string, string) { return s(t.Key), s(t.Value) })
}

// rdsInstances: a Multi-AZ instance fails over to its standby, so it needs
// any one of its two zones; a single-AZ instance needs its zone.
func rdsInstances(ctx context.Context, t *task) error {
	p := rds.NewDescribeDBInstancesPaginator(rds.NewFromConfig(t.cfg), &rds.DescribeDBInstancesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, db := range page.DBInstances {
			id := s(db.DBInstanceArn)
			multiAZ := sdkaws.ToBool(db.MultiAZ)
			// A replica names its source by identifier (same region) or ARN;
			// kept as an attribute only: a replica keeps serving reads without it.
			src := s(db.ReadReplicaSourceDBInstanceIdentifier)
			if src != "" && !isARN(src) {
				src = arn("rds", t.region, t.account, "db:"+src)
			}
			attrs := map[string]any{"engine": s(db.Engine), "instance_class": s(db.DBInstanceClass), "multi_az": multiAZ,
				"stored_bytes": int64(sdkaws.ToInt32(db.AllocatedStorage)) << 30, "cluster": s(db.DBClusterIdentifier),
				"replica_of": src}
			if len(db.ReadReplicaDBInstanceIdentifiers) > 0 {
				attrs["read_replicas"] = db.ReadReplicaDBInstanceIdentifiers
			}
			zones := []string{zoneName(s(db.AvailabilityZone))}
			ev := "rds:DescribeDBInstances AvailabilityZone=" + s(db.AvailabilityZone)
			if multiAZ && s(db.SecondaryAvailabilityZone) != "" {
				zones = append(zones, zoneName(s(db.SecondaryAvailabilityZone)))
				ev = fmt.Sprintf("rds:DescribeDBInstances MultiAZ=true AvailabilityZone=%s SecondaryAvailabilityZone=%s",
					s(db.AvailabilityZone), s(db.SecondaryAvailabilityZone))
			}
			t.sink.node(nodeOf(id, "database", "AWS::RDS::DBInstance", s(db.DBInstanceIdentifier), rdsTags(db.TagList), ev, attrs))
			t.sink.place(id, 1, zones, ev)
			t.sink.regional(id, "rds", "rds:DescribeDBInstances: the regional RDS service")
		}
	}
	return nil
}

// rdsClusters: an Aurora cluster serves while any one member instance does
// and its storage keeps quorum (two of its three zones).
func rdsClusters(ctx context.Context, t *task) error {
	p := rds.NewDescribeDBClustersPaginator(rds.NewFromConfig(t.cfg), &rds.DescribeDBClustersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, c := range page.DBClusters {
			id := s(c.DBClusterArn)
			var zones, members []string
			for _, z := range c.AvailabilityZones {
				zones = append(zones, zoneName(z))
			}
			for _, m := range c.DBClusterMembers {
				members = append(members, arn("rds", t.region, t.account, "db:"+s(m.DBInstanceIdentifier)))
			}
			t.sink.node(nodeOf(id, "database", "AWS::RDS::DBCluster", s(c.DBClusterIdentifier), rdsTags(c.TagList),
				"rds:DescribeDBClusters", map[string]any{"engine": s(c.Engine), "multi_az": sdkaws.ToBool(c.MultiAZ),
					"members": len(members), "global_cluster": s(c.GlobalClusterIdentifier)}))
			need := 1
			if len(zones) >= 3 {
				need = len(zones) - 1
			}
			t.sink.place(id, need, zones, fmt.Sprintf("rds:DescribeDBClusters AvailabilityZones: storage needs %d of %d zones", need, len(zones)))
			t.sink.group(id, graph.GroupID(id, "members"), 1, members, "rds:DescribeDBClusters DBClusterMembers: any one member can serve as writer")
			t.sink.regional(id, "rds", "rds:DescribeDBClusters: the regional RDS service")
		}
	}
	return nil
}

// rdsGlobalClusters: an Aurora global database survives while any one of
// its regional clusters does (after failover).
func rdsGlobalClusters(ctx context.Context, t *task) error {
	p := rds.NewDescribeGlobalClustersPaginator(rds.NewFromConfig(t.cfg), &rds.DescribeGlobalClustersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, g := range page.GlobalClusters {
			id := s(g.GlobalClusterArn)
			var members []string
			for _, m := range g.GlobalClusterMembers {
				members = append(members, s(m.DBClusterArn))
			}
			n := nodeOf(id, "database", "AWS::RDS::GlobalCluster", s(g.GlobalClusterIdentifier), nil,
				"rds:DescribeGlobalClusters", map[string]any{"engine": s(g.Engine), "members": len(members)})
			n.Region = "global"
			t.sink.node(n)
			t.sink.group(id, graph.GroupID(id, "members"), 1, members, "rds:DescribeGlobalClusters GlobalClusterMembers: any one regional cluster")
		}
	}
	return nil
}

func isARN(v string) bool { _, ok := parseARN(v); return ok }

package aws

import (
	"context"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func eksSteps() []step {
	return []step{{service: "eks", name: "clusters", run: eksClusters}}
}

// eksClusters: the control plane is regional (spread over zones by AWS);
// a node group launches into any one of its subnets' zones, and workloads
// run on any one node group (their scaling sizes are kept as attributes).
func eksClusters(ctx context.Context, t *task) error {
	c := eks.NewFromConfig(t.cfg)
	p := eks.NewListClustersPaginator(c, &eks.ListClustersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		found := make([]eksFound, len(page.Clusters))
		fanOut(len(found), fanOutWidth, func(i int) { found[i] = eksCluster(ctx, c, page.Clusters[i]) })
		for _, f := range found {
			for _, err := range f.errs {
				t.soft(err)
			}
			if f.cluster != nil {
				eksNodes(t, f)
			}
		}
	}
	return nil
}

type eksFound struct {
	cluster *ekstypes.Cluster
	groups  []*ekstypes.Nodegroup
	errs    []error
}

func eksCluster(ctx context.Context, c *eks.Client, name string) eksFound {
	var f eksFound
	out, err := c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: sdkaws.String(name)})
	if err != nil {
		f.errs = append(f.errs, err)
		return f
	}
	f.cluster = out.Cluster
	p := eks.NewListNodegroupsPaginator(c, &eks.ListNodegroupsInput{ClusterName: &name})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err == nil {
			err = pg.Next(nextToken(page))
		}
		if err != nil {
			f.errs = append(f.errs, err)
			return f
		}
		groups := make([]*ekstypes.Nodegroup, len(page.Nodegroups))
		errs := make([]error, len(groups))
		fanOut(len(groups), fanOutWidth, func(i int) {
			out, err := c.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: &name, NodegroupName: sdkaws.String(page.Nodegroups[i])})
			if err == nil {
				groups[i] = out.Nodegroup
			}
			errs[i] = err
		})
		for i := range groups {
			if errs[i] != nil {
				f.errs = append(f.errs, errs[i])
			} else {
				f.groups = append(f.groups, groups[i])
			}
		}
	}
	return f
}

func eksNodes(t *task, f eksFound) {
	cl := f.cluster
	id := s(cl.Arn)
	t.sink.node(nodeOf(id, "kubernetes_cluster", "AWS::EKS::Cluster", s(cl.Name), safeTags(cl.Tags), "eks:DescribeCluster",
		map[string]any{"version": s(cl.Version), "status": string(cl.Status)}))
	t.sink.regional(id, "eks", "eks:DescribeCluster: a regional control plane")
	if vc := cl.ResourcesVpcConfig; vc != nil {
		var zones []string
		for _, sn := range vc.SubnetIds {
			zones = append(zones, subnetRef(sn))
		}
		t.sink.place(id, 1, zones, "eks:DescribeCluster resourcesVpcConfig.subnetIds")
	}
	var ids []string
	for _, ng := range f.groups {
		gid := s(ng.NodegroupArn)
		minSize, desired := 0, 0
		if sc := ng.ScalingConfig; sc != nil {
			minSize, desired = int(deref32(sc.MinSize)), int(deref32(sc.DesiredSize))
		}
		t.sink.node(nodeOf(gid, "node_pool", "AWS::EKS::Nodegroup", s(ng.NodegroupName), safeTags(ng.Tags),
			fmt.Sprintf("eks:DescribeNodegroup scalingConfig.minSize=%d desiredSize=%d", minSize, desired),
			map[string]any{"min_size": minSize, "desired_size": desired, "capacity_type": string(ng.CapacityType)}))
		t.sink.edge(gid, id, "eks:DescribeNodegroup clusterName: nodes join the control plane")
		var zones []string
		for _, sn := range ng.Subnets {
			zones = append(zones, subnetRef(sn))
		}
		t.sink.place(gid, 1, zones, "eks:DescribeNodegroup subnets: nodes launch into any one zone")
		ids = append(ids, gid)
	}
	t.sink.group(id, graph.GroupID(id, "nodegroups"), 1, ids, "eks:ListNodegroups: workloads run on any one node group")
}

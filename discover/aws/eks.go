package aws

import (
	"context"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
)

func eksSteps() []step {
	return []step{{service: "eks", name: "clusters", run: eksClusters}}
}

// eksClusters: the control plane is regional (spread over zones by AWS);
// a node group needs `min size` of its nodes, placed over its subnets'
// zones.
func eksClusters(ctx context.Context, t *task) error {
	c := eks.NewFromConfig(t.cfg)
	p := eks.NewListClustersPaginator(c, &eks.ListClustersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, name := range page.Clusters {
			out, err := c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: sdkaws.String(name)})
			if err != nil {
				t.soft(err)
				continue
			}
			cl := out.Cluster
			id := s(cl.Arn)
			t.sink.node(nodeOf(id, "kubernetes_cluster", "AWS::EKS::Cluster", name, safeTags(cl.Tags), "eks:DescribeCluster",
				map[string]any{"version": s(cl.Version), "status": string(cl.Status)}))
			t.sink.regional(id, "eks", "eks:DescribeCluster: a regional control plane")
			if vc := cl.ResourcesVpcConfig; vc != nil {
				var zones []string
				for _, sn := range vc.SubnetIds {
					zones = append(zones, subnetRef(sn))
				}
				t.sink.place(id, 1, zones, "eks:DescribeCluster resourcesVpcConfig.subnetIds")
			}
			groups, err := eksNodegroups(ctx, t, c, name, id)
			if err != nil {
				t.soft(err)
			}
			t.sink.group(id, "group:"+id+":nodegroups", 1, groups, "eks:ListNodegroups: workloads run on any one node group")
		}
	}
	return nil
}

func eksNodegroups(ctx context.Context, t *task, c *eks.Client, cluster, clusterARN string) ([]string, error) {
	var ids []string
	p := eks.NewListNodegroupsPaginator(c, &eks.ListNodegroupsInput{ClusterName: &cluster})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return ids, err
		}
		for _, name := range page.Nodegroups {
			out, err := c.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: &cluster, NodegroupName: sdkaws.String(name)})
			if err != nil {
				t.soft(err)
				continue
			}
			ng := out.Nodegroup
			id := s(ng.NodegroupArn)
			minSize, desired := 0, 0
			if sc := ng.ScalingConfig; sc != nil {
				minSize, desired = int(deref32(sc.MinSize)), int(deref32(sc.DesiredSize))
			}
			t.sink.node(nodeOf(id, "node_pool", "AWS::EKS::Nodegroup", name, safeTags(ng.Tags),
				fmt.Sprintf("eks:DescribeNodegroup scalingConfig.minSize=%d desiredSize=%d", minSize, desired),
				map[string]any{"min_size": minSize, "desired_size": desired, "capacity_type": string(ng.CapacityType)}))
			ids = append(ids, id)
			t.sink.edge(id, clusterARN, "eks:DescribeNodegroup clusterName: nodes join the control plane")
			var zones []string
			for _, sn := range ng.Subnets {
				zones = append(zones, subnetRef(sn))
			}
			t.sink.place(id, 1, zones, "eks:DescribeNodegroup subnets: nodes launch into any one zone")
		}
	}
	return ids, nil
}

package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func ecsSteps() []step {
	return []step{{service: "ecs", name: "clusters", run: ecsClusters}}
}

// ecsClusters lists clusters and their services. A service needs its
// cluster and any one of its subnets; task definitions (which carry
// environment variables) are never read.
func ecsClusters(ctx context.Context, t *task) error {
	c := ecs.NewFromConfig(t.cfg)
	p := ecs.NewListClustersPaginator(c, &ecs.ListClustersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for batch := range chunks(page.ClusterArns, 100) {
			out, err := c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: batch})
			if err != nil {
				return err
			}
			for _, cl := range out.Clusters {
				id := s(cl.ClusterArn)
				t.sink.node(nodeOf(id, "container_cluster", "AWS::ECS::Cluster", s(cl.ClusterName), nil, "ecs:DescribeClusters",
					map[string]any{"services": int(cl.ActiveServicesCount), "running_tasks": int(cl.RunningTasksCount)}))
				t.sink.regional(id, "ecs", "ecs:DescribeClusters: the regional ECS control plane")
			}
		}
		services := make([][]ecstypes.Service, len(page.ClusterArns))
		errs := make([]error, len(page.ClusterArns))
		fanOut(len(services), fanOutWidth, func(i int) { services[i], errs[i] = ecsServices(ctx, c, page.ClusterArns[i]) })
		for i, cluster := range page.ClusterArns {
			if errs[i] != nil {
				t.soft(errs[i])
			}
			for _, sv := range services[i] {
				ecsService(t, cluster, sv)
			}
		}
	}
	return nil
}

func ecsServices(ctx context.Context, c *ecs.Client, cluster string) ([]ecstypes.Service, error) {
	var out []ecstypes.Service
	p := ecs.NewListServicesPaginator(c, &ecs.ListServicesInput{Cluster: &cluster})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return out, err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return out, err
		}
		for batch := range chunks(page.ServiceArns, 10) {
			d, err := c.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: &cluster, Services: batch})
			if err != nil {
				return out, err
			}
			out = append(out, d.Services...)
		}
	}
	return out, nil
}

func ecsService(t *task, cluster string, sv ecstypes.Service) {
	id := s(sv.ServiceArn)
	t.sink.node(nodeOf(id, "container_service", "AWS::ECS::Service", s(sv.ServiceName), nil, "ecs:DescribeServices",
		map[string]any{"launch_type": string(sv.LaunchType), "desired_count": int(sv.DesiredCount), "running_count": int(sv.RunningCount)}))
	t.sink.edge(id, cluster, "ecs:DescribeServices ClusterArn")
	if nc := sv.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
		var subnets []string
		for _, sn := range nc.AwsvpcConfiguration.Subnets {
			subnets = append(subnets, arn("ec2", t.region, t.account, "subnet/"+sn))
		}
		t.sink.group(id, graph.GroupID(id, "subnets"), 1, subnets,
			fmt.Sprintf("ecs:DescribeServices awsvpcConfiguration.subnets: tasks run in any one of %d subnets", len(subnets)))
	}
	for _, lb := range sv.LoadBalancers {
		if tg := s(lb.TargetGroupArn); tg != "" {
			t.sink.edge(tg, id, "ecs:DescribeServices loadBalancers.targetGroupArn: the service supplies the targets")
		}
	}
}

// chunks yields xs in slices of at most n (APIs that take a bounded batch).
func chunks[T any](xs []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for i := 0; i < len(xs); i += n {
			if !yield(xs[i:min(i+n, len(xs))]) {
				return
			}
		}
	}
}

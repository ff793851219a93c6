package aws

import (
	"context"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	astypes "github.com/aws/aws-sdk-go-v2/service/autoscaling/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func autoscalingSteps() []step {
	return []step{{service: "autoscaling", name: "groups", run: autoscalingGroups}}
}

// autoscalingGroups: a group is up while `need` of its instances are
// (need = MinSize, or DesiredCapacity when MinSize is 0) and it can launch
// into any one of its zones.
func autoscalingGroups(ctx context.Context, t *task) error {
	p := autoscaling.NewDescribeAutoScalingGroupsPaginator(autoscaling.NewFromConfig(t.cfg), &autoscaling.DescribeAutoScalingGroupsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, g := range page.AutoScalingGroups {
			id := s(g.AutoScalingGroupARN)
			tags := tagMap(g.Tags, func(t astypes.TagDescription) (string, string) { return s(t.Key), s(t.Value) })
			minSize, desired := int(sdkaws.ToInt32(g.MinSize)), int(sdkaws.ToInt32(g.DesiredCapacity))
			t.sink.node(nodeOf(id, "autoscaling_group", "AWS::AutoScaling::AutoScalingGroup", s(g.AutoScalingGroupName), tags,
				"autoscaling:DescribeAutoScalingGroups",
				map[string]any{"min_size": minSize, "desired_capacity": desired, "max_size": int(sdkaws.ToInt32(g.MaxSize))}))
			var zones, members []string
			for _, z := range g.AvailabilityZones {
				zones = append(zones, zoneName(z))
			}
			for _, in := range g.Instances {
				members = append(members, arn("ec2", t.region, t.account, "instance/"+s(in.InstanceId)))
			}
			need, field := minSize, "MinSize"
			if need == 0 {
				need, field = desired, "DesiredCapacity"
			}
			t.sink.place(id, 1, zones, "autoscaling:DescribeAutoScalingGroups AvailabilityZones: launches into any one zone")
			t.sink.group(id, graph.GroupID(id, "instances"), need, members,
				fmt.Sprintf("autoscaling:DescribeAutoScalingGroups %s=%d of %d instances", field, need, len(members)))
			for _, tg := range g.TargetGroupARNs {
				t.sink.edge(tg, id, "autoscaling:DescribeAutoScalingGroups TargetGroupARNs: the group supplies the targets")
			}
		}
	}
	return nil
}

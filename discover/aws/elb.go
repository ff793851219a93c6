package aws

import (
	"context"

	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

func elbSteps() []step {
	return []step{
		{service: "elbv2", name: "load-balancers", run: elbv2LoadBalancers},
		{service: "elbv2", name: "target-groups", run: elbv2TargetGroups},
		{service: "elb", name: "load-balancers", run: elbClassic},
	}
}

// elbv2LoadBalancers lists ALBs, NLBs and GWLBs with their zones and their
// listeners, which forward to target groups.
func elbv2LoadBalancers(ctx context.Context, t *task) error {
	c := elbv2.NewFromConfig(t.cfg)
	p := elbv2.NewDescribeLoadBalancersPaginator(c, &elbv2.DescribeLoadBalancersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		listeners := make([][]elbv2types.Listener, len(page.LoadBalancers))
		errs := make([]error, len(page.LoadBalancers))
		fanOut(len(listeners), fanOutWidth, func(i int) { listeners[i], errs[i] = elbv2Listeners(ctx, c, s(page.LoadBalancers[i].LoadBalancerArn)) })
		for i, lb := range page.LoadBalancers {
			id := s(lb.LoadBalancerArn)
			var zones []string
			for _, z := range lb.AvailabilityZones {
				zones = append(zones, zoneName(s(z.ZoneName)))
			}
			t.sink.node(nodeOf(id, "load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", s(lb.LoadBalancerName), nil,
				"elbv2:DescribeLoadBalancers", map[string]any{"type": string(lb.Type), "scheme": string(lb.Scheme), "dns_name": s(lb.DNSName)}))
			t.sink.dns(s(lb.DNSName), id)
			t.sink.regional(id, "elasticloadbalancing", "elbv2:DescribeLoadBalancers: a regional service")
			t.sink.place(id, 1, zones, "elbv2:DescribeLoadBalancers AvailabilityZones: serves from any enabled zone")
			if errs[i] != nil {
				t.soft(errs[i])
			}
			elbv2ListenerNodes(t, id, listeners[i])
		}
	}
	return nil
}

func elbv2Listeners(ctx context.Context, c *elbv2.Client, lbARN string) ([]elbv2types.Listener, error) {
	var out []elbv2types.Listener
	p := elbv2.NewDescribeListenersPaginator(c, &elbv2.DescribeListenersInput{LoadBalancerArn: &lbARN})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return out, err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return out, err
		}
		out = append(out, page.Listeners...)
	}
	return out, nil
}

func elbv2ListenerNodes(t *task, lbARN string, listeners []elbv2types.Listener) {
	for _, l := range listeners {
		id := s(l.ListenerArn)
		t.sink.node(nodeOf(id, "listener", "AWS::ElasticLoadBalancingV2::Listener", string(l.Protocol), nil,
			"elbv2:DescribeListeners", map[string]any{"port": int(deref32(l.Port)), "protocol": string(l.Protocol)}))
		t.sink.edge(lbARN, id, "elbv2:DescribeListeners LoadBalancerArn")
		t.sink.edge(id, lbARN, "elbv2:DescribeListeners: a listener runs on its load balancer")
		for _, tg := range forwardTargets(l.DefaultActions) {
			t.sink.edge(id, tg, "elbv2:DescribeListeners DefaultActions.TargetGroupArn")
		}
	}
}

func forwardTargets(actions []elbv2types.Action) []string {
	var out []string
	for _, a := range actions {
		if a.TargetGroupArn != nil {
			out = append(out, *a.TargetGroupArn)
		}
		if a.ForwardConfig != nil {
			for _, tg := range a.ForwardConfig.TargetGroups {
				out = append(out, s(tg.TargetGroupArn))
			}
		}
	}
	return out
}

// elbv2TargetGroups lists target groups and their registered targets: a
// target group serves while any one healthy target does.
func elbv2TargetGroups(ctx context.Context, t *task) error {
	c := elbv2.NewFromConfig(t.cfg)
	p := elbv2.NewDescribeTargetGroupsPaginator(c, &elbv2.DescribeTargetGroupsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		health := make([]*elbv2.DescribeTargetHealthOutput, len(page.TargetGroups))
		errs := make([]error, len(page.TargetGroups))
		fanOut(len(health), fanOutWidth, func(i int) {
			health[i], errs[i] = c.DescribeTargetHealth(ctx, &elbv2.DescribeTargetHealthInput{TargetGroupArn: page.TargetGroups[i].TargetGroupArn})
		})
		for i, tg := range page.TargetGroups {
			id := s(tg.TargetGroupArn)
			h, err := health[i], errs[i]
			var members []string
			unhealthy := 0
			if err != nil {
				t.soft(err)
			} else {
				for _, d := range h.TargetHealthDescriptions {
					if d.Target == nil {
						continue
					}
					if d.TargetHealth != nil && (d.TargetHealth.State == elbv2types.TargetHealthStateEnumUnhealthy ||
						d.TargetHealth.State == elbv2types.TargetHealthStateEnumDraining) {
						unhealthy++
						continue
					}
					switch tg.TargetType {
					case elbv2types.TargetTypeEnumInstance:
						members = append(members, arn("ec2", t.region, t.account, "instance/"+s(d.Target.Id)))
					case elbv2types.TargetTypeEnumLambda, elbv2types.TargetTypeEnumAlb:
						members = append(members, s(d.Target.Id))
					default:
						members = append(members, "ip:"+s(d.Target.Id))
					}
				}
			}
			t.sink.node(nodeOf(id, "target_group", "AWS::ElasticLoadBalancingV2::TargetGroup", s(tg.TargetGroupName), nil,
				"elbv2:DescribeTargetGroups", map[string]any{"target_type": string(tg.TargetType), "targets": len(members), "unhealthy_targets": unhealthy}))
			t.sink.group(id, graph.GroupID(id, "targets"), 1, members, "elbv2:DescribeTargetHealth: any one healthy target serves")
		}
	}
	return nil
}

// elbClassic lists classic load balancers and their registered instances.
func elbClassic(ctx context.Context, t *task) error {
	p := elb.NewDescribeLoadBalancersPaginator(elb.NewFromConfig(t.cfg), &elb.DescribeLoadBalancersInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, lb := range page.LoadBalancerDescriptions {
			id := arn("elasticloadbalancing", t.region, t.account, "loadbalancer/"+s(lb.LoadBalancerName))
			var zones, members []string
			for _, z := range lb.AvailabilityZones {
				zones = append(zones, zoneName(z))
			}
			for _, in := range lb.Instances {
				members = append(members, arn("ec2", t.region, t.account, "instance/"+s(in.InstanceId)))
			}
			t.sink.node(nodeOf(id, "load_balancer", "AWS::ElasticLoadBalancing::LoadBalancer", s(lb.LoadBalancerName), nil,
				"elb:DescribeLoadBalancers", map[string]any{"scheme": s(lb.Scheme), "dns_name": s(lb.DNSName)}))
			t.sink.dns(s(lb.DNSName), id)
			t.sink.regional(id, "elasticloadbalancing", "elb:DescribeLoadBalancers: a regional service")
			t.sink.place(id, 1, zones, "elb:DescribeLoadBalancers AvailabilityZones")
			t.sink.group(id, graph.GroupID(id, "instances"), 1, members, "elb:DescribeLoadBalancers Instances: any one instance serves")
		}
	}
	return nil
}

func deref32(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

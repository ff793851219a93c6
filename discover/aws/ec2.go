package aws

import (
	"context"
	"maps"
	"slices"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/untether-dev/untether/discover"
)

var s = sdkaws.ToString

func ec2Tags(in []types.Tag) map[string]string {
	return tagMap(in, func(t types.Tag) (string, string) { return s(t.Key), s(t.Value) })
}

func ec2ARN(t *task, kind, id string) string { return arn("ec2", t.region, t.account, kind+"/"+id) }

func ec2Steps() []step {
	return []step{
		{service: "ec2", name: "zones", run: ec2Zones},
		{service: "ec2", name: "vpcs", run: ec2VPCs},
		{service: "ec2", name: "subnets", run: ec2Subnets},
		{service: "ec2", name: "route-tables", run: ec2RouteTables},
		{service: "ec2", name: "nat-gateways", run: ec2NATGateways},
		{service: "ec2", name: "instances", run: ec2Instances},
		{service: "ec2", name: "volumes", run: ec2Volumes},
	}
}

// ec2Zones maps zone names (us-east-1a, which differ per account) to zone
// ids (use1-az1, the same physical zone for every account).
func ec2Zones(ctx context.Context, t *task) error {
	out, err := ec2.NewFromConfig(t.cfg).DescribeAvailabilityZones(ctx, &ec2.DescribeAvailabilityZonesInput{})
	if err != nil {
		return err
	}
	t.sink.zoneIDs = map[string]string{}
	for _, z := range out.AvailabilityZones {
		t.sink.zoneIDs[s(z.ZoneName)] = s(z.ZoneId)
	}
	return nil
}

func ec2VPCs(ctx context.Context, t *task) error {
	p := ec2.NewDescribeVpcsPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeVpcsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, v := range page.Vpcs {
			id := ec2ARN(t, "vpc", s(v.VpcId))
			tags := ec2Tags(v.Tags)
			t.sink.node(nodeOf(id, "network", "AWS::EC2::VPC", nameTag(tags, s(v.VpcId)), tags, "ec2:DescribeVpcs",
				map[string]any{"cidr": s(v.CidrBlock), "default": sdkaws.ToBool(v.IsDefault)}))
			t.sink.place(id, 1, nil, "ec2:DescribeVpcs: a VPC spans its region")
		}
	}
	return nil
}

func ec2Subnets(ctx context.Context, t *task) error {
	t.sink.subnetZone = map[string]string{}
	t.sink.subnetVPC = map[string]string{}
	p := ec2.NewDescribeSubnetsPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeSubnetsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, sn := range page.Subnets {
			sid := s(sn.SubnetId)
			t.sink.subnetZone[sid] = s(sn.AvailabilityZoneId)
			t.sink.subnetVPC[sid] = s(sn.VpcId)
			id := ec2ARN(t, "subnet", sid)
			tags := ec2Tags(sn.Tags)
			n := nodeOf(id, "subnet", "AWS::EC2::Subnet", nameTag(tags, sid), tags,
				"ec2:DescribeSubnets AvailabilityZoneId="+s(sn.AvailabilityZoneId),
				map[string]any{"cidr": s(sn.CidrBlock), "zone_name": s(sn.AvailabilityZone)})
			n.Zones = []string{s(sn.AvailabilityZoneId)}
			t.sink.node(n)
			t.sink.edge(id, ec2ARN(t, "vpc", s(sn.VpcId)), "ec2:DescribeSubnets VpcId")
			t.sink.place(id, 1, []string{zoneID(s(sn.AvailabilityZoneId))}, "ec2:DescribeSubnets AvailabilityZoneId")
		}
	}
	return nil
}

// ec2RouteTables links subnets to their route tables and route tables to
// the NAT gateways they send traffic through: a subnet whose default route
// leaves through a NAT gateway in another zone depends on that zone.
func ec2RouteTables(ctx context.Context, t *task) error {
	p := ec2.NewDescribeRouteTablesPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeRouteTablesInput{})
	mainOf := map[string]string{} // vpc id -> main route table ARN
	explicit := map[string]bool{}
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, rt := range page.RouteTables {
			id := ec2ARN(t, "route-table", s(rt.RouteTableId))
			tags := ec2Tags(rt.Tags)
			t.sink.node(nodeOf(id, "route_table", "AWS::EC2::RouteTable", nameTag(tags, s(rt.RouteTableId)), tags, "ec2:DescribeRouteTables", nil))
			t.sink.edge(id, ec2ARN(t, "vpc", s(rt.VpcId)), "ec2:DescribeRouteTables VpcId")
			for _, r := range rt.Routes {
				if nat := s(r.NatGatewayId); nat != "" {
					t.sink.edge(id, ec2ARN(t, "natgateway", nat),
						"ec2:DescribeRouteTables Routes["+s(r.DestinationCidrBlock)+"].NatGatewayId="+nat)
				}
			}
			for _, as := range rt.Associations {
				if sdkaws.ToBool(as.Main) {
					mainOf[s(rt.VpcId)] = id
				}
				if sn := s(as.SubnetId); sn != "" {
					explicit[sn] = true
					t.sink.edge(ec2ARN(t, "subnet", sn), id, "ec2:DescribeRouteTables Associations.SubnetId="+sn)
				}
			}
		}
	}
	// Subnets without an explicit association use their VPC's main table.
	t.sink.do(func(a *asm) {
		subnets := a.subnetVPC[a.key()]
		for _, sn := range slices.Sorted(maps.Keys(subnets)) {
			if rt, ok := mainOf[subnets[sn]]; ok && !explicit[sn] {
				a.edge(arn("ec2", a.region, a.account, "subnet/"+sn), rt, "ec2:DescribeRouteTables Associations.Main=true (implicit)")
			}
		}
	})
	return nil
}

func ec2NATGateways(ctx context.Context, t *task) error {
	p := ec2.NewDescribeNatGatewaysPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeNatGatewaysInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, n := range page.NatGateways {
			if n.State == types.NatGatewayStateDeleted || n.State == types.NatGatewayStateDeleting {
				continue
			}
			id := ec2ARN(t, "natgateway", s(n.NatGatewayId))
			tags := ec2Tags(n.Tags)
			t.sink.node(nodeOf(id, "nat_gateway", "AWS::EC2::NatGateway", nameTag(tags, s(n.NatGatewayId)), tags,
				"ec2:DescribeNatGateways", map[string]any{"connectivity": string(n.ConnectivityType)}))
			t.sink.edge(id, ec2ARN(t, "subnet", s(n.SubnetId)), "ec2:DescribeNatGateways SubnetId")
			t.sink.place(id, 1, []string{subnetRef(s(n.SubnetId))}, "ec2:DescribeNatGateways SubnetId (zonal)")
		}
	}
	return nil
}

func ec2Instances(ctx context.Context, t *task) error {
	p := ec2.NewDescribeInstancesPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeInstancesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, res := range page.Reservations {
			for _, in := range res.Instances {
				state := ""
				if in.State != nil {
					state = string(in.State.Name)
				}
				if state == "terminated" || state == "shutting-down" {
					continue
				}
				id := ec2ARN(t, "instance", s(in.InstanceId))
				tags := ec2Tags(in.Tags)
				az := ""
				if in.Placement != nil {
					az = s(in.Placement.AvailabilityZone)
				}
				t.sink.node(nodeOf(id, "instance", "AWS::EC2::Instance", nameTag(tags, s(in.InstanceId)), tags,
					"ec2:DescribeInstances Placement.AvailabilityZone="+az,
					map[string]any{"instance_type": string(in.InstanceType), "state": state}))
				t.sink.place(id, 1, []string{zoneName(az)}, "ec2:DescribeInstances Placement.AvailabilityZone")
				if sn := s(in.SubnetId); sn != "" {
					t.sink.edge(id, ec2ARN(t, "subnet", sn), "ec2:DescribeInstances SubnetId")
				}
				for _, bd := range in.BlockDeviceMappings {
					if bd.Ebs != nil && s(bd.Ebs.VolumeId) != "" {
						t.sink.edge(id, ec2ARN(t, "volume", s(bd.Ebs.VolumeId)), "ec2:DescribeInstances BlockDeviceMappings.Ebs.VolumeId")
					}
				}
			}
		}
	}
	return nil
}

func ec2Volumes(ctx context.Context, t *task) error {
	p := ec2.NewDescribeVolumesPaginator(ec2.NewFromConfig(t.cfg), &ec2.DescribeVolumesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, v := range page.Volumes {
			id := ec2ARN(t, "volume", s(v.VolumeId))
			tags := ec2Tags(v.Tags)
			size := int64(sdkaws.ToInt32(v.Size))
			t.sink.node(nodeOf(id, "volume", "AWS::EC2::Volume", nameTag(tags, s(v.VolumeId)), tags,
				"ec2:DescribeVolumes AvailabilityZone="+s(v.AvailabilityZone),
				map[string]any{"volume_type": string(v.VolumeType), "stored_bytes": size << 30}))
			t.sink.place(id, 1, []string{zoneName(s(v.AvailabilityZone))}, "ec2:DescribeVolumes AvailabilityZone")
		}
	}
	return nil
}

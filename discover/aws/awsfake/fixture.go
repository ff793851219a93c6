package awsfake

import (
	"fmt"
	"strings"
)

// Secrets are values planted in the fixture where a careless collector
// would pick them up (a secret-looking tag, Lambda environment variables);
// none may ever appear in an estate.
var Secrets = []string{"hunter2-tag-secret", "s3cr3t-env-value", "postgres://admin:pw@orders"}

// Fixture is an account whose regions all hold the same small estate, with
// known single points of failure:
//   - private subnets in zones b and c route through one NAT gateway in zone a;
//   - the web Auto Scaling group needs 2 of its 2 instances;
//   - the RDS instance "orders" is single-AZ in zone a;
//   - the ElastiCache group has no automatic failover (primary in zone a);
//   - the EKS node group lives in zone a only;
//   - www.example.com is a simple alias to the one load balancer.
//
// The first two regions replicate the DynamoDB table "sessions" and the
// Aurora global cluster between them; the S3 buckets live in the first.
func Fixture(account string, regions ...string) *Account {
	a := &Account{ID: account, Regions: map[string]*Data{}, Global: NewData()}
	for i, r := range regions {
		var peers []string
		if len(regions) > 1 && i < 2 {
			peers = regions[:2]
		}
		a.Regions[r] = regionFixture(account, r, peers)
	}
	globalFixture(a.Global, account, regions)
	return a
}

// zoneIDs maps the fixture's zone letters to zone ids; like real accounts,
// the letters and ids do not line up.
func zoneIDs(region string) map[string]string {
	f := strings.Split(region, "-")
	abbr := f[0]
	for _, p := range f[1 : len(f)-1] {
		abbr += p[:1]
	}
	abbr += f[len(f)-1]
	return map[string]string{"a": abbr + "-az2", "b": abbr + "-az1", "c": abbr + "-az3"}
}

func ec2Tags(kv ...string) string {
	var b strings.Builder
	b.WriteString("<tagSet>")
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(&b, "<item><key>%s</key><value>%s</value></item>", kv[i], kv[i+1])
	}
	b.WriteString("</tagSet>")
	return b.String()
}

func regionFixture(acct, r string, peers []string) *Data {
	d := NewData()
	ids := zoneIDs(r)
	for _, z := range []string{"a", "b", "c"} {
		d.Add("DescribeAvailabilityZones", fmt.Sprintf("<zoneName>%s%s</zoneName><zoneId>%s</zoneId><regionName>%s</regionName><zoneState>available</zoneState>", r, z, ids[z], r))
	}
	d.Add("DescribeVpcs", "<vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault>"+ec2Tags("Name", "prod"))
	for _, sn := range []struct{ id, z string }{{"pub-a", "a"}, {"priv-a", "a"}, {"priv-b", "b"}, {"priv-c", "c"}} {
		d.Add("DescribeSubnets", fmt.Sprintf("<subnetId>subnet-%s</subnetId><vpcId>vpc-1</vpcId><availabilityZone>%s%s</availabilityZone><availabilityZoneId>%s</availabilityZoneId><cidrBlock>10.0.%d.0/24</cidrBlock>%s",
			sn.id, r, sn.z, ids[sn.z], len(sn.id), ec2Tags("Name", sn.id)))
	}
	d.Add("DescribeRouteTables",
		"<routeTableId>rtb-pub</routeTableId><vpcId>vpc-1</vpcId><routeSet><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-1</gatewayId></item></routeSet><associationSet><item><main>true</main><routeTableId>rtb-pub</routeTableId></item></associationSet>",
		"<routeTableId>rtb-priv</routeTableId><vpcId>vpc-1</vpcId><routeSet><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-a</natGatewayId></item></routeSet><associationSet>"+
			"<item><main>false</main><subnetId>subnet-priv-a</subnetId></item><item><main>false</main><subnetId>subnet-priv-b</subnetId></item><item><main>false</main><subnetId>subnet-priv-c</subnetId></item></associationSet>")
	d.Add("DescribeNatGateways", "<natGatewayId>nat-a</natGatewayId><subnetId>subnet-pub-a</subnetId><vpcId>vpc-1</vpcId><state>available</state><connectivityType>public</connectivityType>")
	d.Add("DescribeNatGateways", "<natGatewayId>nat-old</natGatewayId><subnetId>subnet-pub-a</subnetId><vpcId>vpc-1</vpcId><state>deleted</state>")
	for _, in := range []struct{ id, z, subnet, extra string }{
		{"i-web1", "a", "priv-a", ec2Tags("Name", "web-1", "service", "checkout")},
		{"i-web2", "b", "priv-b", ec2Tags("Name", "web-2", "service", "checkout")},
		{"i-batch", "c", "priv-c", ec2Tags("Name", "batch", "db_password", Secrets[0])},
		{"i-gone", "c", "priv-c", ""},
	} {
		state := "running"
		if in.id == "i-gone" {
			state = "terminated"
		}
		d.Add("DescribeInstances", fmt.Sprintf("<reservationId>r-%s</reservationId><ownerId>%s</ownerId><instancesSet><item><instanceId>%s</instanceId><instanceType>m7g.large</instanceType>"+
			"<instanceState><code>16</code><name>%s</name></instanceState><placement><availabilityZone>%s%s</availabilityZone></placement><subnetId>subnet-%s</subnetId><vpcId>vpc-1</vpcId>"+
			"<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-%s</volumeId></ebs></item></blockDeviceMapping>%s</item></instancesSet>",
			in.id, acct, in.id, state, r, in.z, in.subnet, in.id, in.extra))
		if state == "running" {
			d.Add("DescribeVolumes", fmt.Sprintf("<volumeId>vol-%s</volumeId><availabilityZone>%s%s</availabilityZone><size>100</size><volumeType>gp3</volumeType>", in.id, r, in.z))
		}
	}
	elbFixture(d, acct, r)
	dataFixture(d, acct, r, peers)
	computeFixture(d, acct, r)
	return d
}

func elbFixture(d *Data, acct, r string) {
	lb := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:loadbalancer/app/web/abc123", r, acct)
	tg := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/web/def456", r, acct)
	d.Add("DescribeLoadBalancers", fmt.Sprintf("<LoadBalancerArn>%s</LoadBalancerArn><DNSName>web-123.%s.elb.amazonaws.com</DNSName><LoadBalancerName>web</LoadBalancerName>"+
		"<Scheme>internet-facing</Scheme><Type>application</Type><VpcId>vpc-1</VpcId><AvailabilityZones><member><ZoneName>%sa</ZoneName><SubnetId>subnet-pub-a</SubnetId></member>"+
		"<member><ZoneName>%sb</ZoneName><SubnetId>subnet-priv-b</SubnetId></member></AvailabilityZones>", lb, r, r, r))
	d.Add("DescribeListeners|"+lb, fmt.Sprintf("<ListenerArn>%s</ListenerArn><LoadBalancerArn>%s</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol>"+
		"<DefaultActions><member><Type>forward</Type><TargetGroupArn>%s</TargetGroupArn></member></DefaultActions>",
		strings.Replace(lb, ":loadbalancer/", ":listener/", 1)+"/l1", lb, tg))
	d.Add("DescribeTargetGroups", fmt.Sprintf("<TargetGroupArn>%s</TargetGroupArn><TargetGroupName>web</TargetGroupName><TargetType>instance</TargetType><LoadBalancerArns><member>%s</member></LoadBalancerArns>", tg, lb))
	d.Add("DescribeTargetHealth|"+tg,
		"<Target><Id>i-web1</Id><Port>80</Port></Target><TargetHealth><State>healthy</State></TargetHealth>",
		"<Target><Id>i-web2</Id><Port>80</Port></Target><TargetHealth><State>healthy</State></TargetHealth>")
	d.Add("DescribeAutoScalingGroups", fmt.Sprintf("<AutoScalingGroupName>web-asg</AutoScalingGroupName><AutoScalingGroupARN>arn:aws:autoscaling:%s:%s:autoScalingGroup:uuid-1:autoScalingGroupName/web-asg</AutoScalingGroupARN>"+
		"<MinSize>2</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2</DesiredCapacity><AvailabilityZones><member>%sa</member><member>%sb</member></AvailabilityZones>"+
		"<Instances><member><InstanceId>i-web1</InstanceId><AvailabilityZone>%sa</AvailabilityZone></member><member><InstanceId>i-web2</InstanceId><AvailabilityZone>%sb</AvailabilityZone></member></Instances>"+
		"<TargetGroupARNs><member>%s</member></TargetGroupARNs><Tags><member><Key>service</Key><Value>checkout</Value></member></Tags>", r, acct, r, r, r, r, tg))
	d.Add("DescribeLoadBalancers#classic", fmt.Sprintf("<LoadBalancerName>legacy</LoadBalancerName><DNSName>legacy-1.%s.elb.amazonaws.com</DNSName><Scheme>internal</Scheme>"+
		"<AvailabilityZones><member>%sc</member></AvailabilityZones><Instances><member><InstanceId>i-batch</InstanceId></member></Instances>", r, r))
}

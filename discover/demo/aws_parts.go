package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// AWS building blocks. Zones are AZ ids (use1-az1), as the EC2 API's
// Placement.AvailabilityZoneId reports them; types are CloudFormation types.

func arn(service, region, account, rest string) string {
	return "arn:aws:" + service + ":" + region + ":" + account + ":" + rest
}

// fleet adds an autoscaling group whose instances sit in the given zones (one
// entry per instance) and which needs `need` of them healthy. Each instance
// needs its zone and its EBS root volume. It returns the group's id.
func (d *demo) fleet(account, region, name, svc, team string, zones []string, need int, attrs map[string]any) string {
	asg := arn("autoscaling", region, account, "autoScalingGroup:"+uuid(name+region)+":autoScalingGroupName/"+name)
	distinct := uniq(zones)
	a := map[string]any{"desired_capacity": len(zones), "min_healthy": need, "instance_type": "m6i.large"}
	for k, v := range attrs {
		a[k] = v
	}
	d.place(graph.Node{ID: asg, Kind: "node_pool", Type: "AWS::AutoScaling::AutoScalingGroup", Provider: "aws",
		Account: account, Region: region, Zones: distinct, Name: name, Tags: tags(svc, team), Attrs: a,
		Evidence: "autoscaling.DescribeAutoScalingGroups AvailabilityZones"}, "AutoScalingGroup.AvailabilityZones")
	var members []string
	for i, z := range zones {
		iname := fmt.Sprintf("%s-%d", name, i+1)
		inst := arn("ec2", region, account, "instance/i-0"+hexid(iname+region, 16))
		vol := arn("ec2", region, account, "volume/vol-0"+hexid("vol"+iname+region, 16))
		d.place(graph.Node{ID: vol, Kind: "volume", Type: "AWS::EC2::Volume", Provider: "aws", Account: account,
			Region: region, Zones: []string{z}, Name: iname + "-root", Tags: tags(svc, team),
			Attrs:    map[string]any{"volume_type": "gp3", "size_gib": 100, "encrypted": true},
			Evidence: "ec2.DescribeVolumes AvailabilityZoneId=" + z}, "Volume.AvailabilityZoneId="+z)
		d.place(graph.Node{ID: inst, Kind: "instance", Type: "AWS::EC2::Instance", Provider: "aws", Account: account,
			Region: region, Zones: []string{z}, Name: iname, Tags: tags(svc, team),
			Attrs:    map[string]any{"instance_type": a["instance_type"]},
			Evidence: "ec2.DescribeInstances Placement.AvailabilityZoneId=" + z}, "Instance.Placement.AvailabilityZoneId="+z)
		d.need(inst, vol, "Instance.BlockDeviceMappings[/dev/xvda].Ebs.VolumeId")
		members = append(members, inst)
	}
	g := d.group(graph.GroupID(name+"-healthy"), need, members,
		fmt.Sprintf("autoscaling group %s: %d of %d instances must be healthy (MinSize/target tracking)", name, need, len(members)))
	d.need(asg, g, "AutoScalingGroup.Instances")
	return asg
}

// alb adds an application load balancer over zones that forwards to target.
func (d *demo) alb(account, region, name, svc, team string, zones []string, target string) string {
	id := arn("elasticloadbalancing", region, account, "loadbalancer/app/"+name+"/"+hexid(name+region, 16))
	d.res(graph.Node{ID: id, Kind: "load_balancer", Type: "AWS::ElasticLoadBalancingV2::LoadBalancer", Provider: "aws",
		Account: account, Region: region, Zones: zones, Name: name, Tags: tags(svc, team),
		Attrs:    map[string]any{"scheme": "internet-facing", "cross_zone": true},
		Evidence: "elbv2.DescribeLoadBalancers AvailabilityZones[].ZoneName"})
	d.b.Place(id, "aws", region, zones, "LoadBalancer.AvailabilityZones")
	d.need(id, d.b.ManagedService("aws", region, "elasticloadbalancing"), "managed load balancer data plane")
	if target != "" {
		d.need(id, target, "elbv2.DescribeTargetGroups/DescribeTargetHealth target group "+name+"-tg")
	}
	return id
}

// rds adds a database instance; two zones make it Multi-AZ.
func (d *demo) rds(account, region, name, engine, svc, team string, zones []string, storedGiB int) string {
	id := arn("rds", region, account, "db:"+name)
	ev := "rds.DescribeDBInstances MultiAZ=false AvailabilityZone=" + zones[0]
	if len(zones) > 1 {
		ev = "rds.DescribeDBInstances MultiAZ=true SecondaryAvailabilityZone=" + zones[1]
	}
	return d.place(graph.Node{ID: id, Kind: "database", Type: "AWS::RDS::DBInstance", Provider: "aws", Account: account,
		Region: region, Zones: zones, Name: name, Tags: tags(svc, team),
		Attrs:    map[string]any{"engine": engine, "multi_az": len(zones) > 1, "stored_bytes": int64(storedGiB) << 30},
		Evidence: ev}, ev)
}

// redis adds an ElastiCache replication group (one zone: a single node).
func (d *demo) redis(account, region, name, svc, team string, zones []string) string {
	id := arn("elasticache", region, account, "replicationgroup:"+name)
	ev := "elasticache.DescribeReplicationGroups MultiAZ=disabled"
	if len(zones) > 1 {
		ev = "elasticache.DescribeReplicationGroups MultiAZ=enabled AutomaticFailover=enabled"
	}
	return d.place(graph.Node{ID: id, Kind: "cache", Type: "AWS::ElastiCache::ReplicationGroup", Provider: "aws",
		Account: account, Region: region, Zones: zones, Name: name, Tags: tags(svc, team),
		Attrs: map[string]any{"engine": "redis", "multi_az": len(zones) > 1}, Evidence: ev}, ev)
}

// lambda adds a function; it needs the regional Lambda service.
func (d *demo) lambda(account, region, name, svc, team string) string {
	return d.managed(graph.Node{ID: arn("lambda", region, account, "function:"+name), Kind: "function",
		Type: "AWS::Lambda::Function", Provider: "aws", Account: account, Region: region, Name: name,
		Tags: tags(svc, team), Attrs: map[string]any{"runtime": "nodejs20.x"},
		Evidence: "lambda.ListFunctions FunctionArn"}, "lambda", "regional service (Lambda runs across the region's zones)")
}

// bucket adds an S3 bucket in a region.
func (d *demo) bucket(account, region, name, svc, team string, storedGiB int) string {
	return d.managed(graph.Node{ID: "arn:aws:s3:::" + name, Kind: "bucket", Type: "AWS::S3::Bucket", Provider: "aws",
		Account: account, Region: region, Name: name, Tags: tags(svc, team),
		Attrs:    map[string]any{"stored_bytes": int64(storedGiB) << 30, "versioning": true},
		Evidence: "s3.GetBucketLocation LocationConstraint=" + region}, "s3", "regional service (S3 stores across zones)")
}

// queue adds an SQS queue.
func (d *demo) queue(account, region, name, svc, team string) string {
	return d.managed(graph.Node{ID: arn("sqs", region, account, name), Kind: "queue", Type: "AWS::SQS::Queue",
		Provider: "aws", Account: account, Region: region, Name: name, Tags: tags(svc, team),
		Evidence: "sqs.ListQueues QueueUrl"}, "sqs", "regional service")
}

// kms adds a customer-managed KMS key.
func (d *demo) kms(account, region, alias, svc, team string) string {
	return d.managed(graph.Node{ID: arn("kms", region, account, "key/"+uuid(alias+region)), Kind: "key",
		Type: "AWS::KMS::Key", Provider: "aws", Account: account, Region: region, Name: "alias/" + alias,
		Tags: tags(svc, team), Evidence: "kms.ListAliases TargetKeyId"}, "kms", "regional service")
}

// secret adds a Secrets Manager secret (its value is never read).
func (d *demo) secret(account, region, name, svc, team string) string {
	return d.managed(graph.Node{ID: arn("secretsmanager", region, account, "secret:"+name+"-"+hexid(name, 6)),
		Kind: "secret", Type: "AWS::SecretsManager::Secret", Provider: "aws", Account: account, Region: region,
		Name: name, Tags: tags(svc, team), Evidence: "secretsmanager.ListSecrets ARN"}, "secretsmanager", "regional service")
}

func uniq(zones []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, z := range zones {
		if !seen[z] {
			seen[z] = true
			out = append(out, z)
		}
	}
	return out
}

package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// orders: fulfilment consumes order events in us-east-1 and books them into
// the Oracle ERP in the Frankfurt datacenter over a site-to-site VPN.
func (d *demo) orders() {
	const svc, team = "orders", "fulfilment-team"
	stream := d.managed(graph.Node{ID: arn("kinesis", "us-east-1", awsProd, "stream/order-stream"), Kind: "stream",
		Type: "AWS::Kinesis::Stream", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "order-stream",
		Tags: tags(svc, team), Attrs: map[string]any{"shards": 8, "retention_hours": 168},
		Evidence: "kinesis.ListStreams StreamARN"}, "kinesis", "regional service")
	vpn := d.place(graph.Node{ID: arn("ec2", "us-east-1", awsProd, "vpn-connection/vpn-0"+hexid("vpn-fra1", 16)),
		Kind: "network_link", Type: "AWS::EC2::VPNConnection", Provider: "aws", Account: awsProd, Region: "us-east-1",
		Name: "fra1-vpn", Tags: tags(svc, "network-team"), Attrs: map[string]any{"tunnels": 2},
		Evidence: "ec2.DescribeVpnConnections VgwTelemetry (2 tunnels)"}, "site-to-site VPN terminates in us-east-1")
	d.need(vpn, d.ref["fra1-edge"], "demo inventory: VPN customer gateway is the fra1 edge router pair")
	workers := d.fleet(awsProd, "us-east-1", "orders-workers", svc, team, spread(use1[:2], []int{2, 2}), 2, nil)
	d.need(workers, d.ref["order-events"], "demo inventory: orders-workers poll order-events")
	d.need(workers, stream, "demo inventory: orders-workers publish to order-stream")
	d.need(workers, vpn, "demo inventory: orders-workers reach the ERP over fra1-vpn")
	d.need(workers, d.ref["erp-db"], "demo inventory: orders-workers book orders in the Oracle ERP")
	status := d.managed(graph.Node{ID: arn("sns", "us-east-1", awsProd, "order-status"), Kind: "topic",
		Type: "AWS::SNS::Topic", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "order-status",
		Tags: tags(svc, team), Evidence: "sns.ListTopics TopicArn"}, "sns", "regional service")
	d.need(workers, status, "demo inventory: orders-workers publish status changes")
	for _, fn := range []string{"orders-status-api", "orders-label-printer", "orders-returns"} {
		f := d.lambda(awsProd, "us-east-1", fn, svc, team)
		d.need(f, d.ref["orders-db"], "demo inventory: "+fn+" reads orders-db")
	}
	d.ref["orders-workers"], d.ref["order-stream"], d.ref["order-status"] = workers, stream, status
	d.bucket(awsProd, "us-east-1", "bramblecart-shipping-labels", svc, team, 90)
}

// customerProfiles keeps EU customer data in eu-west-1 only (GDPR
// residency): well spread over zones, but the region is a single point of
// failure by policy.
func (d *demo) customerProfiles() {
	const svc, team = "customer-profiles", "identity-team"
	const region = "eu-west-1"
	aurora := arn("rds", region, awsEU, "cluster:profiles-aurora")
	d.place(graph.Node{ID: aurora, Kind: "database", Type: "AWS::RDS::DBCluster", Provider: "aws", Account: awsEU,
		Region: region, Zones: euw1, Name: "profiles-aurora", Tags: tags(svc, team),
		Attrs:    map[string]any{"engine": "aurora-postgresql", "multi_az": true, "stored_bytes": int64(650) << 30},
		Evidence: "rds.DescribeDBClusters MultiAZ=true AvailabilityZones"}, "Aurora storage spans three zones")
	key := d.kms(awsEU, region, "profiles", svc, team)
	d.need(aurora, key, "DBCluster.KmsKeyId")
	app := d.fleet(awsEU, region, "profiles-app", svc, team, euw1, 2, nil)
	d.need(app, aurora, "demo inventory: profiles-app reads and writes profiles-aurora")
	docs := d.bucket(awsEU, region, "bramblecart-eu-customer-documents", svc, team, 2400)
	d.need(docs, key, "s3.GetBucketEncryption KMSMasterKeyID")
	d.need(app, docs, "demo inventory: profiles-app stores identity documents")
	// One NAT gateway per zone: egress survives a zone.
	var nats []string
	for _, z := range euw1 {
		nats = append(nats, d.place(graph.Node{ID: arn("ec2", region, awsEU, "natgateway/nat-0"+hexid("nat-"+z, 16)),
			Kind: "nat_gateway", Type: "AWS::EC2::NatGateway", Provider: "aws", Account: awsEU, Region: region,
			Zones: []string{z}, Name: "profiles-egress-" + z, Tags: tags(svc, team),
			Evidence: "ec2.DescribeNatGateways SubnetId -> AvailabilityZoneId=" + z}, "NatGateway.SubnetId in "+z))
	}
	d.need(app, d.group("group:profiles-egress", 1, nats, "one NAT gateway per zone; route tables fail over per zone"),
		"route tables of the private subnets")
	d.ref["profiles-alb"] = d.alb(awsEU, region, "profiles", svc, team, euw1, app)
	for i, name := range []string{"profiles-export", "profiles-erasure", "profiles-consent"} {
		f := d.lambda(awsEU, region, name, svc, team)
		d.need(f, aurora, fmt.Sprintf("demo inventory: %s (job %d) uses profiles-aurora", name, i+1))
	}
}

// staging is the pre-production account: resources no business service
// needs, which an audit must count but not blame.
func (d *demo) staging() {
	const team = "platform-team"
	d.env = "staging"
	defer func() { d.env = "" }()
	for _, s := range []string{"storefront", "checkout", "orders", "payments", "login", "search"} {
		asg := d.fleet(awsStaging, "us-east-1", "stg-"+s, s, team, []string{"use1-az2", "use1-az2", "use1-az4"}, 1,
			map[string]any{"instance_type": "t3.medium"})
		db := d.rds(awsStaging, "us-east-1", "stg-"+s+"-db", "postgres", s, team, []string{"use1-az2"}, 20)
		d.need(asg, db, "demo inventory: staging app uses its staging database")
		d.bucket(awsStaging, "us-east-1", "bramblecart-stg-"+s, s, team, 5)
	}
	for _, s := range []string{"storefront-web", "orders-workers", "profiles-app", "search-query"} {
		d.managed(graph.Node{ID: arn("ecr", "us-east-1", awsProd, "repository/"+s), Kind: "registry",
			Type: "AWS::ECR::Repository", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: s,
			Tags: tags("platform", team), Evidence: "ecr.DescribeRepositories repositoryArn"}, "ecr", "regional service")
	}
	d.env = "shared"
	for _, name := range []string{"cloudtrail", "alb-access", "vpc-flow", "config-snapshots"} {
		d.bucket(awsProd, "us-east-1", "bramblecart-logs-"+name, "platform", team, 800)
	}
}

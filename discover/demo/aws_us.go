package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

var (
	use1 = []string{"use1-az1", "use1-az2", "use1-az4"}
	euw1 = []string{"euw1-az1", "euw1-az2", "euw1-az3"}
)

// awsGlobal adds the global edge: Route 53 hosted zone, failover record and
// CloudFront in front of the storefront.
func (d *demo) awsGlobal() {
	zone := "arn:aws:route53:::hostedzone/Z04BRAMBLECART7Q"
	d.managed(graph.Node{ID: zone, Kind: "dns_zone", Type: "AWS::Route53::HostedZone", Provider: "aws",
		Account: awsProd, Name: "bramblecart.com.", Tags: tags("storefront", "web-platform"),
		Evidence: "route53.ListHostedZones Id"}, "route53", "Route 53 is a global service (control plane homed in us-east-1)")
	d.ref["dns-zone"] = zone
	rec := zone + "/recordset/www.bramblecart.com./A"
	d.res(graph.Node{ID: rec, Kind: "dns_record", Type: "AWS::Route53::RecordSet", Provider: "aws", Account: awsProd,
		Name: "www.bramblecart.com", Tags: tags("storefront", "web-platform"),
		Attrs:    map[string]any{"routing_policy": "failover", "health_checked": true},
		Evidence: "route53.ListResourceRecordSets Failover=PRIMARY/SECONDARY"})
	d.need(rec, zone, "record set lives in hosted zone Z04BRAMBLECART7Q")
	d.ref["www-record"] = rec
	cdn := "arn:aws:cloudfront::" + awsProd + ":distribution/E1BRAMBLE2CART3"
	d.managed(graph.Node{ID: cdn, Kind: "cdn", Type: "AWS::CloudFront::Distribution", Provider: "aws", Account: awsProd,
		Name: "www-cdn", Tags: tags("storefront", "web-platform"), Attrs: map[string]any{"price_class": "PriceClass_All"},
		Evidence: "cloudfront.ListDistributions Origins[0].DomainName=www.bramblecart.com"}, "cloudfront", "CloudFront is a global service")
	d.need(cdn, rec, "DistributionConfig.Origins[origin-www].DomainName")
	d.ref["cdn"] = cdn
}

// storefront runs active/passive in us-east-1 and eu-west-1 behind a Route 53
// failover record: it survives the loss of either region.
func (d *demo) storefront() {
	var albs []string
	for _, r := range []struct {
		region string
		zones  []string
		short  string
	}{{"us-east-1", use1, "use1"}, {"eu-west-1", euw1, "euw1"}} {
		web := d.fleet(awsProd, r.region, "storefront-web-"+r.short, "storefront", "web-platform",
			spread(r.zones, []int{3, 3, 3}), 6, nil)
		cache := d.redis(awsProd, r.region, "storefront-sessions-"+r.short, "storefront", "web-platform", r.zones[:2])
		assets := d.bucket(awsProd, r.region, "bramblecart-static-"+r.short, "storefront", "web-platform", 180)
		key := d.kms(awsProd, r.region, "storefront-"+r.short, "storefront", "web-platform")
		d.need(web, cache, "demo inventory: storefront-web keeps sessions in ElastiCache")
		d.need(web, assets, "demo inventory: storefront-web renders assets from S3")
		d.need(assets, key, "s3.GetBucketEncryption KMSMasterKeyID")
		d.need(web, d.ref["catalog-api"], "demo inventory: storefront-web calls catalog-api on GCP (cross-provider)")
		albs = append(albs, d.alb(awsProd, r.region, "storefront-"+r.short, "storefront", "web-platform", r.zones, web))
	}
	g := d.group("group:storefront-regions", 1, albs, "route53 failover record www.bramblecart.com: PRIMARY us-east-1, SECONDARY eu-west-1, health checked")
	d.need(d.ref["www-record"], g, "ResourceRecordSet.AliasTarget (failover pair)")
}

// checkout runs on ECS in us-east-1 only, on an autoscaling group that
// needs 4 of 6 instances with 4 of them in use1-az1: that zone alone takes
// it down.
func (d *demo) checkout() {
	const svc, team = "checkout", "checkout-team"
	pool := d.fleet(awsProd, "us-east-1", "checkout-ecs", svc, team,
		[]string{"use1-az1", "use1-az1", "use1-az1", "use1-az1", "use1-az2", "use1-az4"}, 4,
		map[string]any{"capacity_rebalance": false})
	cluster := arn("ecs", "us-east-1", awsProd, "cluster/checkout")
	d.place(graph.Node{ID: cluster, Kind: "cluster", Type: "AWS::ECS::Cluster", Provider: "aws", Account: awsProd,
		Region: "us-east-1", Name: "checkout", Tags: tags(svc, team), Evidence: "ecs.ListClusters clusterArn"}, "ECS cluster in us-east-1")
	d.need(cluster, pool, "ecs.DescribeCapacityProviders autoScalingGroupProvider")
	repo := d.managed(graph.Node{ID: arn("ecr", "us-east-1", awsProd, "repository/checkout-api"), Kind: "registry",
		Type: "AWS::ECR::Repository", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "checkout-api",
		Tags: tags(svc, team), Evidence: "ecr.DescribeRepositories repositoryArn"}, "ecr", "regional service")
	api := arn("ecs", "us-east-1", awsProd, "service/checkout/checkout-api")
	d.place(graph.Node{ID: api, Kind: "container_service", Type: "AWS::ECS::Service", Provider: "aws", Account: awsProd,
		Region: "us-east-1", Name: "checkout-api", Tags: tags(svc, team), Attrs: map[string]any{"desired_count": 12},
		Evidence: "ecs.DescribeServices serviceArn"}, "ECS service in us-east-1")
	d.need(api, cluster, "Service.clusterArn")
	d.need(api, repo, "TaskDefinition.containerDefinitions[0].image")
	db := d.rds(awsProd, "us-east-1", "orders-db", "postgres", svc, team, []string{"use1-az1", "use1-az2"}, 420)
	cart := d.redis(awsProd, "us-east-1", "checkout-cart", svc, team, []string{"use1-az2"})
	q := d.queue(awsProd, "us-east-1", "order-events", svc, team)
	dlq := d.queue(awsProd, "us-east-1", "order-events-dlq", svc, team)
	d.need(q, dlq, "sqs.GetQueueAttributes RedrivePolicy.deadLetterTargetArn")
	key := d.kms(awsProd, "us-east-1", "checkout", svc, team)
	sec := d.secret(awsProd, "us-east-1", "checkout/orders-db", svc, team)
	d.need(db, key, "DBInstance.KmsKeyId")
	d.need(sec, key, "Secret.KmsKeyId")
	for _, t := range []string{db, cart, q, sec} {
		d.need(api, t, "demo inventory: checkout-api dependencies")
	}
	d.ref["orders-db"], d.ref["order-events"] = db, q
	d.ref["checkout-alb"] = d.alb(awsProd, "us-east-1", "checkout", svc, team, use1, api)
	d.bucket(awsProd, "us-east-1", "bramblecart-checkout-receipts", svc, team, 35)
}

// payments: API Gateway and Lambda in us-east-1, a DynamoDB ledger, and two
// card processors of which one is enough. Its VPC functions reach the
// processors through a single NAT gateway in use1-az1.
func (d *demo) payments() {
	const svc, team = "payments", "payments-team"
	api := d.managed(graph.Node{ID: "arn:aws:apigateway:us-east-1::/restapis/pay7k2m9q1", Kind: "api",
		Type: "AWS::ApiGateway::RestApi", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "payments-api",
		Tags: tags(svc, team), Attrs: map[string]any{"endpoint_type": "REGIONAL"},
		Evidence: "apigateway.GetRestApis id=pay7k2m9q1"}, "apigateway", "regional service")
	ledger := d.managed(graph.Node{ID: arn("dynamodb", "us-east-1", awsProd, "table/payments-ledger"), Kind: "database",
		Type: "AWS::DynamoDB::Table", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "payments-ledger",
		Tags: tags(svc, team), Attrs: map[string]any{"stored_bytes": int64(1200) << 30, "global_table": false, "pitr": true},
		Evidence: "dynamodb.DescribeTable TableArn"}, "dynamodb", "regional service")
	nat := d.place(graph.Node{ID: arn("ec2", "us-east-1", awsProd, "natgateway/nat-0"+hexid("nat-pay", 16)), Kind: "nat_gateway",
		Type: "AWS::EC2::NatGateway", Provider: "aws", Account: awsProd, Region: "us-east-1", Zones: []string{"use1-az1"},
		Name: "payments-egress", Tags: tags(svc, team), Evidence: "ec2.DescribeNatGateways SubnetId -> AvailabilityZoneId=use1-az1"},
		"NatGateway.SubnetId in use1-az1")
	procs := d.group("group:card-processors", 1, []string{d.ref["stripe"], d.ref["adyen"]},
		"demo inventory: payments routes to Adyen when Stripe is unhealthy")
	key := d.kms(awsProd, "us-east-1", "payments", svc, team)
	d.need(ledger, key, "SSEDescription.KMSMasterKeyArn")
	for _, fn := range []string{"payments-authorize", "payments-capture", "payments-refund", "payments-webhooks", "payments-reconcile"} {
		f := d.lambda(awsProd, "us-east-1", fn, svc, team)
		d.need(api, f, "apigateway.GetIntegrations uri="+fn)
		d.need(f, ledger, "demo inventory: "+fn+" writes the ledger")
		d.need(f, nat, "Function.VpcConfig: private subnets route 0.0.0.0/0 to nat-payments-egress")
		d.need(f, procs, "demo inventory: "+fn+" calls a card processor")
	}
	d.ref["payments-api"] = api
	for i := 1; i <= 3; i++ {
		d.secret(awsProd, "us-east-1", fmt.Sprintf("payments/processor-key-%d", i), svc, team)
	}
}

// login: a Lambda backend with Auth0 as the only identity provider.
func (d *demo) login() {
	const svc, team = "login", "identity-team"
	api := d.managed(graph.Node{ID: "arn:aws:apigateway:us-east-1::/apis/login4h8d2", Kind: "api",
		Type: "AWS::ApiGatewayV2::Api", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "login-api",
		Tags: tags(svc, team), Evidence: "apigatewayv2.GetApis ApiId=login4h8d2"}, "apigateway", "regional service")
	sessions := d.managed(graph.Node{ID: arn("dynamodb", "us-east-1", awsProd, "table/login-sessions"), Kind: "database",
		Type: "AWS::DynamoDB::Table", Provider: "aws", Account: awsProd, Region: "us-east-1", Name: "login-sessions",
		Tags: tags(svc, team), Attrs: map[string]any{"stored_bytes": int64(40) << 30, "ttl": true},
		Evidence: "dynamodb.DescribeTable TableArn"}, "dynamodb", "regional service")
	for _, fn := range []string{"login-bff", "login-token-refresh", "login-mfa"} {
		f := d.lambda(awsProd, "us-east-1", fn, svc, team)
		d.need(api, f, "apigatewayv2.GetIntegrations IntegrationUri="+fn)
		d.need(f, sessions, "demo inventory: "+fn+" reads sessions")
		d.need(f, d.ref["auth0"], "demo inventory: "+fn+" validates tokens with Auth0 (no second IdP)")
	}
	d.ref["login-api"] = api
}

// search: an OpenSearch domain in a single zone.
func (d *demo) search() {
	const svc, team = "search", "discovery-team"
	dom := d.place(graph.Node{ID: arn("es", "us-east-1", awsProd, "domain/catalog-search"), Kind: "search",
		Type: "AWS::OpenSearchService::Domain", Provider: "aws", Account: awsProd, Region: "us-east-1",
		Zones: []string{"use1-az2"}, Name: "catalog-search", Tags: tags(svc, team),
		Attrs:    map[string]any{"zone_awareness": false, "instance_count": 3, "stored_bytes": int64(300) << 30},
		Evidence: "opensearch.DescribeDomain ZoneAwarenessEnabled=false"}, "ZoneAwarenessEnabled=false: every data node in use1-az2")
	fn := d.lambda(awsProd, "us-east-1", "search-query", svc, team)
	d.need(fn, dom, "demo inventory: search-query queries catalog-search")
	idx := d.lambda(awsProd, "us-east-1", "search-indexer", svc, team)
	d.need(idx, dom, "demo inventory: search-indexer writes catalog-search")
	d.need(idx, d.ref["catalog-topic"], "demo inventory: search-indexer subscribes to catalog-updates on GCP")
	d.ref["search-api"] = d.alb(awsProd, "us-east-1", "search", svc, team, use1, fn)
}

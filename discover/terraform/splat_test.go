package terraform

import "testing"

// The list attributes that hold several resources, audited type by type:
// any-of where the product serves from any one of them (the load balancer
// or resolver keeps its other zones), a need on every one only where the
// product really needs each. The rows live in relations/*.tsv; this table
// is the review, and fails if a row goes missing.
var splatAudit = []struct {
	typ, key string
	want     relation
}{
	// Subnet lists: the service places itself in any of them.
	{"aws_autoscaling_group", "vpc_zone_identifier", relAnyOf},
	{"aws_lb", "subnets", relAnyOf},
	{"aws_lb", "subnet_id", relAnyOf}, // subnet_mapping blocks, one per zone
	{"aws_alb", "subnet_id", relAnyOf},
	{"aws_elb", "subnets", relAnyOf},
	{"aws_db_subnet_group", "subnet_ids", relAnyOf},
	{"aws_elasticache_subnet_group", "subnet_ids", relAnyOf},
	{"aws_eks_cluster", "subnet_ids", relAnyOf},
	{"aws_eks_node_group", "subnet_ids", relAnyOf},
	{"aws_lambda_function", "subnet_ids", relAnyOf},
	{"aws_ecs_service", "subnets", relAnyOf},
	{"aws_vpc_endpoint", "subnet_ids", relAnyOf},
	{"aws_route53_resolver_endpoint", "subnet_id", relAnyOf}, // ip_address blocks, two zones at least
	{"aws_networkfirewall_firewall", "subnet_id", relAnyOf},  // subnet_mapping: one endpoint per zone
	{"aws_msk_cluster", "client_subnets", relAnyOf},          // brokers over the zones, replication factor 3
	// Lists of targets: the front serves while any one target does.
	{"aws_elb", "instances", relAnyOf},
	{"aws_globalaccelerator_endpoint_group", "endpoint_id", relAnyOf},
	{"google_compute_instance_group", "instances", relAnyOf},
	{"google_compute_target_pool", "instances", relAnyOf},
	{"google_compute_backend_service", "group", relAnyOf},
	{"azurerm_cdn_frontdoor_route", "cdn_frontdoor_origin_ids", relAnyOf},
	// Members: the target needs any one of the resources naming it.
	{"aws_autoscaling_group", "target_group_arns", relMember},
	{"aws_lb_target_group_attachment", "target_group_arn", relMember},
	// A resource's own name is no reference, even where other types use
	// the attribute to name it (three plan buckets all named "testing"
	// needed one another).
	{"aws_s3_bucket", "bucket", relNone},
	{"aws_s3_bucket_public_access_block", "bucket", relNeed},
	{"aws_rds_cluster", "cluster_identifier", relNone},
	{"aws_rds_cluster_instance", "cluster_identifier", relMember},
	// One each: a single subnet or interface is a real need.
	{"aws_instance", "subnet_id", relNeed},
	{"aws_nat_gateway", "subnet_id", relNeed},
	{"aws_efs_mount_target", "subnet_id", relNeed},
	{"azurerm_network_interface", "subnet_id", relNeed},
}

func TestSplatRelationsAudited(t *testing.T) {
	for _, c := range splatAudit {
		if got := relationOf(c.typ, c.key); got != c.want {
			t.Errorf("%s %s: relation %s, want %s", c.typ, c.key, got, c.want)
		}
	}
}

// aws_splats: facts read from terraform.tfstate before running. The NLB
// maps three subnets (one per zone), the classic ELB lists two instances
// in zones a and b, the resolver endpoint has addresses in zones a and b,
// the network firewall has an endpoint in each zone: none of them falls
// with zone a. The single instance and the NLB mapped to zone a's subnet
// only do.
func TestSplatsAreAlternatives(t *testing.T) {
	m := caseModel(t, "aws_splats")
	downAfter(t, m, "zone:aws/us-east-2/us-east-2a", map[string]bool{
		"aws_lb.nlb": false, "aws_elb.classic": false, "aws_route53_resolver_endpoint.inbound": false,
		"aws_networkfirewall_firewall.fw": false,
		"aws_instance.single":             true, "aws_lb.one_zone": true, "aws_instance.web[0]": true,
	})
}

package terraform

import "strings"

var awsSpecs = map[string]spec{
	"aws_instance":                            {kind: "instance", place: awsInstance},
	"aws_subnet":                              {kind: "subnet"},
	"aws_default_subnet":                      {kind: "subnet"},
	"aws_vpc":                                 {kind: "network"},
	"aws_default_vpc":                         {kind: "network"},
	"aws_nat_gateway":                         {kind: "nat_gateway", place: awsInstance},
	"aws_internet_gateway":                    {kind: "gateway"},
	"aws_route_table":                         {kind: "route_table"},
	"aws_route_table_association":             {kind: "route_table_association"},
	"aws_security_group":                      {kind: "security_group"},
	"aws_lb":                                  {kind: "load_balancer", service: "elb", place: awsLB},
	"aws_alb":                                 {kind: "load_balancer", service: "elb", place: awsLB},
	"aws_elb":                                 {kind: "load_balancer", service: "elb", place: awsLB},
	"aws_lb_listener":                         {kind: "listener", service: "elb"},
	"aws_alb_listener":                        {kind: "listener", service: "elb"},
	"aws_lb_listener_rule":                    {kind: "listener_rule", service: "elb"},
	"aws_lb_target_group":                     {kind: "target_group", service: "elb"},
	"aws_alb_target_group":                    {kind: "target_group", service: "elb"},
	"aws_lb_target_group_attachment":          {kind: "target_attachment"},
	"aws_autoscaling_group":                   {kind: "autoscaling_group", service: "autoscaling", place: awsASG},
	"aws_autoscaling_attachment":              {kind: "target_attachment"},
	"aws_launch_template":                     {kind: "launch_template"},
	"aws_launch_configuration":                {kind: "launch_template"},
	"aws_db_instance":                         {kind: "database", service: "rds", place: awsDBInstance},
	"aws_db_subnet_group":                     {kind: "subnet_group", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnet_ids") }},
	"aws_rds_cluster":                         {kind: "database_cluster", service: "rds", place: awsAZList},
	"aws_rds_cluster_instance":                {kind: "database", service: "rds"},
	"aws_rds_global_cluster":                  {kind: "database_global_cluster", service: "rds", global: true},
	"aws_dynamodb_table":                      {kind: "nosql_table", service: "dynamodb", place: awsReplicas("replica", "region_name")},
	"aws_dynamodb_global_table":               {kind: "nosql_table", service: "dynamodb", place: awsReplicas("replica", "region_name")},
	"aws_elasticache_replication_group":       {kind: "cache", service: "elasticache", place: awsCacheGroup},
	"aws_elasticache_cluster":                 {kind: "cache", service: "elasticache", place: awsAZList},
	"aws_elasticache_subnet_group":            {kind: "subnet_group", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnet_ids") }},
	"aws_s3_bucket":                           {kind: "bucket", service: "s3", place: awsBucket},
	"aws_s3_bucket_replication_configuration": {kind: "bucket_replication", service: "s3", place: awsBucketReplication},
	"aws_lambda_function":                     {kind: "function", service: "lambda", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnet_ids") }},
	"aws_lambda_event_source_mapping":         {kind: "event_source_mapping", service: "lambda"},
	"aws_ecs_cluster":                         {kind: "container_cluster", service: "ecs"},
	"aws_ecs_service":                         {kind: "container_service", service: "ecs", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnets") }},
	"aws_ecs_task_definition":                 {kind: "task_definition", service: "ecs"},
	"aws_eks_cluster":                         {kind: "kubernetes_cluster", service: "eks", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnet_ids") }},
	"aws_eks_node_group":                      {kind: "node_pool", service: "eks", place: func(_ *index, n *node) { zonesFromSubnets(n, "subnet_ids") }},
	"aws_sqs_queue":                           {kind: "queue", service: "sqs"},
	"aws_sns_topic":                           {kind: "topic", service: "sns"},
	"aws_kinesis_stream":                      {kind: "stream", service: "kinesis"},
	"aws_route53_zone":                        {kind: "dns_zone", service: "route53", global: true},
	"aws_route53_record":                      {kind: "dns_record", service: "route53", global: true},
	"aws_route53_health_check":                {kind: "health_check", service: "route53", global: true},
	"aws_cloudfront_distribution":             {kind: "cdn", service: "cloudfront", global: true},
	"aws_api_gateway_rest_api":                {kind: "api_gateway", service: "apigateway"},
	"aws_apigatewayv2_api":                    {kind: "api_gateway", service: "apigateway"},
	"aws_efs_file_system":                     {kind: "file_system", service: "efs", place: awsEFS},
	"aws_efs_mount_target":                    {kind: "mount_target", service: "efs"},
	"aws_kms_key":                             {kind: "key", service: "kms"},
	"aws_secretsmanager_secret":               {kind: "secret", service: "secretsmanager", place: awsReplicas("replica", "region")},
	"aws_ebs_volume":                          {kind: "volume", service: "ebs"},
	"aws_eip":                                 {kind: "public_ip"},
}

func awsInstance(_ *index, n *node) {
	if len(n.zones) == 0 {
		zonesFromSubnets(n, "subnet_id")
	}
	if len(n.zones) == 0 && !unknownNote(n, "availability_zone", "subnet_id") {
		zoneUnsaid(n, "no availability_zone or subnet zone in the file: AWS picks one zone")
	}
}

func awsLB(_ *index, n *node) {
	if az := strs(n.in.values, "availability_zones"); len(az) > 0 {
		n.setZones(az, "availability_zones")
		return
	}
	zonesFromSubnets(n, "subnets", "subnet_id")
}

func awsASG(_ *index, n *node) {
	if az := strs(n.in.values, "availability_zones"); len(az) > 0 && !n.in.unknown["availability_zones"] {
		n.setZones(az, "availability_zones")
	} else {
		zonesFromSubnets(n, "vpc_zone_identifier")
	}
	if _, ok := number(n.in.values, "min_size"); ok && len(n.zones) > 1 {
		// Instances are not in the state; the group replaces lost capacity
		// in the surviving zones, so any one zone keeps it serving.
		n.note = "min_size " + str(n.in.values, "min_size") + " spread over the zones; any one zone can hold it"
	}
}

func awsAZList(_ *index, n *node) {
	for _, k := range []string{"availability_zones", "preferred_availability_zones"} {
		if az := strs(n.in.values, k); len(az) > 0 && !n.in.unknown[k] {
			n.setZones(az, k)
			return
		}
	}
	if n.in.typ == "aws_rds_cluster" {
		// Aurora storage spans three zones whatever the list says.
		n.note = "Aurora cluster storage spans the region's zones: placed on the region"
		return
	}
	if len(n.zones) == 0 && !unknownNote(n, "availability_zones", "availability_zone") {
		zoneUnsaid(n, "no availability_zone in the file: AWS picks one zone")
	}
}

func awsDBInstance(_ *index, n *node) {
	if unknownNote(n, "multi_az") {
		return
	}
	if !boolean(n.in.values, "multi_az") {
		if len(n.zones) == 0 && !unknownNote(n, "availability_zone") {
			zoneUnsaid(n, "single-AZ (multi_az=false) and no availability_zone in the file")
		}
		return
	}
	var zones []string
	for _, g := range refsOfType(n, "db_subnet_group") {
		zones = append(zones, g.zones...)
	}
	if zones = uniqueSorted(zones); len(zones) > 1 {
		n.setZones(zones, "multi_az=true over the zones of db_subnet_group_name's subnets")
		return
	}
	n.zones = nil
	n.note = "multi_az=true; the standby zone is not in the file: placed on the region (zone-redundant)"
}

func awsCacheGroup(_ *index, n *node) {
	failover := boolean(n.in.values, "automatic_failover_enabled") || boolean(n.in.values, "multi_az_enabled")
	az := strs(n.in.values, "preferred_cache_cluster_azs")
	switch {
	case unknownNote(n, "automatic_failover_enabled", "multi_az_enabled"):
	case failover && len(az) > 1:
		n.setZones(az, "automatic_failover_enabled with preferred_cache_cluster_azs")
	case failover:
		n.note = "automatic failover across zones: placed on the region (zone-redundant)"
	case len(az) == 1:
		n.setZones(az, "preferred_cache_cluster_azs")
	default:
		zoneUnsaid(n, "no automatic failover: the primary is in one zone the file does not give")
	}
}

// awsReplicas makes a multi-region resource from replica blocks.
func awsReplicas(block, key string) func(*index, *node) {
	return func(_ *index, n *node) {
		regions := []string{n.region}
		for _, r := range blocks(n.in.values, block) {
			if s, ok := r[key].(string); ok {
				regions = append(regions, s)
			}
		}
		if regions = uniqueSorted(regions); len(regions) > 1 {
			n.regions, n.regionsEvidence = regions, block+"."+key
		}
	}
}

func awsBucket(ix *index, n *node) {
	for _, rc := range blocks(n.in.values, "replication_configuration") {
		for _, rule := range blocks(rc, "rules") {
			for _, d := range blocks(rule, "destination") {
				addBucketReplica(ix, n, str(d, "bucket"), "replication_configuration.rules.destination.bucket")
			}
		}
	}
}

func awsBucketReplication(ix *index, n *node) {
	var src *node
	for _, c := range ix.byValue[normValue(str(n.in.values, "bucket"))] {
		if c.in.typ == "aws_s3_bucket" && c.in.file == n.in.file {
			src = c
		}
	}
	if src == nil {
		return
	}
	n.setRegion(src.region, "the region of its bucket "+src.in.address)
	for _, rule := range blocks(n.in.values, "rule") {
		for _, d := range blocks(rule, "destination") {
			addBucketReplica(ix, src, str(d, "bucket"), n.in.address+" rule.destination.bucket")
		}
	}
}

// addBucketReplica adds the region of the destination bucket (found by its
// ARN in the files) to the source bucket's regions.
func addBucketReplica(ix *index, n *node, arn, evidence string) {
	for _, d := range ix.byValue[normValue(arn)] {
		if d.region != "" && n.region != "" && d.region != n.region {
			n.regions = uniqueSorted(append([]string{n.region, d.region}, n.regions...))
			n.regionsEvidence = "replicated to " + strings.TrimPrefix(arn, "arn:aws:s3:::") + " (" + evidence + ")"
		}
	}
}

func awsEFS(_ *index, n *node) {
	if az := knownString(n.in, "availability_zone_name"); az != "" {
		if m := awsAZ.FindStringSubmatch(az); m != nil {
			n.setZones([]string{az}, "availability_zone_name (EFS One Zone)")
		}
	}
}

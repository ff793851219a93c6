package terraform

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/discover/redact"
)

// allowedAttrs are the top-level attributes copied into a node's attrs when
// they hold a scalar: sizes, engines, tiers and redundancy settings. It is
// an allow-list on purpose: anything not named here (passwords, keys, user
// data, environment, connection strings, policies) never reaches the estate.
var allowedAttrs = toSet(
	// compute and scaling
	"instance_type", "machine_type", "size", "vm_size", "sku", "sku_name", "tier", "instances",
	"min_size", "max_size", "desired_capacity", "desired_count", "target_size", "node_count",
	"launch_type", "scheduling_strategy", "capacity", "enable_auto_scaling", "min_count", "max_count",
	// databases, caches, storage
	"engine", "engine_version", "engine_mode", "instance_class", "allocated_storage", "storage_type",
	"multi_az", "multi_az_enabled", "automatic_failover_enabled", "num_cache_clusters", "number_cache_clusters",
	"num_cache_nodes", "num_node_groups", "replicas_per_node_group", "node_type", "billing_mode",
	"database_version", "availability_type", "zone_redundant", "account_tier", "account_replication_type",
	"account_kind", "access_tier", "storage_class", "location_type", "replica_count", "read_replica_count",
	"enable_automatic_failover", "enable_multiple_write_locations", "automatic_failover_enabled_flag",
	"kind", "offer_type", "consistency_level", "deletion_protection", "backup_retention_period",
	"storage_encrypted", "performance_mode", "throughput_mode", "shard_count", "stream_mode",
	"fifo_queue", "redis_version", "memory_size_gb", "processing_units", "num_nodes", "config",
	"zone_balancing_enabled", "worker_count", "os_type", "geo_backup_enabled",
	// network and delivery
	"cidr_block", "address_space_size", "load_balancer_type", "internal", "scheme", "ip_address_type",
	"load_balancing_scheme", "protocol", "port", "target_type", "allocation_method", "connectivity_type",
	"enabled", "price_class", "is_ipv6_enabled", "routing_policy", "type", "ttl", "private_zone",
	"traffic_routing_method", "set_identifier", "visibility",
	// functions and services
	"runtime", "memory_size", "timeout", "package_type", "platform_version", "version",
	"remove_default_node_pool", "networking_mode", "kubernetes_version", "protocol_type",
	"key_usage", "multi_region", "publicly_accessible", "public_network_access_enabled",
)

// nestedAttrs are redundancy settings kept inside blocks: attr name -> path.
var nestedAttrs = map[string][]string{
	"availability_type":    {"settings", "availability_type"},
	"tier":                 {"settings", "tier"},
	"high_availability":    {"high_availability", "mode"},
	"desired_size":         {"scaling_config", "desired_size"},
	"min_nodes":            {"scaling_config", "min_size"},
	"failover":             {"failover_routing_policy", "type"},
	"default_node_pool_vm": {"default_node_pool", "vm_size"},
}

// placementKeys are the top-level attributes placement depends on; when a
// plan leaves them unknown, the node says so.
var placementKeys = toSet("availability_zone", "availability_zones", "availability_zone_id", "zone", "zones",
	"region", "location", "subnet_id", "subnet_ids", "vpc_zone_identifier", "subnets", "node_locations",
	"arn", "id", "self_link", "replica", "geo_location", "settings", "high_availability", "vpc_config",
	"distribution_policy_zones", "distribution_policy_target_shape")

func toSet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// copyAttrs picks the allowed, non-sensitive, known scalar attributes.
func copyAttrs(in *instance) map[string]any {
	out := map[string]any{}
	for k, v := range in.values {
		if !allowedAttrs[k] || in.sensitive[k] || in.unknown[k] {
			continue
		}
		switch t := v.(type) {
		case string:
			if t != "" && len(t) <= 200 {
				out[k] = t
			}
		case bool, float64:
			out[k] = t
		}
	}
	for name, path := range nestedAttrs {
		if in.sensitive[path[0]] || in.unknown[path[0]] {
			continue
		}
		switch t := get(in.values, path...).(type) {
		case string:
			if t != "" && len(t) <= 200 {
				out[name] = t
			}
		case bool, float64:
			out[name] = t
		}
	}
	var unknown []string
	for k := range in.unknown {
		if allowedAttrs[k] || placementKeys[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		out["unknown_after_apply"] = unknown
	}
	return redact.Attrs(out)
}

// nameKeys hold a resource's own name, in order of preference.
var nameKeys = []string{"name", "bucket", "function_name", "identifier", "cluster_identifier",
	"replication_group_id", "cluster_id", "cluster_name", "node_group_name", "domain_name"}

// resourceName is the resource's cloud name, else its Name tag (from
// tags(in)), else its Terraform name.
func resourceName(in *instance, tags map[string]string) string {
	for _, k := range nameKeys {
		if in.sensitive[k] {
			continue
		}
		if s, ok := in.values[k].(string); ok && s != "" && len(s) <= 200 {
			return s
		}
	}
	if tags["Name"] != "" {
		return tags["Name"]
	}
	addr := configAddress(in.address)
	return addr[strings.LastIndexByte(addr, '.')+1:]
}

// tags are the string entries of "tags" (AWS, Azure) or "labels" (GCP),
// secrets redacted by the shared rule.
func tags(in *instance) map[string]string {
	var out map[string]string
	for _, key := range []string{"tags", "labels"} {
		m, ok := in.values[key].(map[string]any)
		if !ok || in.sensitive[key] || in.sensitive["*"] {
			continue
		}
		for k, v := range m {
			if s, ok := v.(string); ok {
				if out == nil {
					out = map[string]string{}
				}
				out[k] = s
			}
		}
	}
	return redact.Tags(out)
}

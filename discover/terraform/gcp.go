package terraform

import (
	"strings"

	"github.com/untether-dev/untether/discover/regions"
)

var gcpSpecs = map[string]spec{
	"google_compute_instance":                      {kind: "instance"},
	"google_compute_instance_group_manager":        {kind: "instance_group", service: "compute"},
	"google_compute_region_instance_group_manager": {kind: "instance_group", service: "compute", place: gcpRegionalMIG},
	"google_compute_network_endpoint_group":        {kind: "network_endpoint_group"},
	"google_compute_instance_group":                {kind: "instance_group"},
	"google_compute_instance_template":             {kind: "launch_template"},
	"google_compute_backend_service":               {kind: "backend_service", service: "cloud-load-balancing", global: true},
	"google_compute_region_backend_service":        {kind: "backend_service", service: "cloud-load-balancing"},
	"google_compute_forwarding_rule":               {kind: "load_balancer", service: "cloud-load-balancing"},
	"google_compute_global_forwarding_rule":        {kind: "load_balancer", service: "cloud-load-balancing", global: true},
	"google_compute_url_map":                       {kind: "url_map", service: "cloud-load-balancing", global: true},
	"google_compute_target_http_proxy":             {kind: "proxy", service: "cloud-load-balancing", global: true},
	"google_compute_target_https_proxy":            {kind: "proxy", service: "cloud-load-balancing", global: true},
	"google_compute_health_check":                  {kind: "health_check", service: "cloud-load-balancing", global: true},
	"google_compute_network":                       {kind: "network", service: "vpc", global: true},
	"google_compute_subnetwork":                    {kind: "subnet"},
	"google_compute_router_nat":                    {kind: "nat_gateway", service: "cloud-nat"},
	"google_compute_firewall":                      {kind: "firewall", service: "vpc", global: true},
	"google_compute_address":                       {kind: "public_ip"},
	"google_compute_disk":                          {kind: "volume"},
	"google_sql_database_instance":                 {kind: "database", service: "cloudsql", place: gcpSQL},
	"google_container_cluster":                     {kind: "kubernetes_cluster", service: "gke", place: gcpGKE},
	"google_container_node_pool":                   {kind: "node_pool", service: "gke", place: gcpGKE},
	"google_storage_bucket":                        {kind: "bucket", service: "gcs", place: gcpBucket},
	"google_cloud_run_service":                     {kind: "container_service", service: "cloud-run"},
	"google_cloud_run_v2_service":                  {kind: "container_service", service: "cloud-run"},
	"google_cloudfunctions_function":               {kind: "function", service: "cloud-functions"},
	"google_cloudfunctions2_function":              {kind: "function", service: "cloud-functions"},
	"google_pubsub_topic":                          {kind: "topic", service: "pubsub", global: true},
	"google_pubsub_subscription":                   {kind: "queue", service: "pubsub", global: true},
	"google_spanner_instance":                      {kind: "database", service: "spanner", place: gcpSpanner},
	"google_redis_instance":                        {kind: "cache", service: "memorystore", place: gcpRedis},
	"google_bigquery_dataset":                      {kind: "data_warehouse", service: "bigquery", place: gcpMultiRegion},
	"google_dns_managed_zone":                      {kind: "dns_zone", service: "cloud-dns", global: true},
	"google_dns_record_set":                        {kind: "dns_record", service: "cloud-dns", global: true},
	"google_kms_crypto_key":                        {kind: "key", service: "cloud-kms"},
	"google_secret_manager_secret":                 {kind: "secret", service: "secret-manager", global: true},
	"google_project_iam_member":                    {kind: "iam", service: "iam", global: true},
	"google_service_account":                       {kind: "identity", service: "iam", global: true},
}

func gcpSQL(_ *index, n *node) {
	zone := str(n.in.values, "settings", "location_preference", "zone")
	if zone == "" {
		zone = knownString(n.in, "gce_zone")
	}
	switch strings.ToUpper(str(n.in.values, "settings", "availability_type")) {
	case "REGIONAL":
		secondary := str(n.in.values, "settings", "location_preference", "secondary_zone")
		if zone != "" && secondary != "" {
			n.setZones([]string{zone, secondary}, "settings.availability_type=REGIONAL with location_preference zones")
		} else {
			n.zones = nil
			n.note = "settings.availability_type=REGIONAL: zone-redundant, placed on the region"
		}
	case "ZONAL":
		if zone != "" {
			n.setZones([]string{zone}, "settings.availability_type=ZONAL, location_preference.zone")
		}
		zoneUnsaid(n, "settings.availability_type=ZONAL with no zone in the file: Google picks one")
	default:
		if n.in.unknown["settings"] {
			n.undecided = "settings known after apply"
		} else if zone != "" {
			n.setZones([]string{zone}, "location_preference.zone (availability_type defaults to ZONAL)")
		}
		zoneUnsaid(n, "availability_type defaults to ZONAL and no zone is in the file: Google picks one")
	}
}

func gcpGKE(_ *index, n *node) {
	loc := strings.ToLower(knownString(n.in, "location"))
	if z := strs(n.in.values, "node_locations"); len(z) > 0 && !n.in.unknown["node_locations"] {
		if gcpZone.MatchString(loc) {
			z = append(z, loc)
		}
		n.setZones(z, "node_locations")
		return
	}
	if gcpRegion.MatchString(loc) {
		n.zones = nil
		n.note = "regional location " + loc + ": control plane and nodes across the region's zones"
	}
}

func gcpBucket(_ *index, n *node) {
	loc := strings.ToLower(knownString(n.in, "location"))
	if dl := strs(n.in.values, "custom_placement_config", "data_locations"); len(dl) > 1 {
		for i := range dl {
			dl[i] = strings.ToLower(dl[i])
		}
		n.regions, n.regionsEvidence = dl, "custom_placement_config.data_locations"
		return
	}
	if r := regions.GCPDualRegion(loc); r != nil {
		n.regions, n.regionsEvidence = r, "location="+strings.ToUpper(loc)+" (dual-region)"
		return
	}
	gcpMultiRegion(nil, n)
}

// gcpMultiRegion: a multi-region location (US, EU, ASIA) survives a region
// loss; it is modelled as the global service.
func gcpMultiRegion(_ *index, n *node) {
	loc := strings.ToLower(knownString(n.in, "location"))
	switch loc {
	case "us", "eu", "asia":
		n.region = "global"
		n.note = "multi-region location " + strings.ToUpper(loc)
	default:
		if gcpRegion.MatchString(loc) {
			n.region, n.regionEvidence = loc, "location"
		}
	}
}

func gcpSpanner(_ *index, n *node) {
	cfg := lastSegment(knownString(n.in, "config"))
	if r, ok := strings.CutPrefix(cfg, "regional-"); ok {
		n.region, n.regionEvidence = r, "config="+cfg
		n.note = "regional config: replicas in three zones"
		return
	}
	if cfg != "" {
		n.region = "global"
		n.note = "multi-region config " + cfg
	}
}

func gcpRedis(_ *index, n *node) {
	zone := knownString(n.in, "location_id")
	alt := knownString(n.in, "alternative_location_id")
	switch {
	case strings.EqualFold(str(n.in.values, "tier"), "STANDARD_HA") && zone != "" && alt != "":
		n.setZones([]string{zone, alt}, "tier=STANDARD_HA with location_id and alternative_location_id")
	case strings.EqualFold(str(n.in.values, "tier"), "STANDARD_HA"):
		n.note = "tier=STANDARD_HA: zone-redundant, placed on the region"
	case zone != "":
		n.setZones([]string{zone}, "tier=BASIC, location_id")
	}
	if m := gcpZone.FindStringSubmatch(zone); m != nil {
		n.setRegion(m[1], "location_id")
	}
}

// gcpRegionalMIG: a regional managed instance group spreads over
// distribution_policy_zones, or over the region's zones when none are
// listed; target_shape ANY_SINGLE_ZONE puts every VM in one zone Google
// picks, ANY may (it promises no spread), and so may a shape unknown until
// apply: the zone decided at apply, as the GCP collector places it.
func gcpRegionalMIG(_ *index, n *node) {
	z := strs(n.in.values, "distribution_policy_zones")
	if unknownNote(n, "distribution_policy_target_shape") {
		return
	}
	shape := knownString(n.in, "distribution_policy_target_shape")
	if why, one := regions.GCPShapeMayBeOneZone(shape); one {
		n.zones = nil
		zoneUnsaid(n, "distribution_policy_target_shape="+shape+": "+why)
		return
	}
	if len(z) > 0 && !n.in.unknown["distribution_policy_zones"] {
		n.setZones(z, "distribution_policy_zones")
		return
	}
	n.note = "regional instance group with no distribution_policy_zones: spread over the region's zones"
}

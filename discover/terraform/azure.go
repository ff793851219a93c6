package terraform

import "strings"

var azureSpecs = map[string]spec{
	"azurerm_linux_virtual_machine":                  {kind: "instance", place: azureZonal},
	"azurerm_windows_virtual_machine":                {kind: "instance", place: azureZonal},
	"azurerm_virtual_machine":                        {kind: "instance", place: azureZonal},
	"azurerm_managed_disk":                           {kind: "volume", place: azureZonal},
	"azurerm_nat_gateway":                            {kind: "nat_gateway", service: "nat-gateway", place: azureZonal},
	"azurerm_bastion_host":                           {kind: "bastion", service: "bastion", place: azureZonal},
	"azurerm_virtual_network_gateway":                {kind: "vpn_gateway", service: "vpn-gateway", place: azureGatewaySKU},
	"azurerm_express_route_gateway":                  {kind: "vpn_gateway", service: "expressroute", place: azureHub},
	"azurerm_vpn_gateway":                            {kind: "vpn_gateway", service: "vpn-gateway", place: azureHub},
	"azurerm_virtual_hub":                            {kind: "virtual_hub", service: "virtual-wan", place: azureHub},
	"azurerm_virtual_wan":                            {kind: "virtual_wan", service: "virtual-wan"},
	"azurerm_traffic_manager_azure_endpoint":         {kind: "endpoint", service: "traffic-manager", global: true},
	"azurerm_traffic_manager_external_endpoint":      {kind: "endpoint", service: "traffic-manager", global: true},
	"azurerm_traffic_manager_nested_endpoint":        {kind: "endpoint", service: "traffic-manager", global: true},
	"azurerm_cdn_frontdoor_endpoint":                 {kind: "cdn_endpoint", service: "front-door", global: true},
	"azurerm_cdn_frontdoor_origin_group":             {kind: "origin_group", service: "front-door", global: true},
	"azurerm_cdn_frontdoor_origin":                   {kind: "origin", service: "front-door", global: true},
	"azurerm_cdn_frontdoor_route":                    {kind: "cdn_route", service: "front-door", global: true},
	"azurerm_virtual_machine_scale_set":              {kind: "scale_set"},
	"azurerm_linux_virtual_machine_scale_set":        {kind: "scale_set"},
	"azurerm_windows_virtual_machine_scale_set":      {kind: "scale_set"},
	"azurerm_orchestrated_virtual_machine_scale_set": {kind: "scale_set"},
	"azurerm_availability_set":                       {kind: "availability_set"},
	"azurerm_lb":                                     {kind: "load_balancer", service: "load-balancer", place: azureFrontendZones},
	"azurerm_lb_backend_address_pool":                {kind: "backend_pool", service: "load-balancer"},
	"azurerm_application_gateway":                    {kind: "load_balancer", service: "application-gateway"},
	"azurerm_public_ip":                              {kind: "public_ip", place: azureZonal},
	"azurerm_kubernetes_cluster":                     {kind: "kubernetes_cluster", service: "aks", place: azureAKS},
	"azurerm_kubernetes_cluster_node_pool":           {kind: "node_pool", service: "aks"},
	"azurerm_mssql_server":                           {kind: "database_server", service: "sql-database"},
	"azurerm_sql_server":                             {kind: "database_server", service: "sql-database"},
	"azurerm_mssql_database":                         {kind: "database", service: "sql-database", place: azureZoneRedundant},
	"azurerm_sql_database":                           {kind: "database", service: "sql-database", place: azureZoneRedundant},
	"azurerm_mssql_failover_group":                   {kind: "failover_group", service: "sql-database"},
	"azurerm_postgresql_flexible_server":             {kind: "database", service: "postgresql", place: azureFlexibleHA},
	"azurerm_mysql_flexible_server":                  {kind: "database", service: "mysql", place: azureFlexibleHA},
	"azurerm_postgresql_server":                      {kind: "database", service: "postgresql"},
	"azurerm_mysql_server":                           {kind: "database", service: "mysql"},
	"azurerm_cosmosdb_account":                       {kind: "nosql_database", service: "cosmosdb", place: azureCosmos},
	"azurerm_storage_account":                        {kind: "storage_account", service: "storage", place: azureStorage},
	"azurerm_redis_cache":                            {kind: "cache", service: "redis"},
	"azurerm_servicebus_namespace":                   {kind: "queue", service: "service-bus", place: azureZoneRedundant},
	"azurerm_eventhub_namespace":                     {kind: "stream", service: "event-hubs", place: azureZoneRedundant},
	"azurerm_app_service":                            {kind: "web_app", service: "app-service"},
	"azurerm_linux_web_app":                          {kind: "web_app", service: "app-service"},
	"azurerm_windows_web_app":                        {kind: "web_app", service: "app-service"},
	"azurerm_function_app":                           {kind: "function", service: "functions"},
	"azurerm_linux_function_app":                     {kind: "function", service: "functions"},
	"azurerm_windows_function_app":                   {kind: "function", service: "functions"},
	"azurerm_service_plan":                           {kind: "app_service_plan", service: "app-service", place: azureZoneBalancing},
	"azurerm_app_service_plan":                       {kind: "app_service_plan", service: "app-service", place: azureZoneBalancing},
	"azurerm_frontdoor":                              {kind: "cdn", service: "front-door", global: true},
	"azurerm_cdn_frontdoor_profile":                  {kind: "cdn", service: "front-door", global: true},
	"azurerm_cdn_profile":                            {kind: "cdn", service: "cdn", global: true},
	"azurerm_cdn_endpoint":                           {kind: "cdn", service: "cdn", global: true},
	"azurerm_dns_zone":                               {kind: "dns_zone", service: "dns", global: true},
	"azurerm_dns_a_record":                           {kind: "dns_record", service: "dns", global: true},
	"azurerm_dns_cname_record":                       {kind: "dns_record", service: "dns", global: true},
	"azurerm_traffic_manager_profile":                {kind: "dns_load_balancer", service: "traffic-manager", global: true},
	"azurerm_firewall":                               {kind: "firewall", service: "firewall", place: azureZonal},
	"azurerm_virtual_network":                        {kind: "network"},
	"azurerm_subnet":                                 {kind: "subnet"},
	"azurerm_network_interface":                      {kind: "network_interface"},
	"azurerm_network_security_group":                 {kind: "security_group"},
	"azurerm_resource_group":                         {kind: "resource_group"},
	"azurerm_key_vault":                              {kind: "key_vault", service: "key-vault"},
}

// azurePairs are Azure's region pairs, for geo-redundant storage.
var azurePairs = map[string]string{
	"eastus": "westus", "westus": "eastus", "eastus2": "centralus", "centralus": "eastus2",
	"northcentralus": "southcentralus", "southcentralus": "northcentralus", "westus2": "westcentralus",
	"westcentralus": "westus2", "westus3": "eastus", "northeurope": "westeurope", "westeurope": "northeurope",
	"uksouth": "ukwest", "ukwest": "uksouth", "francecentral": "francesouth", "germanywestcentral": "germanynorth",
	"swedencentral": "swedensouth", "southeastasia": "eastasia", "eastasia": "southeastasia",
	"japaneast": "japanwest", "japanwest": "japaneast", "australiaeast": "australiasoutheast",
	"australiasoutheast": "australiaeast", "canadacentral": "canadaeast", "canadaeast": "canadacentral",
	"brazilsouth": "southcentralus", "centralindia": "southindia", "southindia": "centralindia",
	"koreacentral": "koreasouth", "switzerlandnorth": "switzerlandwest", "norwayeast": "norwaywest",
	"uaenorth": "uaecentral", "southafricanorth": "southafricawest",
}

func azureFrontendZones(_ *index, n *node) {
	var zones []string
	for _, fe := range blocks(n.in.values, "frontend_ip_configuration") {
		zones = append(zones, strs(fe, "zones")...)
	}
	if len(zones) > 0 {
		n.setZones(zones, "frontend_ip_configuration.zones")
	}
}

func azureAKS(_ *index, n *node) {
	for _, k := range []string{"zones", "availability_zones"} {
		if z := strs(n.in.values, "default_node_pool", k); len(z) > 0 {
			n.setZones(z, "default_node_pool."+k)
			return
		}
	}
}

func azureZoneRedundant(_ *index, n *node) {
	if boolean(n.in.values, "zone_redundant") {
		n.note = "zone_redundant=true: placed on the region"
	}
}

func azureZoneBalancing(_ *index, n *node) {
	if boolean(n.in.values, "zone_balancing_enabled") || boolean(n.in.values, "zone_redundant") {
		n.note = "zone balancing enabled: placed on the region"
	}
}

func azureFlexibleHA(_ *index, n *node) {
	zone := knownString(n.in, "zone")
	mode := str(n.in.values, "high_availability", "mode")
	standby := str(n.in.values, "high_availability", "standby_availability_zone")
	switch {
	case strings.EqualFold(mode, "ZoneRedundant") && zone != "" && standby != "" && zone != standby:
		n.setZones([]string{zone, standby}, "high_availability.mode=ZoneRedundant, zone and standby_availability_zone")
	case strings.EqualFold(mode, "ZoneRedundant"):
		n.zones = nil
		n.note = "high_availability.mode=ZoneRedundant: placed on the region"
	}
}

func azureCosmos(_ *index, n *node) {
	var regions []string
	for _, g := range blocks(n.in.values, "geo_location") {
		if l := azureLocation(str(g, "location")); l != "" {
			regions = append(regions, l)
		}
	}
	if regions = uniqueSorted(regions); len(regions) > 1 {
		n.regions, n.regionsEvidence = regions, "geo_location"
		if !boolean(n.in.values, "enable_automatic_failover") && !boolean(n.in.values, "automatic_failover_enabled") {
			n.regionsEvidence += " (manual failover)"
		}
	} else if len(regions) == 1 {
		n.setRegion(regions[0], "geo_location.location")
	}
}

func azureStorage(_ *index, n *node) {
	rep := strings.ToUpper(knownString(n.in, "account_replication_type"))
	switch rep {
	case "GRS", "RAGRS", "GZRS", "RAGZRS":
		if pair := azurePairs[n.region]; pair != "" {
			n.regions, n.regionsEvidence = []string{n.region, pair}, "account_replication_type="+rep+" (paired region "+pair+")"
		}
	case "ZRS":
		n.note = "account_replication_type=ZRS: zone-redundant, placed on the region"
	case "LRS":
		zoneUnsaid(n, "account_replication_type=LRS: one datacenter whose zone the file does not say")
	}
}

// azureZonal: a VM, disk, NAT gateway, Bastion host, firewall or public IP
// with zones is in them; without, Azure picks a zone the file cannot say
// (a "no-zone" deployment is not zone-resilient). An availability
// set spreads fault and update domains inside one datacenter: racks, not
// zones, so it never makes a VM zone-redundant.
func azureZonal(_ *index, n *node) {
	if len(n.zones) > 0 {
		if len(n.zones) > 1 && n.in.typ == "azurerm_nat_gateway" {
			n.note = "a NAT gateway lives in one zone" // the provider allows one
		}
		return
	}
	if n.in.unknown["zones"] || n.in.unknown["zone"] {
		n.undecided = "zones known after apply"
		return
	}
	why := "no zones in the file: Azure picks one zone"
	if s, _ := n.in.values["availability_set_id"].(string); s != "" || n.in.unknown["availability_set_id"] {
		why = "availability set (fault domains inside one zone, not zones) and no zones: Azure picks one zone"
	}
	zoneUnsaid(n, why)
}

// azureGatewaySKU: a virtual network gateway with an AZ SKU (VpnGw1AZ,
// ErGw1AZ ...) is zone-redundant; other SKUs run an active-standby pair in
// no chosen zone.
func azureGatewaySKU(_ *index, n *node) {
	sku := knownString(n.in, "sku")
	switch {
	case strings.HasSuffix(strings.ToUpper(sku), "AZ"):
		n.note = "sku=" + sku + " is zone-redundant: placed on the region"
	case n.in.unknown["sku"]:
		n.undecided = "sku known after apply"
	default:
		zoneUnsaid(n, "sku="+sku+" is not an AZ SKU: both instances may share one zone")
	}
}

// azureHub: vWAN hubs and their gateways are Microsoft-managed and
// zone-redundant in regions with zones.
func azureHub(_ *index, n *node) {
	n.note = "virtual WAN hubs and their gateways are zone-redundant where the region has zones: placed on the region"
}

package azurefake

// The golden estate: a shop in eastus (zones 1-3) with a data
// subscription, modelled on real Resource Graph rows (the Azure API
// recordings in ../shared/corpus show the shapes). Each resource is there
// for one redundancy rule; the comments say which answer it must give.

// Subscriptions of the fixture.
const (
	SubShop = "5b0c1e0a-7d43-4c61-9c2f-1d2e3f4a5b6c"
	SubData = "9e8d7c6b-5a49-4837-a625-1b2c3d4e5f60"
)

// Secrets planted in tags; they must never reach an estate.
var Secrets = []string{"hunter2-do-not-store", "AccountKey=c2VjcmV0LWtleQ=="}

const (
	rg    = "rg-shop"
	east  = "eastus"
	west  = "westus2"
	webRG = "rg-web"
)

var all3 = []string{"1", "2", "3"}

func tags(service string) map[string]string {
	return map[string]string{"service": service, "db_password": "hunter2-do-not-store"}
}

// Fixture is the golden estate's rows.
func Fixture() []Row {
	sqlServer := ID(SubShop, rg, "Microsoft.Sql/servers", "sql-shop")
	sqlWest := ID(SubShop, rg, "Microsoft.Sql/servers", "sql-shop-west")
	pipAGW := ID(SubShop, webRG, "Microsoft.Network/publicIPAddresses", "pip-agw")
	afd := ID(SubShop, webRG, "Microsoft.Cdn/profiles", "afd-shop")
	aks := ID(SubShop, rg, "Microsoft.ContainerService/managedClusters", "aks-shop")
	res := []Resource{
		// A zonal VM needs its zone; one in an availability set (fault
		// domains, not zones) sits in a zone Azure does not say.
		{Sub: SubShop, Group: rg, Type: "Microsoft.Compute/virtualMachines", Name: "vm-batch", Location: east, Zones: []string{"2"},
			Props: map[string]any{"hardwareProfile": map[string]any{"vmSize": "Standard_D2s_v5"}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Compute/virtualMachines", Name: "vm-legacy", Location: east,
			Props: map[string]any{"availabilitySet": map[string]any{"id": ID(SubShop, rg, "Microsoft.Compute/availabilitySets", "avset-legacy")}}},
		// Three instances over three zones survive any one zone.
		{Sub: SubShop, Group: rg, Type: "Microsoft.Compute/virtualMachineScaleSets", Name: "vmss-web", Location: east, Zones: all3,
			SKU: map[string]any{"name": "Standard_D2s_v5", "tier": "Standard", "capacity": 3}, Tags: tags("shop"),
			Props: map[string]any{"zoneBalance": true, "orchestrationMode": "Uniform"}},
		// One instance over three zones is in one of them.
		{Sub: SubShop, Group: rg, Type: "Microsoft.Compute/virtualMachineScaleSets", Name: "vmss-single", Location: east, Zones: all3,
			SKU: map[string]any{"name": "Standard_B2s", "tier": "Standard", "capacity": 1}, Props: map[string]any{"zoneBalance": false}},
		// The system pool spans zones; the user pool is in zone 1 only.
		{ID: aks, Sub: SubShop, Group: rg, Type: "Microsoft.ContainerService/managedClusters", Name: "aks-shop", Location: east,
			SKU: map[string]any{"name": "Base", "tier": "Standard"}, Tags: tags("shop"),
			Props: map[string]any{"agentPoolProfiles": []any{
				map[string]any{"name": "system", "mode": "System", "count": 3, "availabilityZones": all3, "vmSize": "Standard_D4s_v5"},
				map[string]any{"name": "spot", "mode": "User", "count": 2, "availabilityZones": []string{"1"}, "vmSize": "Standard_D8s_v5"},
			}}},
		{ID: sqlServer, Sub: SubShop, Group: rg, Type: "Microsoft.Sql/servers", Name: "sql-shop", Location: east,
			Props: map[string]any{"fullyQualifiedDomainName": "sql-shop.database.windows.net", "administratorLogin": "shopadmin"}},
		{ID: sqlWest, Sub: SubShop, Group: rg, Type: "Microsoft.Sql/servers", Name: "sql-shop-west", Location: west},
		{ID: sqlServer + "/databases/orders", Sub: SubShop, Type: "Microsoft.Sql/servers/databases", Name: "orders", Location: east,
			SKU: map[string]any{"name": "GP_Gen5", "tier": "GeneralPurpose", "capacity": 2}, Props: map[string]any{"zoneRedundant": true}},
		{ID: sqlServer + "/databases/reports", Sub: SubShop, Type: "Microsoft.Sql/servers/databases", Name: "reports", Location: east,
			SKU: map[string]any{"name": "Standard", "tier": "Standard", "capacity": 10}, Props: map[string]any{"zoneRedundant": false}},
		{ID: sqlServer + "/databases/master", Sub: SubShop, Type: "Microsoft.Sql/servers/databases", Name: "master", Location: east,
			SKU: map[string]any{"name": "System", "tier": "System", "capacity": 0}},
		{ID: sqlServer + "/failoverGroups/fog-shop", Sub: SubShop, Type: "Microsoft.Sql/servers/failoverGroups", Name: "fog-shop", Location: east,
			Props: map[string]any{"readWriteEndpoint": map[string]any{"failoverPolicy": "Automatic"},
				"partnerServers": []any{map[string]any{"id": sqlWest, "location": "West US 2", "replicationRole": "Secondary"}}}},
		// Single write region with service-managed failover survives eastus.
		{Sub: SubShop, Group: rg, Type: "Microsoft.DocumentDB/databaseAccounts", Name: "cosmos-carts", Location: east, Kind: "GlobalDocumentDB",
			Props: map[string]any{"enableAutomaticFailover": true, "enableMultipleWriteLocations": false, "locations": []any{
				map[string]any{"locationName": "East US", "failoverPriority": 0, "isZoneRedundant": true},
				map[string]any{"locationName": "West US 2", "failoverPriority": 1, "isZoneRedundant": false}}}},
		// Single write region without automatic failover: writes need eastus.
		{Sub: SubShop, Group: rg, Type: "Microsoft.DocumentDB/databaseAccounts", Name: "cosmos-audit", Location: east, Kind: "GlobalDocumentDB",
			Props: map[string]any{"enableAutomaticFailover": false, "enableMultipleWriteLocations": false, "locations": []any{
				map[string]any{"locationName": "East US", "failoverPriority": 0, "isZoneRedundant": true},
				map[string]any{"locationName": "West US 2", "failoverPriority": 1, "isZoneRedundant": true}}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Storage/storageAccounts", Name: "stshopassets", Location: east, Kind: "StorageV2",
			SKU: map[string]any{"name": "Standard_LRS", "tier": "Standard"}, Tags: map[string]string{"connection_string": "DefaultEndpointsProtocol=https;AccountKey=c2VjcmV0LWtleQ=="}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Storage/storageAccounts", Name: "stshopzrs", Location: east, Kind: "StorageV2",
			SKU: map[string]any{"name": "Standard_ZRS", "tier": "Standard"}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Storage/storageAccounts", Name: "stshopgeo", Location: east, Kind: "StorageV2",
			SKU: map[string]any{"name": "Standard_RAGRS", "tier": "Standard"}, Props: map[string]any{"secondaryLocation": "westus"}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Cache/Redis", Name: "redis-sessions", Location: east, Zones: []string{"1", "2"},
			Props: map[string]any{"sku": map[string]any{"name": "Premium", "family": "P", "capacity": 1}, "replicasPerMaster": 1}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.KeyVault/vaults", Name: "kv-shop", Location: east, Props: map[string]any{"tenantId": "72f988bf-0000-0000-0000-000000000000"}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.EventHub/namespaces", Name: "evh-shop", Location: east,
			SKU: map[string]any{"name": "Standard", "tier": "Standard"}, Props: map[string]any{"zoneRedundant": true}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.ServiceBus/namespaces", Name: "sb-shop", Location: east,
			SKU: map[string]any{"name": "Standard", "tier": "Standard"}, Props: map[string]any{"zoneRedundant": false}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Web/serverfarms", Name: "plan-shop", Location: east, Kind: "linux",
			SKU: map[string]any{"name": "P1v3", "tier": "PremiumV3", "capacity": 3}, Props: map[string]any{"zoneRedundant": true}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Web/serverfarms", Name: "plan-func", Location: east, Kind: "functionapp",
			SKU: map[string]any{"name": "Y1", "tier": "Dynamic"}, Props: map[string]any{"zoneRedundant": false}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Web/sites", Name: "app-shop", Location: east, Kind: "app,linux", Tags: tags("shop"),
			Props: map[string]any{"serverFarmId": ID(SubShop, webRG, "Microsoft.Web/serverfarms", "plan-shop"), "defaultHostName": "app-shop.azurewebsites.net", "state": "Running"}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Web/sites", Name: "func-shop", Location: east, Kind: "functionapp,linux",
			Props: map[string]any{"serverFarmId": ID(SubShop, "RG-WEB", "Microsoft.Web/serverFarms", "plan-func"), "defaultHostName": "func-shop.azurewebsites.net"}},
		{ID: pipAGW, Sub: SubShop, Group: webRG, Type: "Microsoft.Network/publicIPAddresses", Name: "pip-agw", Location: east, Zones: all3,
			SKU: map[string]any{"name": "Standard", "tier": "Regional"}, Props: map[string]any{"dnsSettings": map[string]any{"fqdn": "shop-agw.eastus.cloudapp.azure.com"}}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Network/applicationGateways", Name: "agw-shop", Location: east, Zones: all3,
			Props: map[string]any{"sku": map[string]any{"name": "WAF_v2", "tier": "WAF_v2"}, "backendAddressPools": []any{
				map[string]any{"name": "app", "properties": map[string]any{"backendAddresses": []any{map[string]any{"fqdn": "app-shop.azurewebsites.net"}}}}}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/loadBalancers", Name: "lb-internal", Location: east,
			SKU: map[string]any{"name": "Standard", "tier": "Regional"}, Props: map[string]any{"frontendIPConfigurations": []any{
				map[string]any{"name": "fe", "zones": all3, "properties": map[string]any{"privateIPAddress": "10.0.1.4"}}}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/loadBalancers", Name: "lb-basic", Location: east,
			SKU: map[string]any{"name": "Basic", "tier": "Regional"}, Props: map[string]any{"frontendIPConfigurations": []any{
				map[string]any{"name": "fe", "properties": map[string]any{"privateIPAddress": "10.0.2.4"}}}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/azureFirewalls", Name: "fw-hub", Location: east, Zones: all3,
			Props: map[string]any{"sku": map[string]any{"name": "AZFW_VNet", "tier": "Standard"}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/virtualNetworkGateways", Name: "vgw-hub", Location: east,
			Props: map[string]any{"gatewayType": "Vpn", "sku": map[string]any{"name": "VpnGw2AZ", "tier": "VpnGw2AZ"}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/virtualNetworkGateways", Name: "vgw-legacy", Location: east,
			Props: map[string]any{"gatewayType": "ExpressRoute", "sku": map[string]any{"name": "Standard", "tier": "Standard"}}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/privateEndpoints", Name: "pe-sql", Location: east,
			Props: map[string]any{"privateLinkServiceConnections": []any{map[string]any{"name": "sql",
				"properties": map[string]any{"privateLinkServiceId": sqlServer, "groupIds": []string{"sqlServer"}}}}}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Network/trafficManagerProfiles", Name: "tm-shop", Location: "global",
			Props: map[string]any{"trafficRoutingMethod": "Priority", "endpoints": []any{
				map[string]any{"name": "agw", "properties": map[string]any{"targetResourceId": pipAGW, "endpointStatus": "Enabled"}},
				map[string]any{"name": "dr", "properties": map[string]any{"target": "shop-dr.example.net", "endpointStatus": "Enabled"}},
				map[string]any{"name": "old", "properties": map[string]any{"target": "old.example.net", "endpointStatus": "Disabled"}}}}},
		{ID: afd, Sub: SubShop, Group: webRG, Type: "Microsoft.Cdn/profiles", Name: "afd-shop", Location: "Global",
			SKU: map[string]any{"name": "Standard_AzureFrontDoor"}},
		{ID: afd + "/afdEndpoints/shop", Sub: SubShop, Type: "Microsoft.Cdn/profiles/afdEndpoints", Name: "shop", Location: "Global",
			Props: map[string]any{"hostName": "shop-abc123.z01.azurefd.net"}},
		{ID: afd + "/originGroups/web/origins/app", Sub: SubShop, Type: "Microsoft.Cdn/profiles/originGroups/origins", Name: "app", Location: "Global",
			Props: map[string]any{"hostName": "app-shop.azurewebsites.net", "enabledState": "Enabled"}},
		{ID: afd + "/originGroups/web/origins/agw", Sub: SubShop, Type: "Microsoft.Cdn/profiles/originGroups/origins", Name: "agw", Location: "Global",
			Props: map[string]any{"hostName": "shop-agw.eastus.cloudapp.azure.com", "enabledState": "Enabled"}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Network/frontDoors", Name: "fd-legacy", Location: "Global",
			Props: map[string]any{"backendPools": []any{map[string]any{"name": "web", "properties": map[string]any{"backends": []any{
				map[string]any{"address": "app-shop.azurewebsites.net", "enabledState": "Enabled"}}}}}}},
		{Sub: SubShop, Group: webRG, Type: "Microsoft.Network/dnszones", Name: "shop.example.com", Location: "global",
			Props: map[string]any{"numberOfRecordSets": 12}},
		// Types no mapper reads: kept by their own zones and location
		// columns, configuration kept unplaced.
		{Sub: SubShop, Group: rg, Type: "Microsoft.Compute/disks", Name: "disk-batch", Location: east, Zones: []string{"2"},
			SKU: map[string]any{"name": "Premium_LRS"}},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/networkInterfaces", Name: "nic-batch", Location: east},
		{Sub: SubShop, Group: rg, Type: "Microsoft.Network/networkSecurityGroups", Name: "nsg-shop", Location: east},
		{Sub: SubShop, Group: rg, Type: "Microsoft.ApiManagement/service", Name: "apim-shop", Location: east},
		// The data subscription: a flexible server with zone-redundant HA.
		{Sub: SubData, Group: "rg-data", Type: "Microsoft.DBforPostgreSQL/flexibleServers", Name: "pg-ledger", Location: east,
			SKU:   map[string]any{"name": "Standard_D4s_v3", "tier": "GeneralPurpose"},
			Props: map[string]any{"availabilityZone": "1", "highAvailability": map[string]any{"mode": "ZoneRedundant", "standbyAvailabilityZone": "2"}}},
	}
	rows := []Row{SubscriptionRow(SubShop, "shop-prod"), SubscriptionRow(SubData, "data-prod")}
	for _, r := range res {
		rows = append(rows, r.Row())
	}
	return rows
}

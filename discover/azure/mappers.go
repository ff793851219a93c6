package azure

// mappers are the ARM types the collector reads, lowercase as Resource
// Graph writes them; the query asks for exactly these.
var mappers = map[string]mapper{
	"microsoft.compute/virtualmachines":           mapVM,
	"microsoft.compute/virtualmachinescalesets":   mapScaleSet,
	"microsoft.containerservice/managedclusters":  mapAKS,
	"microsoft.sql/servers":                       mapSQLServer,
	"microsoft.sql/servers/databases":             mapSQLDatabase,
	"microsoft.sql/servers/failovergroups":        mapFailoverGroup,
	"microsoft.documentdb/databaseaccounts":       mapCosmos,
	"microsoft.storage/storageaccounts":           mapStorage,
	"microsoft.cache/redis":                       mapRedis,
	"microsoft.keyvault/vaults":                   mapKeyVault,
	"microsoft.eventhub/namespaces":               mapNamespace("stream", "event-hubs"),
	"microsoft.servicebus/namespaces":             mapNamespace("queue", "service-bus"),
	"microsoft.dbforpostgresql/flexibleservers":   mapFlexibleServer("postgresql"),
	"microsoft.dbformysql/flexibleservers":        mapFlexibleServer("mysql"),
	"microsoft.web/serverfarms":                   mapServicePlan,
	"microsoft.web/sites":                         mapSite,
	"microsoft.network/publicipaddresses":         mapPublicIP,
	"microsoft.network/loadbalancers":             mapLoadBalancer,
	"microsoft.network/applicationgateways":       mapAppGateway,
	"microsoft.network/azurefirewalls":            mapFirewall,
	"microsoft.network/virtualnetworkgateways":    mapVNetGateway,
	"microsoft.network/privateendpoints":          mapPrivateEndpoint,
	"microsoft.network/dnszones":                  mapDNSZone,
	"microsoft.network/trafficmanagerprofiles":    mapTrafficManager,
	"microsoft.network/frontdoors":                mapFrontDoorClassic,
	"microsoft.cdn/profiles":                      mapCDNProfile,
	"microsoft.cdn/profiles/afdendpoints":         mapAFDEndpoint,
	"microsoft.cdn/profiles/origingroups/origins": mapAFDOrigin,
}

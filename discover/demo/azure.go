package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// Azure parts: ids are ARM resource ids, types ARM resource types, zones the
// logical zones "1", "2", "3" of a region.

func armID(rg, typ, name string) string {
	return "/subscriptions/" + azureSub + "/resourceGroups/" + rg + "/providers/" + typ + "/" + name
}

var azZones = []string{"1", "2", "3"}

// notifications: Functions on Service Bus in eastus, Cosmos DB, SendGrid.
func (d *demo) notifications() {
	const svc, team, rg, region = "notifications", "messaging-team", "rg-notifications-prod", "eastus"
	ns := d.res(graph.Node{ID: armID(rg, "Microsoft.ServiceBus/namespaces", "sb-bramblecart-notify"), Kind: "queue",
		Type: "Microsoft.ServiceBus/namespaces", Provider: "azure", Account: azureSub, Region: region, Zones: azZones,
		Name: "sb-bramblecart-notify", Tags: tags(svc, team), Attrs: map[string]any{"sku": "Premium", "zone_redundant": true},
		Evidence: "servicebus.Namespaces.List zoneRedundant=true"})
	d.need(ns, d.b.ZoneGroup("azure", region, 1, azZones), "Premium namespace, zoneRedundant=true")
	d.need(ns, d.b.ManagedService("azure", region, "servicebus"), "Service Bus regional service")
	cosmos := d.res(graph.Node{ID: armID(rg, "Microsoft.DocumentDB/databaseAccounts", "cosmos-notify-prefs"), Kind: "database",
		Type: "Microsoft.DocumentDB/databaseAccounts", Provider: "azure", Account: azureSub, Region: region,
		Name: "cosmos-notify-prefs", Tags: tags(svc, team),
		Attrs:    map[string]any{"api": "sql", "multi_region_writes": false, "stored_bytes": int64(220) << 30},
		Evidence: "cosmosdb.DatabaseAccounts.List locations=[eastus]"})
	d.need(cosmos, d.b.RegionGroup("azure", 1, []string{"eastus", "westus2"}), "locations eastus (write) and westus2 (read, automatic failover)")
	d.need(cosmos, d.b.ManagedService("azure", region, "cosmosdb"), "Cosmos DB regional service (write region)")
	plan := d.place(graph.Node{ID: armID(rg, "Microsoft.Web/serverfarms", "plan-notify-ep1"), Kind: "node_pool",
		Type: "Microsoft.Web/serverfarms", Provider: "azure", Account: azureSub, Region: region, Zones: azZones,
		Name: "plan-notify-ep1", Tags: tags(svc, team), Attrs: map[string]any{"sku": "EP1", "zone_redundant": true},
		Evidence: "web.AppServicePlans.List zoneRedundant=true"}, "Elastic Premium plan, zone redundant")
	app := d.res(graph.Node{ID: armID(rg, "Microsoft.Web/sites", "func-bramblecart-notify"), Kind: "function",
		Type: "Microsoft.Web/sites", Provider: "azure", Account: azureSub, Region: region, Name: "func-bramblecart-notify",
		Tags: tags(svc, team), Attrs: map[string]any{"kind": "functionapp"}, Evidence: "web.WebApps.List kind=functionapp"})
	d.need(app, plan, "Site.serverFarmId")
	for _, t := range []string{ns, cosmos, d.ref["twilio"]} {
		d.need(app, t, "demo inventory: notify functions dependency")
	}
	for _, q := range []string{"email", "sms", "push", "order-status"} {
		id := d.res(graph.Node{ID: armID(rg, "Microsoft.ServiceBus/namespaces", "sb-bramblecart-notify/queues/"+q), Kind: "queue",
			Type: "Microsoft.ServiceBus/namespaces/queues", Provider: "azure", Account: azureSub, Region: region, Name: q,
			Tags: tags(svc, team), Evidence: "servicebus.Queues.ListByNamespace"})
		d.need(id, ns, "queue lives in namespace sb-bramblecart-notify")
		d.need(app, id, "function trigger: serviceBusTrigger queueName="+q)
	}
	d.need(app, d.ref["order-status"], "demo inventory: notify functions subscribe to SNS order-status on AWS (cross-provider)")
	for _, sa := range []string{"stnotifytemplates", "stnotifyarchive", "stnotifyfuncs"} {
		st := d.managed(graph.Node{ID: armID(rg, "Microsoft.Storage/storageAccounts", sa), Kind: "bucket",
			Type: "Microsoft.Storage/storageAccounts", Provider: "azure", Account: azureSub, Region: region, Name: sa,
			Tags: tags(svc, team), Attrs: map[string]any{"sku": "Standard_LRS"}, Evidence: "storage.Accounts.List sku=Standard_LRS"},
			"storage", "locally redundant storage in eastus")
		d.need(app, st, "demo inventory: notify functions use "+sa)
	}
	d.ref["notify-app"] = app
}

// supportDesk runs on AKS in westeurope (EU residency) behind Okta SSO.
func (d *demo) supportDesk() {
	const svc, team, rg, region = "support-desk", "cx-team", "rg-support-prod", "westeurope"
	aks := armID(rg, "Microsoft.ContainerService/managedClusters", "aks-support")
	d.place(graph.Node{ID: aks, Kind: "cluster", Type: "Microsoft.ContainerService/managedClusters", Provider: "azure",
		Account: azureSub, Region: region, Zones: azZones, Name: "aks-support", Tags: tags(svc, team),
		Attrs: map[string]any{"sku_tier": "Standard"}, Evidence: "containerservice.ManagedClusters.List"}, "uptime SLA control plane across zones")
	d.need(aks, d.b.ManagedService("azure", region, "aks"), "AKS regional control plane")
	pool := aks + "/agentPools/userpool"
	d.place(graph.Node{ID: pool, Kind: "node_pool", Type: "Microsoft.ContainerService/managedClusters/agentPools",
		Provider: "azure", Account: azureSub, Region: region, Zones: azZones, Name: "userpool", Tags: tags(svc, team),
		Attrs: map[string]any{"count": 3, "vm_size": "Standard_D4s_v5"}, Evidence: "containerservice.AgentPools.List availabilityZones"},
		"AgentPool.availabilityZones")
	d.need(pool, aks, "agent pool of aks-support")
	var vms []string
	for i, z := range azZones {
		vms = append(vms, d.place(graph.Node{ID: fmt.Sprintf("/subscriptions/%s/resourceGroups/MC_%s_aks-support_%s/providers/Microsoft.Compute/virtualMachineScaleSets/aks-userpool-vmss/virtualMachines/%d", azureSub, rg, region, i),
			Kind: "instance", Type: "Microsoft.Compute/virtualMachineScaleSets/virtualMachines", Provider: "azure",
			Account: azureSub, Region: region, Zones: []string{z}, Name: fmt.Sprintf("aks-userpool-%d", i),
			Tags: tags(svc, team), Evidence: "compute.VirtualMachineScaleSetVMs.List zones=[" + z + "]"}, "VM.zones"))
	}
	d.need(pool, d.group("group:aks-userpool-healthy", 2, vms, "PodDisruptionBudget: 2 of 3 nodes"), "VMSS instances")
	sql := d.res(graph.Node{ID: armID(rg, "Microsoft.Sql/servers", "sql-support/databases/tickets"), Kind: "database",
		Type: "Microsoft.Sql/servers/databases", Provider: "azure", Account: azureSub, Region: region, Zones: azZones,
		Name: "tickets", Tags: tags(svc, team), Attrs: map[string]any{"zone_redundant": true, "multi_az": true, "stored_bytes": int64(150) << 30},
		Evidence: "sql.Databases.ListByServer zoneRedundant=true"})
	d.need(sql, d.b.ZoneGroup("azure", region, 1, azZones), "zoneRedundant=true")
	d.need(sql, d.b.ManagedService("azure", region, "sql"), "Azure SQL regional service")
	kv := d.managed(graph.Node{ID: armID(rg, "Microsoft.KeyVault/vaults", "kv-support-prod"), Kind: "secret",
		Type: "Microsoft.KeyVault/vaults", Provider: "azure", Account: azureSub, Region: region, Name: "kv-support-prod",
		Tags: tags(svc, team), Evidence: "keyvault.Vaults.List"}, "keyvault", "regional service")
	st := d.managed(graph.Node{ID: armID(rg, "Microsoft.Storage/storageAccounts", "stsupportattach"), Kind: "bucket",
		Type: "Microsoft.Storage/storageAccounts", Provider: "azure", Account: azureSub, Region: region, Name: "stsupportattach",
		Tags: tags(svc, team), Attrs: map[string]any{"sku": "Standard_ZRS", "stored_bytes": int64(500) << 30},
		Evidence: "storage.Accounts.List sku=Standard_ZRS"}, "storage", "zone-redundant storage")
	for _, t := range []string{sql, kv, st, d.ref["okta"]} {
		d.need(pool, t, "demo inventory: support workloads use it")
	}
	d.ref["support-ingress"] = d.alb2(rg, region, "agw-support", svc, team, pool)
}

// merchantPortal: an App Service in westeurope behind Cloudflare, with a
// single-zone Azure SQL database.
func (d *demo) merchantPortal() {
	const svc, team, rg, region = "merchant-portal", "partners-team", "rg-merchants-prod", "westeurope"
	plan := d.place(graph.Node{ID: armID(rg, "Microsoft.Web/serverfarms", "plan-merchants-p1v3"), Kind: "node_pool",
		Type: "Microsoft.Web/serverfarms", Provider: "azure", Account: azureSub, Region: region, Zones: []string{"1"},
		Name: "plan-merchants-p1v3", Tags: tags(svc, team), Attrs: map[string]any{"sku": "P1v3", "zone_redundant": false, "workers": 2},
		Evidence: "web.AppServicePlans.List zoneRedundant=false"}, "plan not zone redundant: workers pinned to zone 1")
	site := d.res(graph.Node{ID: armID(rg, "Microsoft.Web/sites", "app-merchants"), Kind: "web_app", Type: "Microsoft.Web/sites",
		Provider: "azure", Account: azureSub, Region: region, Name: "app-merchants", Tags: tags(svc, team),
		Evidence: "web.WebApps.List"})
	d.need(site, plan, "Site.serverFarmId")
	db := d.place(graph.Node{ID: armID(rg, "Microsoft.Sql/servers", "sql-merchants/databases/merchants"), Kind: "database",
		Type: "Microsoft.Sql/servers/databases", Provider: "azure", Account: azureSub, Region: region, Zones: []string{"1"},
		Name: "merchants", Tags: tags(svc, team), Attrs: map[string]any{"zone_redundant": false, "multi_az": false, "stored_bytes": int64(80) << 30},
		Evidence: "sql.Databases.ListByServer zoneRedundant=false"}, "zoneRedundant=false")
	d.need(site, db, "demo inventory: portal database")
	d.need(site, d.ref["okta"], "demo inventory: partner SSO through Okta")
	d.need(site, d.ref["payments-api"], "demo inventory: payouts through payments-api on AWS (cross-provider)")
	d.need(d.ref["cloudflare"], site, "demo inventory: Cloudflare origin app-merchants.azurewebsites.net")
	d.ref["merchant-edge"] = d.ref["cloudflare"]
}

// alb2 adds a zone-redundant Application Gateway in front of target.
func (d *demo) alb2(rg, region, name, svc, team, target string) string {
	id := d.res(graph.Node{ID: armID(rg, "Microsoft.Network/applicationGateways", name), Kind: "load_balancer",
		Type: "Microsoft.Network/applicationGateways", Provider: "azure", Account: azureSub, Region: region, Zones: azZones,
		Name: name, Tags: tags(svc, team), Attrs: map[string]any{"sku": "WAF_v2"}, Evidence: "network.ApplicationGateways.List zones"})
	d.b.Place(id, "azure", region, azZones, "ApplicationGateway.zones")
	d.need(id, target, "backendAddressPools: "+name+" backends")
	return id
}

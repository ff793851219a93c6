package gcpfake

import "strings"

// Secrets are values the fixture holds (labels, startup scripts, cluster
// certificates, SQL root passwords) that must never reach an estate.
var Secrets = []string{"hunter2-label-secret", "sk_live_startup_secret", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tfake", "root-pw-fake-123"}

// Fixture project ids; shop-denied answers 403 in Denied tests.
const (
	ProdProject   = "shop-prod"
	EUProject     = "shop-eu"
	DeniedProject = "shop-denied"
	Folder        = "folders/7001"
	Organization  = "organizations/9001"
)

var projectNumbers = map[string]string{ProdProject: "111111111111", EUProject: "222222222222", DeniedProject: "333333333333"}

const compute = "https://www.googleapis.com/compute/v1/projects/"

// asset builds an asset of project; path is the resource path below the
// service ("projects/P/zones/Z/instances/I"), data its REST JSON.
func asset(project, typ, path, location string, data map[string]any) Asset {
	svc, kind, _ := strings.Cut(typ, "/")
	num := projectNumbers[project]
	return Asset{
		Name: "//" + svc + "/" + path, AssetType: typ,
		Resource: Resource{Version: "v1", DiscoveryName: kind, DiscoveryDocumentURI: "https://" + svc + "/$discovery/rest",
			Parent: "//cloudresourcemanager.googleapis.com/projects/" + num, Data: data, Location: location},
		Ancestors: []string{"projects/" + num, Folder, Organization},
	}
}

func zoneURL(project, zone string) string     { return compute + project + "/zones/" + zone }
func regionURL(project, region string) string { return compute + project + "/regions/" + region }

// instance is a compute.googleapis.com/Instance with a planted secret in its
// metadata and labels.
func instance(project, zone, name string, labels map[string]any) Asset {
	path := "projects/" + project + "/zones/" + zone + "/instances/" + name
	return asset(project, "compute.googleapis.com/Instance", path, zone, map[string]any{
		"id": "1" + name, "name": name, "kind": "compute#instance", "status": "RUNNING",
		"machineType": zoneURL(project, zone) + "/machineTypes/e2-standard-2",
		"zone":        zoneURL(project, zone), "selfLink": compute + strings.TrimPrefix(path, "projects/"),
		"networkInterfaces": []any{map[string]any{"network": compute + project + "/global/networks/default",
			"subnetwork": regionURL(project, zone[:len(zone)-2]) + "/subnetworks/default", "networkIP": "10.0.0.2"}},
		"metadata": map[string]any{"items": []any{map[string]any{"key": "startup-script", "value": "export STRIPE=sk_live_startup_secret"}}},
		"labels":   labels,
	})
}

// Fixture is the golden estate: two projects under one folder; see the
// comments for what each resource proves.
func Fixture() map[string][]Asset {
	p := ProdProject
	return map[string][]Asset{
		ProdProject: append(append(prodCompute(p), prodData(p)...), prodServerless(p)...),
		EUProject: {
			instance(EUProject, "europe-west1-b", "eu-web", map[string]any{"service": "storefront"}),
			sql(EUProject, "eu-db", "europe-west1", "ZONAL", "europe-west1-d", ""),
		},
		DeniedProject: {instance(DeniedProject, "us-east1-b", "never-seen", nil)},
	}
}

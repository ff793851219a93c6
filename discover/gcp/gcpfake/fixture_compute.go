package gcpfake

// prodCompute: VMs, managed instance groups, load balancing and GKE.
func prodCompute(p string) []Asset {
	r := "us-central1"
	mig := func(name, shape string, zones ...string) Asset {
		var dz []any
		for _, z := range zones {
			dz = append(dz, map[string]any{"zone": zoneURL(p, z)})
		}
		path := "projects/" + p + "/regions/" + r + "/instanceGroupManagers/" + name
		return asset(p, "compute.googleapis.com/RegionInstanceGroupManager", path, r, map[string]any{
			"name": name, "region": regionURL(p, r), "targetSize": 3, "baseInstanceName": name,
			"selfLink":           regionURL(p, r) + "/instanceGroupManagers/" + name,
			"instanceGroup":      regionURL(p, r) + "/instanceGroups/" + name,
			"instanceTemplate":   compute + p + "/global/instanceTemplates/" + name + "-tpl",
			"distributionPolicy": map[string]any{"zones": dz, "targetShape": shape},
		})
	}
	backend := func(typ, scope, name string, groups ...string) Asset {
		var bs []any
		for _, g := range groups {
			bs = append(bs, map[string]any{"group": g, "balancingMode": "UTILIZATION"})
		}
		path := "projects/" + p + "/" + scope + "/backendServices/" + name
		link := compute + p + "/" + scope + "/backendServices/" + name
		loc := "global"
		if scope != "global" {
			loc = r
		}
		return asset(p, typ, path, loc, map[string]any{"name": name, "selfLink": link, "backends": bs,
			"loadBalancingScheme": "EXTERNAL_MANAGED", "protocol": "HTTP"})
	}
	gl := compute + p + "/global/"
	return []Asset{
		// Two web VMs in two zones, and a batch VM alone in one.
		instance(p, "us-central1-a", "web-a", map[string]any{"service": "storefront", "db_password": "hunter2-label-secret"}),
		instance(p, "us-central1-b", "web-b", map[string]any{"service": "storefront"}),
		instance(p, "us-central1-c", "batch", nil),
		// A regional MIG spread over three zones; one whose VMs all sit in
		// the single zone the autoscaler picks; a zonal MIG.
		mig("api-mig", "EVEN", "us-central1-a", "us-central1-b", "us-central1-c"),
		mig("worker-mig", "ANY_SINGLE_ZONE", "us-central1-a", "us-central1-b"),
		asset(p, "compute.googleapis.com/InstanceGroupManager", "projects/"+p+"/zones/us-central1-f/instanceGroupManagers/legacy-mig", "us-central1-f",
			map[string]any{"name": "legacy-mig", "zone": zoneURL(p, "us-central1-f"), "targetSize": 2,
				"selfLink":      zoneURL(p, "us-central1-f") + "/instanceGroupManagers/legacy-mig",
				"instanceGroup": zoneURL(p, "us-central1-f") + "/instanceGroups/legacy-mig"}),
		// A zonal NEG; the global backend serves from the MIG or the NEG.
		asset(p, "compute.googleapis.com/NetworkEndpointGroup", "projects/"+p+"/zones/us-central1-b/networkEndpointGroups/api-neg", "us-central1-b",
			map[string]any{"name": "api-neg", "zone": zoneURL(p, "us-central1-b"), "networkEndpointType": "GCE_VM_IP_PORT",
				"selfLink": zoneURL(p, "us-central1-b") + "/networkEndpointGroups/api-neg", "size": 2}),
		backend("compute.googleapis.com/BackendService", "global", "api-backend",
			regionURL(p, r)+"/instanceGroups/api-mig", zoneURL(p, "us-central1-b")+"/networkEndpointGroups/api-neg"),
		backend("compute.googleapis.com/BackendService", "global", "static-backend", zoneURL(p, "us-central1-f")+"/instanceGroups/legacy-mig"),
		backend("compute.googleapis.com/RegionBackendService", "regions/"+r, "internal-be", regionURL(p, r)+"/instanceGroups/worker-mig"),
		// URL map: the default to the API, /static to its own backend.
		asset(p, "compute.googleapis.com/UrlMap", "projects/"+p+"/global/urlMaps/web-map", "global", map[string]any{
			"name": "web-map", "selfLink": gl + "urlMaps/web-map", "defaultService": gl + "backendServices/api-backend",
			"hostRules": []any{map[string]any{"hosts": []any{"shop.example.com"}, "pathMatcher": "paths"}},
			"pathMatchers": []any{map[string]any{"name": "paths", "defaultService": gl + "backendServices/api-backend",
				"pathRules": []any{map[string]any{"paths": []any{"/static/*"}, "service": gl + "backendServices/static-backend"}}}}}),
		asset(p, "compute.googleapis.com/TargetHttpsProxy", "projects/"+p+"/global/targetHttpsProxies/web-proxy", "global", map[string]any{
			"name": "web-proxy", "selfLink": gl + "targetHttpsProxies/web-proxy", "urlMap": gl + "urlMaps/web-map"}),
		asset(p, "compute.googleapis.com/GlobalForwardingRule", "projects/"+p+"/global/forwardingRules/web-fr", "global", map[string]any{
			"name": "web-fr", "selfLink": gl + "forwardingRules/web-fr", "IPAddress": "34.1.2.3", "target": gl + "targetHttpsProxies/web-proxy",
			"loadBalancingScheme": "EXTERNAL_MANAGED"}),
		asset(p, "compute.googleapis.com/ForwardingRule", "projects/"+p+"/regions/"+r+"/forwardingRules/internal-fr", r, map[string]any{
			"name": "internal-fr", "selfLink": regionURL(p, r) + "/forwardingRules/internal-fr", "region": regionURL(p, r),
			"backendService": regionURL(p, r) + "/backendServices/internal-be", "loadBalancingScheme": "INTERNAL"}),
		// A regional GKE cluster (control plane across the region) and a
		// node pool in two of its zones.
		asset(p, "container.googleapis.com/Cluster", "projects/"+p+"/locations/"+r+"/clusters/prod-gke", r, map[string]any{
			"name": "prod-gke", "location": r, "zone": r, "locations": []any{"us-central1-a", "us-central1-b", "us-central1-c"},
			"selfLink":       "https://container.googleapis.com/v1/projects/" + p + "/locations/" + r + "/clusters/prod-gke",
			"masterAuth":     map[string]any{"clusterCaCertificate": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tfake"},
			"resourceLabels": map[string]any{"service": "checkout"}, "status": "RUNNING", "currentNodeCount": 4}),
		asset(p, "container.googleapis.com/NodePool", "projects/"+p+"/locations/"+r+"/clusters/prod-gke/nodePools/default-pool", r, map[string]any{
			"name": "default-pool", "locations": []any{"us-central1-a", "us-central1-b"}, "initialNodeCount": 2,
			"selfLink": "https://container.googleapis.com/v1/projects/" + p + "/locations/" + r + "/clusters/prod-gke/nodePools/default-pool"}),
	}
}

package gcp

import (
	"strings"

	"github.com/untether-dev/untether/discover/regions"
)

// rules map each asset type to its placement and references; the asset
// types listed are exactly the ones ListAssets is asked for.
var rules = map[string]func(a *asm, it item){
	"compute.googleapis.com/Instance":                   mapInstance,
	"compute.googleapis.com/InstanceGroupManager":       mapMIG,
	"compute.googleapis.com/RegionInstanceGroupManager": mapRegionMIG,
	"compute.googleapis.com/InstanceGroup":              mapZonalOrRegional,
	"compute.googleapis.com/NetworkEndpointGroup":       mapZonalOrRegional,
	"compute.googleapis.com/BackendService":             mapBackendService,
	"compute.googleapis.com/RegionBackendService":       mapBackendService,
	"compute.googleapis.com/UrlMap":                     mapURLMap,
	"compute.googleapis.com/RegionUrlMap":               mapURLMap,
	"compute.googleapis.com/TargetHttpProxy":            mapProxy,
	"compute.googleapis.com/TargetHttpsProxy":           mapProxy,
	"compute.googleapis.com/ForwardingRule":             mapForwardingRule,
	"compute.googleapis.com/GlobalForwardingRule":       mapForwardingRule,
	"compute.googleapis.com/Subnetwork":                 mapZonalOrRegional,
	"compute.googleapis.com/Network":                    func(a *asm, it item) { a.service(it, "", "vpc", "a VPC network is global") },
	"container.googleapis.com/Cluster":                  mapGKE,
	"container.googleapis.com/NodePool":                 mapGKE,
	"sqladmin.googleapis.com/Instance":                  mapSQL,
	"redis.googleapis.com/Instance":                     mapRedis,
	"spanner.googleapis.com/Instance":                   mapSpanner,
	"storage.googleapis.com/Bucket":                     mapBucket,
	"file.googleapis.com/Instance":                      mapFilestore,
	"bigquery.googleapis.com/Dataset":                   mapBigQuery,
	"firestore.googleapis.com/Database":                 mapFirestore,
	"pubsub.googleapis.com/Topic":                       mapTopic,
	"pubsub.googleapis.com/Subscription":                mapSubscription,
	"dns.googleapis.com/ManagedZone":                    func(a *asm, it item) { a.service(it, "", "cloud-dns", "Cloud DNS is a global service") },
	"run.googleapis.com/Service":                        mapServerless("cloud-run"),
	"cloudfunctions.googleapis.com/CloudFunction":       mapServerless("cloud-functions"),
	"cloudfunctions.googleapis.com/Function":            mapServerless("cloud-functions"),
	"iam.googleapis.com/ServiceAccount":                 func(a *asm, it item) { a.service(it, "", "iam", "IAM is a global service") },
}

// assetTypes are the types ListAssets is asked for, sorted.
func assetTypes() []string {
	out := make([]string, 0, len(rules))
	for t := range rules {
		out = append(out, t)
	}
	sortStrings(out)
	return out
}

func mapInstance(a *asm, it item) {
	if !a.zones(it, []string{str(it.data, "zone"), it.location}, "zone") {
		a.region(it, regionOfLocation(it.location), "region from the asset's location")
	}
	for _, nic := range list(it.data, "networkInterfaces") {
		if m, ok := nic.(map[string]any); ok {
			a.ref(it.id(), str(m, "subnetwork"), a.ev(it, "networkInterfaces[].subnetwork"))
		}
	}
}

func mapMIG(a *asm, it item) {
	a.owns(it)
	a.service(it, regionOfZone(zoneOf(str(it.data, "zone"))), "compute", "managed instance groups are run by Compute Engine in the region")
	a.zones(it, []string{str(it.data, "zone")}, "zone")
}

// mapRegionMIG: VMs spread over distributionPolicy.zones, unless the
// targetShape may put them all in one zone the group picks among them
// (ANY_SINGLE_ZONE, ANY): a zone-level risk whose zone the inventory does
// not say.
func mapRegionMIG(a *asm, it item) {
	a.owns(it)
	region := regionOf(str(it.data, "region"))
	if region == "" {
		region = regionOfLocation(it.location)
	}
	a.service(it, region, "compute", "managed instance groups are run by Compute Engine in the region")
	dp := obj(it.data, "distributionPolicy")
	var zones []string
	for _, z := range list(dp, "zones") {
		if m, ok := z.(map[string]any); ok {
			zones = append(zones, str(m, "zone"))
		}
	}
	if why, one := regions.GCPShapeMayBeOneZone(str(dp, "targetShape")); one && region != "" {
		a.b.Edge(it.id(), a.b.DecidedAtApply("gcp", region), a.ev(it,
			"distributionPolicy.targetShape="+str(dp, "targetShape")+": "+why+" among "+strings.Join(zoneNames(zones), ", ")+"; which zones hold them is not in the inventory"))
		return
	}
	if !a.zones(it, zones, "distributionPolicy.zones") && region != "" {
		a.region(it, region, "region (no distributionPolicy.zones)")
	}
}

// owns lets backends that name the manager's instance group reach the
// manager, which keeps the group's VMs.
func (a *asm) owns(it item) {
	if g := str(it.data, "instanceGroup"); g != "" {
		a.igOwner[normLink(g)] = it.id()
	}
}

func zoneNames(links []string) []string {
	var out []string
	for _, l := range links {
		if z := zoneOf(l); z != "" {
			out = append(out, z)
		}
	}
	return out
}

// mapZonalOrRegional places an object by its zone, else its region.
func mapZonalOrRegional(a *asm, it item) {
	if a.zones(it, []string{str(it.data, "zone")}, "zone") {
		return
	}
	if r := regionOf(str(it.data, "region")); r != "" {
		a.region(it, r, "region")
		return
	}
	if r := regionOfLocation(it.location); r != "" {
		a.region(it, r, "the asset's location")
		return
	}
	a.service(it, "", "cloud-load-balancing", "global object of Cloud Load Balancing")
}

func lbRegion(it item) string {
	if r := regionOf(str(it.data, "region")); r != "" {
		return r
	}
	if r := pathPart(normLink(it.id()), "regions"); r != "" {
		return r
	}
	return ""
}

func mapBackendService(a *asm, it item) {
	a.service(it, lbRegion(it), "cloud-load-balancing", "load balancing backend service")
	var groups []string
	for _, b := range list(it.data, "backends") {
		if m, ok := b.(map[string]any); ok && str(m, "group") != "" {
			groups = append(groups, str(m, "group"))
		}
	}
	a.anyOf(it, "backends", groups, "backends[].group: traffic goes to any healthy backend")
}

// mapURLMap: each host and path goes to its own backend, so losing one
// backend is not losing every route: the map needs any one of them.
func mapURLMap(a *asm, it item) {
	a.service(it, lbRegion(it), "cloud-load-balancing", "URL map of Cloud Load Balancing")
	services := []string{str(it.data, "defaultService")}
	for _, pm := range list(it.data, "pathMatchers") {
		m, _ := pm.(map[string]any)
		services = append(services, str(m, "defaultService"))
		for _, pr := range list(m, "pathRules") {
			r, _ := pr.(map[string]any)
			services = append(services, str(r, "service"))
		}
	}
	var links []string
	for _, s := range services {
		if s != "" {
			links = append(links, s)
		}
	}
	a.anyOf(it, "routes", links, "defaultService and pathMatchers: each route has its own backend")
}

func mapProxy(a *asm, it item) {
	a.service(it, lbRegion(it), "cloud-load-balancing", "target proxy of Cloud Load Balancing")
	a.ref(it.id(), str(it.data, "urlMap"), a.ev(it, "urlMap"))
}

func mapForwardingRule(a *asm, it item) {
	a.service(it, lbRegion(it), "cloud-load-balancing", "forwarding rule of Cloud Load Balancing")
	a.ref(it.id(), str(it.data, "target"), a.ev(it, "target"))
	a.ref(it.id(), str(it.data, "backendService"), a.ev(it, "backendService"))
}

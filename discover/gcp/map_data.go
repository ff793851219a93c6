package gcp

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/discover/regions"
)

func sortStrings(s []string) { slices.Sort(s) }

// mapGKE: location is a region (a regional control plane, replicated
// across zones) or a zone; locations[] are the zones of the nodes.
func mapGKE(a *asm, it item) {
	loc := strings.ToLower(str(it.data, "location"))
	if loc == "" {
		loc = strings.ToLower(it.location)
	}
	if loc == "" {
		loc = pathPart(normLink(it.name), "locations")
	}
	a.service(it, regionOfLocation(loc), "gke", "GKE in "+loc)
	zones := strs(it.data, "locations")
	if zoneOf(loc) != "" {
		zones = append(zones, loc) // a zonal cluster's control plane
	}
	a.zones(it, zones, "location and locations[]") // none: the regional service alone
	if it.typ == "container.googleapis.com/NodePool" {
		if i := strings.Index(it.name, "/nodePools/"); i > 0 {
			a.ref(it.id(), it.name[:i], a.ev(it, "a node pool's nodes are run by its cluster"))
		}
	}
}

// mapSQL: REGIONAL is a primary and a standby in gceZone and
// secondaryGceZone; ZONAL lives in gceZone. A read replica serves reads on
// its own; promoting it is manual, so it is ordering evidence only.
func mapSQL(a *asm, it item) {
	region := regionOf(str(it.data, "region"))
	a.service(it, region, "cloudsql", "Cloud SQL in "+region)
	settings := obj(it.data, "settings")
	zone, secondary := str(it.data, "gceZone"), str(it.data, "secondaryGceZone")
	switch strings.ToUpper(str(settings, "availabilityType")) {
	case "REGIONAL":
		if zone == "" || secondary == "" || !a.zones(it, []string{zone, secondary}, "settings.availabilityType=REGIONAL with gceZone and secondaryGceZone") {
			a.b.Edge(it.id(), a.b.Region("gcp", region), a.ev(it, "settings.availabilityType=REGIONAL: zone-redundant, placed on the region"))
		}
	default: // ZONAL, and the API's default when absent
		a.zones(it, []string{zone}, "settings.availabilityType="+str(settings, "availabilityType")+", gceZone")
	}
	if master := str(it.data, "masterInstanceName"); master != "" {
		project, name, ok := strings.Cut(master, ":")
		if ok {
			a.b.Ordering(it.id(), "https://sqladmin.googleapis.com/sql/v1beta4/projects/"+project+"/instances/"+name,
				a.ev(it, "masterInstanceName: a read replica; it keeps serving reads when the primary fails, and promotion is manual"))
		}
	}
}

// mapRedis: STANDARD_HA keeps a replica in alternativeLocationId.
func mapRedis(a *asm, it item) {
	zone, alt := str(it.data, "locationId"), str(it.data, "alternativeLocationId")
	region := regionOfZone(zoneOf(zone))
	if region == "" {
		region = regionOfLocation(it.location)
	}
	a.service(it, region, "memorystore", "Memorystore in "+region)
	switch tier := strings.ToUpper(str(it.data, "tier")); {
	case tier == "STANDARD_HA" && zone != "" && alt != "":
		a.zones(it, []string{zone, alt}, "tier=STANDARD_HA with locationId and alternativeLocationId")
	case tier == "STANDARD_HA":
		a.region(it, region, "tier=STANDARD_HA: zone-redundant, placed on the region")
	default:
		a.zones(it, []string{zone}, "tier="+tier+", locationId")
	}
}

// mapSpanner: a regional config keeps replicas in three zones of its
// region; a dual- or multi-region config survives a region.
func mapSpanner(a *asm, it item) {
	cfg := lastSegment(str(it.data, "config"))
	if r, ok := strings.CutPrefix(cfg, "regional-"); ok {
		a.service(it, r, "spanner", "config="+cfg+": replicas in three zones of the region")
	} else {
		a.service(it, "", "spanner", "config="+cfg+": dual- or multi-region")
	}
	a.apiServed(it)
}

// mapBucket: locationType region, dual-region (predefined or
// customPlacementConfig) or multi-region.
func mapBucket(a *asm, it item) {
	loc := strings.ToLower(str(it.data, "location"))
	var dl []string
	for _, l := range strs(obj(it.data, "customPlacementConfig"), "dataLocations") {
		dl = append(dl, strings.ToLower(l))
	}
	switch {
	case len(dl) > 1:
		a.anyRegion(it, "gcs", dl, "customPlacementConfig.dataLocations")
	case regions.GCPDualRegion(loc) != nil:
		a.anyRegion(it, "gcs", regions.GCPDualRegion(loc), "location="+strings.ToUpper(loc)+" (dual-region)")
	case multiRegion(loc):
		a.service(it, "", "gcs", "locationType="+str(it.data, "locationType")+" location="+strings.ToUpper(loc)+": multi-region")
	default:
		a.service(it, regionOf(loc), "gcs", "locationType="+str(it.data, "locationType")+" location="+strings.ToUpper(loc))
	}
	a.apiServed(it)
}

// mapFilestore: Basic and Zonal tiers live in one zone; Regional and
// Enterprise tiers across the region's zones.
func mapFilestore(a *asm, it item) {
	loc := it.location
	if loc == "" {
		loc = pathPart(normLink(it.name), "locations")
	}
	a.service(it, regionOfLocation(loc), "filestore", "Filestore in "+loc)
	if !a.zones(it, []string{loc}, "tier="+str(it.data, "tier")+", location") {
		a.region(it, regionOf(loc), "tier="+str(it.data, "tier")+": regional")
	}
}

func mapBigQuery(a *asm, it item) {
	loc := str(it.data, "location")
	if multiRegion(loc) {
		a.service(it, "", "bigquery", "location="+loc+": multi-region")
	} else {
		a.service(it, regionOf(loc), "bigquery", "location="+loc)
	}
	a.apiServed(it)
}

func mapFirestore(a *asm, it item) {
	loc := str(it.data, "locationId")
	if multiRegion(loc) {
		a.service(it, "", "firestore", "locationId="+loc+": multi-region")
	} else {
		a.service(it, regionOf(loc), "firestore", "locationId="+loc)
	}
	a.apiServed(it)
}

// mapTopic: Pub/Sub is global, but messageStoragePolicy may pin where
// messages are stored: then publishing needs one of those regions.
func mapTopic(a *asm, it item) {
	a.service(it, "", "pubsub", "Pub/Sub is a global service")
	if regions := strs(obj(it.data, "messageStoragePolicy"), "allowedPersistenceRegions"); len(regions) > 0 {
		a.anyRegion(it, "pubsub", regions, "messageStoragePolicy.allowedPersistenceRegions")
	}
	a.apiServed(it)
}

func mapSubscription(a *asm, it item) {
	a.service(it, "", "pubsub", "Pub/Sub is a global service")
	a.ref(it.id(), str(it.data, "topic"), a.ev(it, "topic"))
	a.apiServed(it)
}

// mapServerless: Cloud Run services and Cloud Functions are regional.
func mapServerless(svc string) func(a *asm, it item) {
	return func(a *asm, it item) {
		loc := it.location
		if loc == "" {
			loc = str(obj(obj(it.data, "metadata"), "labels"), "cloud.googleapis.com/location")
		}
		if loc == "" {
			loc = pathPart(normLink(it.name), "locations")
		}
		a.service(it, regionOf(loc), svc, svc+" is regional: "+loc)
	}
}

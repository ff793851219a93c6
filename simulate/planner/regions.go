package planner

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Regions the planner may propose, with the jurisdiction that holds data
// stored there and their zones (AWS AZ ids, GCP zone names, Azure zone
// numbers), in each provider's order of preference. A region absent from this
// table has no known jurisdiction: it never satisfies a jurisdiction pin, and
// the planner proposes it only when the estate already uses it.
type regionInfo struct {
	provider, region, jurisdiction string
	zones                          []string
}

var regionTable = []regionInfo{
	{"aws", "us-east-1", "us", []string{"use1-az1", "use1-az2", "use1-az4"}},
	{"aws", "us-east-2", "us", []string{"use2-az1", "use2-az2", "use2-az3"}},
	{"aws", "us-west-2", "us", []string{"usw2-az1", "usw2-az2", "usw2-az3"}},
	{"aws", "eu-west-1", "eu", []string{"euw1-az1", "euw1-az2", "euw1-az3"}},
	{"aws", "eu-central-1", "eu", []string{"euc1-az1", "euc1-az2", "euc1-az3"}},
	{"aws", "eu-west-3", "eu", []string{"euw3-az1", "euw3-az2", "euw3-az3"}},
	{"aws", "eu-north-1", "eu", []string{"eun1-az1", "eun1-az2", "eun1-az3"}},
	{"aws", "eu-west-2", "uk", []string{"euw2-az1", "euw2-az2", "euw2-az3"}},
	{"aws", "ca-central-1", "ca", []string{"cac1-az1", "cac1-az2", "cac1-az4"}},
	{"aws", "ap-northeast-1", "jp", []string{"apne1-az1", "apne1-az2", "apne1-az4"}},
	{"aws", "ap-southeast-2", "au", []string{"apse2-az1", "apse2-az2", "apse2-az3"}},
	{"gcp", "us-central1", "us", []string{"us-central1-a", "us-central1-b", "us-central1-c"}},
	{"gcp", "us-east1", "us", []string{"us-east1-b", "us-east1-c", "us-east1-d"}},
	{"gcp", "us-west1", "us", []string{"us-west1-a", "us-west1-b", "us-west1-c"}},
	{"gcp", "europe-west1", "eu", []string{"europe-west1-b", "europe-west1-c", "europe-west1-d"}},
	{"gcp", "europe-west3", "eu", []string{"europe-west3-a", "europe-west3-b", "europe-west3-c"}},
	{"gcp", "europe-west4", "eu", []string{"europe-west4-a", "europe-west4-b", "europe-west4-c"}},
	{"gcp", "europe-west2", "uk", []string{"europe-west2-a", "europe-west2-b", "europe-west2-c"}},
	{"gcp", "asia-northeast1", "jp", []string{"asia-northeast1-a", "asia-northeast1-b", "asia-northeast1-c"}},
	{"azure", "eastus", "us", []string{"1", "2", "3"}},
	{"azure", "eastus2", "us", []string{"1", "2", "3"}},
	{"azure", "westus2", "us", []string{"1", "2", "3"}},
	{"azure", "westeurope", "eu", []string{"1", "2", "3"}},
	{"azure", "northeurope", "eu", []string{"1", "2", "3"}},
	{"azure", "germanywestcentral", "eu", []string{"1", "2", "3"}},
	{"azure", "francecentral", "eu", []string{"1", "2", "3"}},
	{"azure", "uksouth", "uk", []string{"1", "2", "3"}},
	{"azure", "japaneast", "jp", []string{"1", "2", "3"}},
}

// Jurisdiction is the jurisdiction of a provider's region ("eu", "us", "uk"
// ...), or "" when untether does not know it.
func Jurisdiction(provider, region string) string {
	for _, r := range regionTable {
		if r.provider == provider && r.region == region {
			return r.jurisdiction
		}
	}
	return ""
}

// RegionAllowed reports whether data pinned by pins (a node's Residency)
// may live in provider/region.
func RegionAllowed(provider, region string, pins []string) bool {
	return regionAllowed(provider, region, pins)
}

// regionAllowed reports whether data may live in provider/region under
// pins. Pins of one node combine so: jurisdiction pins ("eu") are
// alternatives, region pins ("aws/eu-west-1") are alternatives, and a region
// must satisfy both kinds when both are present, so ["eu", "aws/eu-west-1"]
// allows exactly aws/eu-west-1 and ["eu", "ch"] allows either.
func regionAllowed(provider, region string, pins []string) bool {
	var juris, regions []string
	for _, p := range pins {
		if strings.Contains(p, "/") {
			regions = append(regions, p)
		} else {
			juris = append(juris, strings.ToLower(p))
		}
	}
	if len(regions) > 0 && !slices.Contains(regions, graph.RegionID(provider, region)) {
		return false
	}
	if len(juris) > 0 && !slices.Contains(juris, Jurisdiction(provider, region)) {
		return false
	}
	return true
}

// candidateRegions lists the regions of provider the planner may propose
// for data now in fromProvider/fromRegion, best first: same jurisdiction as
// the source, regions the estate already uses first, then the table order.
// used holds the regions the estate already has, as provider/region ids.
func candidateRegions(provider, fromProvider, fromRegion string, pins []string, used map[string]bool) []string {
	j := Jurisdiction(fromProvider, fromRegion)
	var inUse, others []string
	add := func(region string) {
		if provider == fromProvider && region == fromRegion {
			return
		}
		if !regionAllowed(provider, region, pins) || slices.Contains(inUse, region) || slices.Contains(others, region) {
			return
		}
		if j != "" && Jurisdiction(provider, region) != j {
			return // never leave a known jurisdiction (pins are checked apart)
		}
		if used[graph.RegionID(provider, region)] {
			inUse = append(inUse, region)
		} else if Jurisdiction(provider, region) != "" {
			others = append(others, region)
		}
	}
	for _, id := range sortedKeys(used) {
		p, r, _ := strings.Cut(id, "/")
		if p == provider {
			add(r) // regions the estate already uses come first
		}
	}
	for _, r := range regionTable {
		if r.provider == provider {
			add(r.region)
		}
	}
	return append(inUse, others...)
}

// regionZones lists the zones of provider/region: those the estate already
// has, then the table's, deduplicated and sorted.
func regionZones(provider, region string, known []string) []string {
	zones := slices.Clone(known)
	for _, r := range regionTable {
		if r.provider == provider && r.region == region {
			zones = append(zones, r.zones...)
		}
	}
	slices.Sort(zones)
	return slices.Compact(zones)
}

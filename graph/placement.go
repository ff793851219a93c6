package graph

import (
	"slices"
	"strconv"
	"strings"
)

// Placement node ids. Collectors, readers and selectors all build them with
// these functions, so one failure domain always has one id.

// ProviderID is the id of a provider's placement node: "aws".
func ProviderID(provider string) string { return provider }

// RegionID is the id of a region's placement node: "aws/us-east-1".
func RegionID(provider, region string) string { return provider + "/" + region }

// ZoneID is the id of a zone's placement node: "aws/us-east-1/use1-az1".
func ZoneID(provider, region, zone string) string { return provider + "/" + region + "/" + zone }

// GlobalRegion is the region name of global managed services.
const GlobalRegion = "global"

// ManagedServiceID is the id of a managed service's placement node in a
// region ("aws/us-east-1/service/dynamodb") or global ("aws/global/service/iam").
func ManagedServiceID(provider, region, service string) string {
	return provider + "/" + region + "/service/" + service
}

// ZoneGroupID is the id of the shared "any need of these zones" group.
func ZoneGroupID(provider, region string, need int, zones []string) string {
	z := slices.Sorted(slices.Values(zones))
	return "group:" + RegionID(provider, region) + ":" + strconv.Itoa(need) + "-of:" + strings.Join(z, ",")
}

// RegionGroupID is the id of the shared "any need of these regions" group.
func RegionGroupID(provider string, need int, regions []string) string {
	r := slices.Sorted(slices.Values(regions))
	return "group:" + provider + ":" + strconv.Itoa(need) + "-of:" + strings.Join(r, ",")
}

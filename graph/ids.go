package graph

import (
	"slices"
	"strconv"
	"strings"
)

// Node ids that untether itself makes: placements, business services and
// redundancy groups. Collectors, readers, the inventory, the demo and
// selectors all build them with these functions, never by joining strings,
// so one failure domain, service or group always has one id and any part of
// the program can tell what an id names.

// ServicePrefix starts the id of every business service node.
const ServicePrefix = "service:"

// ServiceID is the id of a business service's node: "service:orders".
func ServiceID(name string) string { return ServicePrefix + name }

// ServiceName is the name a service id was made from ("orders" for
// "service:orders"); any other id is returned as it is.
func ServiceName(id string) string { return strings.TrimPrefix(id, ServicePrefix) }

// GroupPrefix starts the id of every redundancy group made by untether.
const GroupPrefix = "group:"

// GroupID is the id of a redundancy group: "group:" and its parts joined by
// ":", usually what owns the group and what it groups
// (GroupID(lb, "targets") is "group:<lb>:targets").
func GroupID(parts ...string) string { return GroupPrefix + strings.Join(parts, ":") }

// Placement ids.

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
	return GroupID(RegionID(provider, region), strconv.Itoa(need)+"-of", strings.Join(z, ","))
}

// RegionGroupID is the id of the shared "any need of these regions" group.
func RegionGroupID(provider string, need int, regions []string) string {
	r := slices.Sorted(slices.Values(regions))
	return GroupID(provider, strconv.Itoa(need)+"-of", strings.Join(r, ","))
}

package azure

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

type zoneRedundantProps struct {
	ZoneRedundant *bool `json:"zoneRedundant"`
}

// regionalByFlag places a product whose redundancy inside the region is
// the zoneRedundant property: true survives any zone; false or unset lives
// in one zone the input does not name.
func (a *asm) regionalByFlag(id, reg string, zr *bool) {
	if zr != nil && *zr {
		a.zoneRedundant(id, reg, "properties.zoneRedundant=true")
		return
	}
	a.unknownZone(id, reg, "properties.zoneRedundant="+boolText(zr))
}

func mapSQLServer(a *asm, r *row) {
	id := a.node(r, "database_server", "resources: "+r.Type, nil)
	a.zoneRedundant(id, region(r.Location), "a logical server is a regional endpoint (gateway), not a machine")
	a.managed(id, region(r.Location), "sql-database")
}

func mapSQLDatabase(a *asm, r *row) {
	if r.SKU != nil && strings.EqualFold(r.SKU.Tier, "System") {
		return // the server's own master database
	}
	var p zoneRedundantProps
	_ = r.props(&p)
	id := a.node(r, "database", "resources: "+r.Type, map[string]any{"sku": r.skuName(), "zone_redundant": p.ZoneRedundant})
	reg := region(r.Location)
	a.regionalByFlag(id, reg, p.ZoneRedundant)
	a.managed(id, reg, "sql-database")
	a.ref(id, parentID(r.ID), "a database is served through its logical server")
}

// mapFailoverGroup gives the group's listener what it survives: any one of
// its servers, in any one of their regions.
func mapFailoverGroup(a *asm, r *row) {
	var p struct {
		Partners []struct {
			ID       string `json:"id"`
			Location string `json:"location"`
		} `json:"partnerServers"`
		Endpoint struct {
			Policy string `json:"failoverPolicy"`
		} `json:"readWriteEndpoint"`
	}
	_ = r.props(&p)
	id := a.node(r, "failover_group", "resources: "+r.Type, map[string]any{"failover_policy": p.Endpoint.Policy})
	servers := []string{parentID(r.ID)}
	regions := []string{region(r.Location)}
	for _, s := range p.Partners {
		servers = append(servers, s.ID)
		if reg := region(s.Location); reg != "" {
			regions = append(regions, reg)
		}
	}
	ev := "properties.partnerServers, readWriteEndpoint.failoverPolicy=" + p.Endpoint.Policy
	if !strings.EqualFold(p.Endpoint.Policy, "Automatic") {
		ev += " (manual: the listener moves only when someone fails over)"
	}
	a.anyOf(id, graph.GroupID(id, "servers"), servers, ev)
	regions = slices.Compact(slices.Sorted(slices.Values(regions)))
	if len(regions) > 1 {
		a.b.Edge(id, a.b.RegionGroup(provider, 1, regions), ev)
	}
}

// mapCosmos models the two multi-region designs apart: with several write
// regions, or one write region and service-managed failover, the account
// survives any one region; with one write region and no automatic
// failover, writes need the write region (reads go on elsewhere).
func mapCosmos(a *asm, r *row) {
	var p struct {
		Locations []struct {
			Name     string `json:"locationName"`
			Priority int    `json:"failoverPriority"`
			ZR       bool   `json:"isZoneRedundant"`
		} `json:"locations"`
		MultiWrite   bool `json:"enableMultipleWriteLocations"`
		AutoFailover bool `json:"enableAutomaticFailover"`
	}
	_ = r.props(&p)
	locs := p.Locations
	slices.SortStableFunc(locs, func(x, y struct {
		Name     string `json:"locationName"`
		Priority int    `json:"failoverPriority"`
		ZR       bool   `json:"isZoneRedundant"`
	}) int {
		return cmp.Compare(x.Priority, y.Priority)
	})
	id := a.node(r, "nosql_database", "resources: "+r.Type, map[string]any{
		"multiple_write_locations": p.MultiWrite, "automatic_failover": p.AutoFailover, "regions": len(locs)})
	reg := region(r.Location)
	if len(locs) == 0 {
		a.managed(id, reg, "cosmosdb")
		a.unknownZone(id, reg, "properties.locations not readable")
		return
	}
	target := func(i int) (string, string) {
		lr := region(locs[i].Name)
		if locs[i].ZR {
			return a.b.Region(provider, lr), lr + " isZoneRedundant=true"
		}
		return a.unknownZoneOf(lr), lr + " isZoneRedundant=false"
	}
	write, wev := target(0)
	redundant := len(locs) > 1 && (p.MultiWrite || p.AutoFailover)
	if !redundant {
		a.managed(id, region(locs[0].Name), "cosmosdb") // the write region's service
	}
	switch {
	case len(locs) == 1:
		a.b.Edge(id, write, "properties.locations: one region, "+wev)
	case redundant:
		members, evs := []string{}, []string{}
		for i := range locs {
			t, ev := target(i)
			members, evs = append(members, t), append(evs, ev)
		}
		why := "enableMultipleWriteLocations=true: every region takes writes"
		if !p.MultiWrite {
			why = "one write region with enableAutomaticFailover=true: writes move to the next failoverPriority after Azure declares the region down (minutes without writes)"
		}
		a.anyOf(id, graph.GroupID(id, "regions"), members, why+"; locations "+strings.Join(evs, ", "))
	default:
		a.b.Edge(id, write, "one write region (failoverPriority 0, "+wev+") and enableAutomaticFailover=false: writes stop until someone fails over; reads go on in the other regions")
	}
}

// unknownZoneOf is the placement of a zone of reg that the input does not
// name: the shared "decided at apply" zone, which counts as a zone failure
// domain of its own, so an unknown zone is never read as redundant.
func (a *asm) unknownZoneOf(reg string) string { return a.b.DecidedAtApply(provider, reg) }

// mapStorage reads the redundancy from sku.name: LRS keeps three copies in
// one datacenter (never zone-redundant); ZRS spreads them over zones; the
// geo SKUs copy to the secondary region, which serves reads on its own
// only with read access (RA-); otherwise it takes over only after a
// failover someone starts.
func mapStorage(a *asm, r *row) {
	var p struct {
		Secondary string `json:"secondaryLocation"`
	}
	_ = r.props(&p)
	name := r.skuName()
	rep := strings.ToUpper(name[strings.LastIndex(name, "_")+1:])
	id := a.node(r, "storage_account", "resources: "+r.Type, map[string]any{"sku": name, "secondary_location": p.Secondary})
	reg := region(r.Location)
	ev := "sku.name=" + name
	var primary string
	switch rep {
	case "ZRS", "GZRS", "RAGZRS":
		primary = a.b.Region(provider, reg)
	case "LRS", "GRS", "RAGRS":
		primary = a.unknownZoneOf(reg)
		ev += ": the primary copies live in one datacenter, never zone-redundant"
	default:
		a.unknownZone(id, reg, ev+": redundancy not known")
		return
	}
	sec := region(p.Secondary)
	readable := strings.HasPrefix(rep, "RA") && sec != ""
	if !readable {
		a.managed(id, reg, "storage") // the primary region's service serves every request
	}
	switch {
	case readable:
		a.anyOf(id, graph.GroupID(id, "read-regions"), []string{primary, a.b.Region(provider, sec)},
			ev+"; reads are served from secondary "+sec+" when the primary is down (writes wait for a failover)")
	case rep == "GRS" || rep == "GZRS":
		a.b.Edge(id, primary, ev+fmt.Sprintf("; the copy in %s is reachable only after an account failover", cmp.Or(sec, "the paired region")))
	default:
		a.b.Edge(id, primary, ev)
	}
}

func mapRedis(a *asm, r *row) {
	var p struct {
		SKU struct {
			Name string `json:"name"`
		} `json:"sku"`
		Replicas *int `json:"replicasPerMaster"`
	}
	_ = r.props(&p)
	id := a.node(r, "cache", "resources: "+r.Type, map[string]any{"sku": p.SKU.Name})
	reg := region(r.Location)
	a.managed(id, reg, "redis")
	if len(r.Zones) > 1 {
		a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ",")+": primary and replicas spread over zones")
		return
	}
	a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ",")+" (sku "+p.SKU.Name+")")
}

func mapKeyVault(a *asm, r *row) {
	id := a.node(r, "key_vault", "resources: "+r.Type, map[string]any{"sku": r.skuName()})
	reg := region(r.Location)
	a.zoneRedundant(id, reg, "Key Vault keeps its vaults zone-redundant within the region (service-managed)")
	a.managed(id, reg, "key-vault")
	a.b.Edge(id, a.b.ManagedService(provider, graph.GlobalRegion, "entra-id"), "every Key Vault data-plane request carries an Entra ID token")
}

// mapNamespace is Event Hubs and Service Bus: zoneRedundant says it.
func mapNamespace(kind, service string) mapper {
	return func(a *asm, r *row) {
		var p zoneRedundantProps
		_ = r.props(&p)
		id := a.node(r, kind, "resources: "+r.Type, map[string]any{"sku": r.skuName(), "zone_redundant": p.ZoneRedundant})
		reg := region(r.Location)
		a.regionalByFlag(id, reg, p.ZoneRedundant)
		a.managed(id, reg, service)
	}
}

// mapFlexibleServer is PostgreSQL and MySQL flexible server: zone-redundant
// high availability keeps a standby in another zone.
func mapFlexibleServer(service string) mapper {
	return func(a *asm, r *row) {
		var p struct {
			Zone string `json:"availabilityZone"`
			HA   struct {
				Mode        string `json:"mode"`
				StandbyZone string `json:"standbyAvailabilityZone"`
			} `json:"highAvailability"`
		}
		_ = r.props(&p)
		id := a.node(r, "database", "resources: "+r.Type, map[string]any{"ha_mode": p.HA.Mode})
		reg := region(r.Location)
		a.managed(id, reg, service)
		switch {
		case strings.EqualFold(p.HA.Mode, "ZoneRedundant") && p.Zone != "" && p.HA.StandbyZone != "" && p.Zone != p.HA.StandbyZone:
			a.zonal(id, reg, []string{p.Zone, p.HA.StandbyZone}, 1, "highAvailability.mode=ZoneRedundant, availabilityZone and standbyAvailabilityZone")
		case strings.EqualFold(p.HA.Mode, "ZoneRedundant"):
			a.zoneRedundant(id, reg, "highAvailability.mode=ZoneRedundant")
		default:
			a.zonal(id, reg, []string{p.Zone}, 1, "availabilityZone="+p.Zone+", highAvailability.mode="+p.HA.Mode)
		}
	}
}

package azure

import (
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// mapServicePlan places an App Service plan: zoneRedundant spreads its
// instances over zones; otherwise they share one zone Azure does not name.
func mapServicePlan(a *asm, r *row) {
	var p zoneRedundantProps
	_ = r.props(&p)
	attrs := map[string]any{"sku": r.skuName(), "zone_redundant": p.ZoneRedundant}
	if r.SKU != nil && r.SKU.Capacity != nil {
		attrs["capacity"] = int(*r.SKU.Capacity)
	}
	id := a.node(r, "app_service_plan", "resources: "+r.Type, attrs)
	reg := region(r.Location)
	a.regionalByFlag(id, reg, p.ZoneRedundant)
	a.managed(id, reg, "app-service")
}

// mapSite is a web app or a function app (kind names "functionapp"): it
// runs on its plan's instances.
func mapSite(a *asm, r *row) {
	var p struct {
		Plan     string   `json:"serverFarmId"`
		Host     string   `json:"defaultHostName"`
		Hosts    []string `json:"hostNames"`
		Disabled string   `json:"state"`
	}
	_ = r.props(&p)
	kind, service := "web_app", "app-service"
	if strings.Contains(strings.ToLower(r.Kind), "functionapp") {
		kind, service = "function", "functions"
	}
	id := a.node(r, kind, "resources: "+r.Type+" kind="+r.Kind, map[string]any{"state": p.Disabled})
	reg := region(r.Location)
	a.managed(id, reg, service)
	a.host(p.Host, id)
	for _, h := range p.Hosts {
		a.host(h, id)
	}
	if p.Plan != "" {
		a.ref(id, p.Plan, "properties.serverFarmId: the app runs on its plan's instances")
	} else {
		a.zoneRedundant(id, reg, "no serverFarmId: placed on the region")
	}
}

// mapTrafficManager is a global DNS load balancer: it answers while any
// enabled endpoint is up.
func mapTrafficManager(a *asm, r *row) {
	var p struct {
		Endpoints []struct {
			Props struct {
				TargetID string `json:"targetResourceId"`
				Target   string `json:"target"`
				Status   string `json:"endpointStatus"`
			} `json:"properties"`
		} `json:"endpoints"`
		Routing string `json:"trafficRoutingMethod"`
	}
	_ = r.props(&p)
	id := a.node(r, "dns_load_balancer", "resources: "+r.Type, map[string]any{"routing": p.Routing})
	a.global(id, "traffic-manager", "Traffic Manager is a global DNS service")
	var targets []string
	for _, e := range p.Endpoints {
		if strings.EqualFold(e.Props.Status, "Disabled") {
			continue
		}
		switch {
		case e.Props.TargetID != "":
			targets = append(targets, e.Props.TargetID)
		case e.Props.Target != "":
			targets = append(targets, strings.ToLower(e.Props.Target))
		}
	}
	a.anyOf(id, graph.GroupID(id, "endpoints"), targets, "properties.endpoints (enabled): DNS answers with any healthy endpoint ("+p.Routing+")")
}

// global makes id need a global service.
func (a *asm) global(id, service, evidence string) {
	a.b.Edge(id, a.b.ManagedService(provider, graph.GlobalRegion, service), evidence)
}

// mapFrontDoorClassic is microsoft.network/frontdoors: the global edge
// needs every backend pool its routes use, each pool any one backend.
func mapFrontDoorClassic(a *asm, r *row) {
	var p struct {
		Pools []struct {
			Name  string `json:"name"`
			Props struct {
				Backends []struct {
					Address string `json:"address"`
					State   string `json:"enabledState"`
				} `json:"backends"`
			} `json:"properties"`
		} `json:"backendPools"`
		Frontends []struct {
			Props struct {
				Host string `json:"hostName"`
			} `json:"properties"`
		} `json:"frontendEndpoints"`
	}
	_ = r.props(&p)
	id := a.node(r, "cdn", "resources: "+r.Type+" (Front Door classic)", nil)
	a.global(id, "front-door", "Front Door is Azure's global edge: one configuration for every point of presence")
	for _, fe := range p.Frontends {
		a.host(fe.Props.Host, id)
	}
	for _, pool := range p.Pools {
		var backends []string
		for _, b := range pool.Props.Backends {
			if b.Address != "" && !strings.EqualFold(b.State, "Disabled") {
				backends = append(backends, strings.ToLower(b.Address))
			}
		}
		a.anyOf(id, graph.GroupID(id, "pool", pool.Name), backends, "backendPools["+pool.Name+"].backends: any enabled backend serves")
	}
}

// mapCDNProfile is microsoft.cdn/profiles: Front Door Standard/Premium
// (sku *_AzureFrontDoor) or a classic CDN profile.
func mapCDNProfile(a *asm, r *row) {
	service, what := "cdn", "CDN profile"
	if strings.HasSuffix(strings.ToLower(r.skuName()), "_azurefrontdoor") {
		service, what = "front-door", "Front Door Standard/Premium"
	}
	id := a.node(r, "cdn", "resources: "+r.Type+" sku.name="+r.skuName()+" ("+what+")", map[string]any{"sku": r.skuName()})
	a.global(id, service, what+" is served from Azure's global edge")
	a.later = append(a.later, func() { a.originGroups(id) })
}

// mapAFDEndpoint is a Front Door endpoint: its host name is served by the
// profile's edge configuration.
func mapAFDEndpoint(a *asm, r *row) {
	var p struct {
		Host string `json:"hostName"`
	}
	_ = r.props(&p)
	id := a.node(r, "cdn_endpoint", "resources: "+r.Type, nil)
	a.host(p.Host, id)
	a.ref(id, parentID(r.ID), "an endpoint is served by its Front Door profile")
}

// mapAFDOrigin records an origin; the profile's origin groups are built
// from them once every row is read.
func mapAFDOrigin(a *asm, r *row) {
	var p struct {
		Host   string `json:"hostName"`
		Target *idRef `json:"azureOrigin"`
		State  string `json:"enabledState"`
	}
	_ = r.props(&p)
	id := a.node(r, "cdn_origin", "resources: "+r.Type, map[string]any{"host": p.Host, "state": p.State})
	switch {
	case p.Target != nil && p.Target.ID != "":
		a.ref(id, p.Target.ID, "properties.azureOrigin: the origin is this resource")
	case p.Host != "":
		a.ref(id, strings.ToLower(p.Host), "properties.hostName: the origin answers on this name")
	}
}

// originGroups makes a Front Door profile need each of its origin groups,
// and each group any one enabled origin.
func (a *asm) originGroups(profile string) {
	groups := map[string][]string{}
	var order []string
	prefix := armID(profile) + "/origingroups/"
	for key, r := range a.byID {
		if r.Type != "microsoft.cdn/profiles/origingroups/origins" || !strings.HasPrefix(key, prefix) {
			continue
		}
		g := parentID(r.ID)
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], r.ID)
	}
	slices.Sort(order)
	for _, g := range order {
		members := groups[g]
		slices.Sort(members)
		gid := graph.GroupID(g)
		a.b.Group(gid, 1, members, "origins of origin group "+g[strings.LastIndex(g, "/")+1:]+": any healthy origin serves")
		a.b.Edge(profile, gid, "the profile's routes use origin group "+g[strings.LastIndex(g, "/")+1:])
	}
}

// mapDNSZone is a public Azure DNS zone: served by Azure DNS's global
// anycast name servers.
func mapDNSZone(a *asm, r *row) {
	id := a.node(r, "dns_zone", "resources: "+r.Type, nil)
	a.global(id, "dns", "Azure DNS answers from global anycast name servers")
}

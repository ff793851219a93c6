package azure

import (
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

func mapPublicIP(a *asm, r *row) {
	var p struct {
		DNS struct {
			FQDN string `json:"fqdn"`
		} `json:"dnsSettings"`
		Address string `json:"ipAddress"`
	}
	_ = r.props(&p)
	id := a.node(r, "public_ip", "resources: "+r.Type, map[string]any{"sku": r.skuName()})
	a.host(p.DNS.FQDN, id)
	a.zonal(id, region(r.Location), r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ",")+" (sku "+r.skuName()+")")
}

// mapLoadBalancer reads the zones of the frontend IP configurations (the
// load balancer's own zones field is empty): zone-redundant frontends list
// every zone, zonal ones one, and Basic or no-zone frontends none.
func mapLoadBalancer(a *asm, r *row) {
	var p struct {
		Frontends []struct {
			Zones []string `json:"zones"`
			Props struct {
				PublicIP *idRef `json:"publicIPAddress"`
			} `json:"properties"`
		} `json:"frontendIPConfigurations"`
	}
	_ = r.props(&p)
	id := a.node(r, "load_balancer", "resources: "+r.Type, map[string]any{"sku": r.skuName()})
	reg := region(r.Location)
	var zones []string
	internal := false
	for _, fe := range p.Frontends {
		zones = append(zones, fe.Zones...)
		if fe.Props.PublicIP != nil {
			a.ref(id, fe.Props.PublicIP.ID, "frontendIPConfigurations[].properties.publicIPAddress: the frontend answers on that address")
		} else {
			internal = true
		}
	}
	switch {
	case len(zones) > 0:
		a.zonal(id, reg, zones, 1, "frontendIPConfigurations[].zones="+strings.Join(sortedZones(zones), ","))
	case internal:
		a.unknownZone(id, reg, "internal frontends without zones (sku "+r.skuName()+")")
	default:
		// A public frontend's zones are its public IP's.
		a.zoneRedundant(id, reg, "public frontends: placed by their public IP addresses")
	}
	a.managed(id, reg, "load-balancer")
}

func mapAppGateway(a *asm, r *row) {
	var p struct {
		SKU struct {
			Name string `json:"name"`
			Tier string `json:"tier"`
		} `json:"sku"`
		Pools []struct {
			Props struct {
				Addresses []struct {
					FQDN string `json:"fqdn"`
				} `json:"backendAddresses"`
			} `json:"properties"`
		} `json:"backendAddressPools"`
	}
	_ = r.props(&p)
	id := a.node(r, "load_balancer", "resources: "+r.Type, map[string]any{"sku": p.SKU.Name})
	reg := region(r.Location)
	a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ",")+" (properties.sku.name "+p.SKU.Name+")")
	a.managed(id, reg, "application-gateway")
	for i, pool := range p.Pools {
		var fqdns []string
		for _, b := range pool.Props.Addresses {
			if b.FQDN != "" {
				fqdns = append(fqdns, strings.ToLower(b.FQDN))
			}
		}
		if len(fqdns) > 0 {
			a.anyOf(id, graph.GroupID(id, "backend-pool-"+strconv.Itoa(i)), fqdns, "backendAddressPools[].backendAddresses[].fqdn: any healthy backend serves")
		}
	}
}

func mapFirewall(a *asm, r *row) {
	var p struct {
		SKU struct {
			Tier string `json:"tier"`
		} `json:"sku"`
	}
	_ = r.props(&p)
	id := a.node(r, "firewall", "resources: "+r.Type, map[string]any{"sku_tier": p.SKU.Tier})
	reg := region(r.Location)
	a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ","))
	a.managed(id, reg, "firewall")
}

// mapVNetGateway reads the gateway SKU: the AZ SKUs (VpnGw1AZ, ErGw1AZ ...)
// are zone-redundant; the others run in one zone Azure does not name.
func mapVNetGateway(a *asm, r *row) {
	var p struct {
		SKU struct {
			Name string `json:"name"`
		} `json:"sku"`
		Type string `json:"gatewayType"`
	}
	_ = r.props(&p)
	id := a.node(r, "vpn_gateway", "resources: "+r.Type, map[string]any{"sku": p.SKU.Name, "gateway_type": p.Type})
	reg := region(r.Location)
	if strings.HasSuffix(strings.ToUpper(p.SKU.Name), "AZ") {
		a.zoneRedundant(id, reg, "properties.sku.name="+p.SKU.Name+": an AZ SKU, zone-redundant")
		return
	}
	a.unknownZone(id, reg, "properties.sku.name="+p.SKU.Name+": not an AZ SKU")
}

// mapPrivateEndpoint makes the endpoint need what it connects to; the
// endpoint itself is a regional, zone-resilient network interface.
func mapPrivateEndpoint(a *asm, r *row) {
	type conn struct {
		Props struct {
			Target string `json:"privateLinkServiceId"`
		} `json:"properties"`
	}
	var p struct {
		Auto   []conn `json:"privateLinkServiceConnections"`
		Manual []conn `json:"manualPrivateLinkServiceConnections"`
	}
	_ = r.props(&p)
	id := a.node(r, "private_endpoint", "resources: "+r.Type, nil)
	a.zoneRedundant(id, region(r.Location), "a private endpoint is a regional network interface")
	for _, c := range append(p.Auto, p.Manual...) {
		a.ref(id, c.Props.Target, "privateLinkServiceConnections[].privateLinkServiceId: traffic through the endpoint reaches only its target")
	}
}

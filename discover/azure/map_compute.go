package azure

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
)

type idRef struct {
	ID string `json:"id"`
}

func mapVM(a *asm, r *row) {
	var p struct {
		AvailabilitySet *idRef `json:"availabilitySet"`
		ScaleSet        *idRef `json:"virtualMachineScaleSet"`
		Hardware        struct {
			Size string `json:"vmSize"`
		} `json:"hardwareProfile"`
	}
	_ = r.props(&p)
	attrs := map[string]any{"vm_size": p.Hardware.Size}
	if p.AvailabilitySet != nil {
		attrs["availability_set"] = p.AvailabilitySet.ID
	}
	id := a.node(r, "instance", "resources: "+r.Type, attrs)
	reg := region(r.Location)
	switch {
	case len(r.Zones) > 0:
		a.zonal(id, reg, r.Zones, 1, "zones="+strings.Join(sortedZones(r.Zones), ","))
	case p.AvailabilitySet != nil:
		a.unknownZone(id, reg, "properties.availabilitySet: fault and update domains inside one datacenter, not zones")
	default:
		a.unknownZone(id, reg, "no zones: a regional (non-zonal) VM")
	}
}

func mapScaleSet(a *asm, r *row) {
	var p struct {
		ZoneBalance *bool  `json:"zoneBalance"`
		Mode        string `json:"orchestrationMode"`
	}
	_ = r.props(&p)
	attrs := map[string]any{"sku": r.skuName(), "orchestration_mode": p.Mode}
	capacity := -1
	if r.SKU != nil && r.SKU.Capacity != nil {
		capacity = int(*r.SKU.Capacity)
		attrs["capacity"] = capacity
	}
	if p.ZoneBalance != nil {
		attrs["zone_balance"] = *p.ZoneBalance
	}
	id := a.node(r, "scale_set", "resources: "+r.Type, attrs)
	a.spread(id, region(r.Location), r.Zones, capacity, fmt.Sprintf("zones=%s, sku.capacity=%s, properties.zoneBalance=%s",
		strings.Join(sortedZones(r.Zones), ","), count(capacity), boolText(p.ZoneBalance)))
}

// spread places a group of n instances over zones: several instances over
// several zones survive any one zone; one instance sits in one zone the
// input does not name; no zones is a regional (non-zonal) placement.
func (a *asm) spread(id, reg string, zones []string, n int, evidence string) {
	zones = sortedZones(zones)
	switch {
	case len(zones) == 0:
		a.unknownZone(id, reg, evidence+": no zones")
	case len(zones) > 1 && n == 1:
		a.unknownZone(id, reg, evidence+": one instance sits in one of the zones")
	default:
		a.zonal(id, reg, zones, 1, evidence)
	}
}

func count(n int) string {
	if n < 0 {
		return "unset"
	}
	return fmt.Sprint(n)
}

func boolText(b *bool) string {
	if b == nil {
		return "unset"
	}
	return fmt.Sprint(*b)
}

// agentPool is one AKS node pool as the cluster lists it.
type agentPool struct {
	Name  string   `json:"name"`
	Mode  string   `json:"mode"`
	Count *int     `json:"count"`
	Zones []string `json:"availabilityZones"`
	Size  string   `json:"vmSize"`
}

// mapAKS makes the cluster need its control plane (the regional AKS
// service) and its system pools (where CoreDNS and the cluster's own
// components run); user pools need the cluster, and workloads on them
// need the pool.
func mapAKS(a *asm, r *row) {
	var p struct {
		Pools []agentPool `json:"agentPoolProfiles"`
	}
	_ = r.props(&p)
	reg := region(r.Location)
	cluster := a.node(r, "kubernetes_cluster", "resources: "+r.Type, map[string]any{"tier": tierOf(r)})
	a.managed(cluster, reg, "aks")
	var system []string
	for _, pool := range p.Pools {
		if pool.Name == "" {
			continue
		}
		pid := r.ID + "/agentPools/" + pool.Name
		n := -1
		if pool.Count != nil {
			n = *pool.Count
		}
		mode := pool.Mode
		if mode == "" && len(p.Pools) == 1 {
			mode = "System" // clusters older than pool modes had one pool, the system pool
		}
		pr := &row{ID: pid, Name: pool.Name, Type: r.Type + "/agentpools", Location: r.Location,
			SubscriptionID: r.SubscriptionID, Zones: pool.Zones}
		a.node(pr, "node_pool", "resources: "+r.Type+" properties.agentPoolProfiles["+pool.Name+"]",
			map[string]any{"mode": mode, "count": n, "vm_size": pool.Size})
		a.spread(pid, reg, pool.Zones, n, fmt.Sprintf("agentPoolProfiles[%s].availabilityZones=%s, count=%s",
			pool.Name, strings.Join(sortedZones(pool.Zones), ","), count(n)))
		if strings.EqualFold(mode, "System") {
			system = append(system, pid)
		} else {
			a.b.Edge(pid, cluster, "a user node pool runs under its cluster's control plane")
		}
	}
	switch len(system) {
	case 0:
	case 1:
		a.b.Edge(cluster, system[0], "the system node pool runs the cluster's own components (mode=System)")
	default:
		a.anyOf(cluster, graph.GroupID(cluster, "system-pools"), system, "any system node pool runs the cluster's own components (mode=System)")
	}
}

func tierOf(r *row) string {
	if r.SKU == nil {
		return ""
	}
	return r.SKU.Tier
}

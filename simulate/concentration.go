package simulate

import (
	"cmp"
	"slices"

	"github.com/untether-dev/untether/graph"
)

// Concentration (DESIGN.md §7): the Herfindahl-Hirschman index of critical
// weight over providers, regions and zones.

const concentrationMethod = "A resource's critical weight is the sum of the tier weights (tier 1 = 8, 2 = 4) of the critical services whose dependency cone holds it. Each resource's weight goes to its provider, to its region as provider/region (provider/global when it has none), and is split evenly over its zones (resources without zones count for no zone). A key's share is its weight over the total of that dimension, in percent; HHI = the sum of the squared percentage shares, from near 0 (spread thin) to 10000 (everything on one key). Regulators treat HHI above 2500 as highly concentrated. Shares are rounded to 0.01 percent, the index to 0.1."

func (m *Model) concentration(cs *coneStats) Concentration {
	prov, reg, zone := map[string]float64{}, map[string]float64{}, map[string]float64{}
	for i, nd := range m.c.Nodes {
		w := float64(cs.critW[i])
		if m.class[i] != clResource || w == 0 {
			continue
		}
		p := nd.Provider
		if p == "" {
			p = "unknown"
		}
		prov[p] += w
		r := nd.Region
		if r == "" {
			r = graph.GlobalRegion
		}
		reg[graph.RegionID(p, r)] += w
		for _, z := range nd.Zones {
			zone[graph.ZoneID(p, r, z)] += w / float64(len(nd.Zones))
		}
	}
	return Concentration{Method: concentrationMethod, Providers: hhi(prov), Regions: hhi(reg), Zones: hhi(zone)}
}

// hhi computes the index from unrounded shares, then rounds for display.
func hhi(weights map[string]float64) HHI {
	out := HHI{Shares: []Share{}}
	var total float64
	for _, k := range sortedKeys(weights) { // fixed order: the float sum is the same every run
		total += weights[k]
	}
	if total == 0 {
		return out
	}
	var index float64
	for _, k := range sortedKeys(weights) {
		pct := 100 * weights[k] / total
		index += pct * pct
		out.Shares = append(out.Shares, Share{Key: k, Weight: round4(weights[k]), Share: round2(pct)})
	}
	slices.SortFunc(out.Shares, func(a, b Share) int { return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.Key, b.Key)) })
	out.Index = round1(index)
	return out
}

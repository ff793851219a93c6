package simulate

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Lock-in (DESIGN.md §7). Each resource gets a class from the catalog,
// value v (portable 0, moderate 0.5, proprietary 1), and a weight
// w = gravity x criticality, where gravity = 1 + log10(1 + stored_bytes/1e9)
// (1 when the size is unknown; 2 at ~9 GB, 3 at ~99 GB, 4 at ~1 TB) and
// criticality = max(1, sum of the tier weights of the services whose cone
// holds the resource). A service's lock-in is the w-weighted mean of v over
// the resources in its cone; the estate's over every resource.

const lockinMethod = "Each resource is classed by the lock-in catalog: matched on its provider-native type (and kind), else on (provider, kind), else on provider alone, else on kind alone; unmatched resources count as moderate. Class values: portable 0, moderate 0.5, proprietary 1. Each resource has weight w = gravity x criticality, gravity = 1 + log10(1 + stored_bytes/1e9) (1 when stored_bytes is unknown), criticality = the sum of the tier weights (tier 1 = 8, 2 = 4, 3 = 2, 4 = 1) of the services whose dependency cone holds it, at least 1. Estate lock-in = sum(w x value) / sum(w) over all resources; a service's lock-in is the same over the resources in its cone; a provider's lock-in is the same over its resources, and its share is its sum(w) over the estate's sum(w). Figures are rounded to 4 decimals."

func gravity(attrs map[string]any) float64 {
	b, ok := number(attrs["stored_bytes"])
	if !ok || b <= 0 {
		return 1
	}
	return 1 + math.Log10(1+b/1e9)
}

// number reads a JSON or Go number.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case uint64:
		return float64(x), true
	}
	return 0, false
}

// lockin also returns the listed resources' indices.
func (m *Model) lockin(cs *coneStats) (Lockin, []int32) {
	n := m.c.Len()
	weight, value := make([]float64, n), make([]float64, n) // per resource
	var sumW, sumWV float64
	prov := map[string]*[2]float64{} // provider -> {sum w, sum w v}
	out := Lockin{Method: lockinMethod}
	classes := &lockinClasses{c: m.opt.Lockin, memo: map[[3]string]int32{}, unclassified: map[[2]string]string{}}
	entry := make([]int32, 0, m.resources)                  // of the listed resources, in order
	classV := make([]float64, len(m.opt.Lockin.Products)+1) // by entry+1
	classV[0] = classValue[ClassModerate]
	for k, p := range m.opt.Lockin.Products {
		classV[k+1] = classValue[p.Class]
	}
	for i, nd := range m.c.Nodes {
		if m.class[i] != clResource {
			continue
		}
		e := classes.of(nd)
		w, v := gravity(nd.Attrs)*float64(max(1, cs.crit[i])), classV[e+1]
		weight[i], value[i] = w, v
		sumW += w
		sumWV += w * v
		acc := prov[nd.Provider]
		if acc == nil {
			acc = &[2]float64{}
			prov[nd.Provider] = acc
		}
		acc[0] += w
		acc[1] += w * v
		if v > 0 {
			entry = append(entry, e)
		}
	}
	// Listed resources are allocated once, at their number.
	out.Resources = make([]ResourceLockin, 0, len(entry))
	listed := make([]int32, 0, len(entry))
	for i, nd := range m.c.Nodes {
		if m.class[i] == clResource && value[i] > 0 {
			listed = append(listed, int32(i))
			p := classes.product(entry[len(out.Resources)], nd)
			out.Resources = append(out.Resources, ResourceLockin{
				Node: nd.ID, Provider: nd.Provider, Kind: nd.Kind, Product: p.Product,
				Class: p.Class, Value: value[i], Alternatives: p.Alternatives,
			})
		}
	}
	if sumW > 0 {
		out.Estate = round4(sumWV / sumW)
	}
	for _, name := range sortedKeys(prov) {
		acc := prov[name]
		pl := ProviderLockin{Provider: name}
		if acc[0] > 0 {
			pl.Lockin = round4(acc[1] / acc[0])
		}
		if sumW > 0 {
			pl.Share = round4(acc[0] / sumW)
		}
		out.Providers = append(out.Providers, pl)
	}
	num := make([]float64, len(m.services)) // each service is in one batch: no races
	den := make([]float64, len(m.services))
	m.forEachCone(m.services, func(_, base int, touched []int32, mask []uint64) {
		for _, i := range touched {
			if m.class[i] != clResource {
				continue
			}
			w, wv := weight[i], weight[i]*value[i]
			for b := mask[i]; b != 0; b &= b - 1 {
				k := base + bits.TrailingZeros64(b)
				num[k] += wv
				den[k] += w
			}
		}
	})
	for k, s := range m.services {
		sl := ServiceLockin{Service: m.id(s)}
		if den[k] > 0 {
			sl.Lockin = round4(num[k] / den[k])
		}
		out.Services = append(out.Services, sl)
	}
	// Index order is id order: out.Resources and listed are sorted by node id.
	return out, listed
}

func sortedKeys[V any](mp map[string]V) []string {
	keys := make([]string, 0, len(mp))
	for k := range mp {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func lockinMessage(r ResourceLockin, name string) string {
	alt := ""
	if len(r.Alternatives) > 0 {
		alt = "; portable alternatives: " + strings.Join(r.Alternatives, ", ")
	}
	return name + " is " + r.Product + " (" + r.Class + ") and a critical service depends on it" + alt
}

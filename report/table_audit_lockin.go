package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

func auditLockin(b *strings.Builder, p *palette, ar *AuditReport) {
	l, names := ar.Audit.Lockin, ar.Names
	section(b, p, "Lock-in")
	line(b, p, plain, fmt.Sprintf("Estate lock-in %s (0 fully portable, 1 fully captive).", Decimal(l.Estate, 2)))
	if len(l.Providers) > 0 {
		var rows [][]string
		for _, pr := range l.Providers {
			rows = append(rows, []string{providerName(pr.Provider), Decimal(pr.Lockin, 2), percent(pr.Share)})
		}
		b.WriteString(p.table([]string{"Provider", "Lock-in", "Share of lock-in weight"}, rows))
		b.WriteString("\n")
	}
	res := ar.LeastPortable
	if len(res) == 0 {
		return
	}
	var rows [][]string
	for _, r := range res[:min(len(res), topLockin)] {
		alt := strings.Join(r.Alternatives, ", ")
		if alt == "" {
			alt = "-"
		}
		rows = append(rows, []string{nodeName(names, r.Node, ""), r.Product, r.Class, alt})
	}
	b.WriteString(p.table([]string{"Least portable resources", "Product", "Class", "Portable alternatives"}, rows))
	b.WriteString("\n")
	more(b, p, min(len(res), topLockin), len(res), "non-portable resources")
}

// hhiBand names an HHI band as competition authorities do: below 1500
// unconcentrated, up to 2500 moderately concentrated, above highly.
func hhiBand(index float64) string {
	switch {
	case index < 1500:
		return "unconcentrated"
	case index <= 2500:
		return "moderately concentrated"
	}
	return "highly concentrated"
}

// largestShares writes the n largest shares as "aws 80%, gcp 20%".
func largestShares(h simulate.HHI, n int, name func(string) string) string {
	sh := slices.Clone(h.Shares)
	slices.SortStableFunc(sh, func(x, y simulate.Share) int {
		if x.Share != y.Share {
			if x.Share > y.Share {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Key, y.Key)
	})
	var parts []string
	for _, s := range sh[:min(len(sh), n)] {
		parts = append(parts, name(s.Key)+" "+percent100(s.Share))
	}
	if len(sh) > n {
		parts = append(parts, fmt.Sprintf("+%d more", len(sh)-n))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func auditConcentration(b *strings.Builder, p *palette, a *simulate.Audit) {
	c := a.Concentration
	section(b, p, "Concentration (HHI of critical weight, 0-10000)")
	rows := [][]string{
		{"Providers", Decimal(c.Providers.Index, 0), hhiBand(c.Providers.Index), largestShares(c.Providers, topShares, providerName)},
		{"Regions", Decimal(c.Regions.Index, 0), hhiBand(c.Regions.Index), largestShares(c.Regions, topShares, keep)},
		{"Zones", Decimal(c.Zones.Index, 0), hhiBand(c.Zones.Index), largestShares(c.Zones, topShares, keep)},
	}
	b.WriteString(p.table([]string{"Dimension", "HHI", "Band", "Largest shares"}, rows))
	b.WriteString("\n")
}

func keep(s string) string { return s }

func auditGaps(b *strings.Builder, p *palette, a *simulate.Audit) {
	if len(a.Gaps) == 0 && len(a.Estate.Generic) == 0 {
		return
	}
	section(b, p, "Coverage gaps")
	if len(a.Gaps) > 0 {
		line(b, p, warning, "These parts of the estate were not collected. Resources there are unknown, not absent: results may understate the risk.")
		var rows [][]string
		for _, g := range a.Gaps[:min(len(a.Gaps), topGaps)] {
			rows = append(rows, []string{dash(providerName(g.Provider)), dash(g.Account), dash(g.Region), dash(g.Service), g.Status, dash(escape.Shorten(g.Detail, 60))})
		}
		b.WriteString(p.table([]string{"Provider", "Account", "Region", "Service", "Status", "Detail"}, rows))
		b.WriteString("\n")
		more(b, p, min(len(a.Gaps), topGaps), len(a.Gaps), "gaps")
	}
	if len(a.Estate.Generic) > 0 {
		n := 0
		var types []string
		for _, t := range a.Estate.Generic {
			n += t.Count
			types = append(types, fmt.Sprintf("%s (%d)", t.Type, t.Count))
		}
		line(b, p, warning, fmt.Sprintf("%s of types untether cannot classify yet are kept as generic: %s.",
			plural(n, "resource", "resources"), joinAnd(types, 5)))
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

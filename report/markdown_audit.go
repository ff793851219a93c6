package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

func auditMarkdown(b *strings.Builder, r *AuditReport) {
	a, names := r.Audit, r.Names
	es := a.Estate
	b.WriteString("# Resilience audit\n\n")
	if a.Score.NotScored {
		b.WriteString("**Resilience not scored: nothing to score**\n\n")
	} else {
		fmt.Fprintf(b, "**Resilience %s / 100, grade %s**\n\n", Decimal(a.Score.Resilience, 1), escape.Markdown(a.Score.Grade))
	}
	b.WriteString("> " + escape.Markdown(r.Headline) + "\n\n")
	fmt.Fprintf(b, "Estate: %s, %s, %s (%s critical), %s.\n\n",
		plural(es.Nodes, "node", "nodes"), plural(es.Resources, "resource", "resources"),
		plural(es.Services, "service", "services"), Number(es.Critical), plural(es.Edges, "edge", "edges"))
	if es.EntryPoints {
		b.WriteString("No business services are declared: entry resources (needed by nothing) stand in for critical services.\n\n")
	}
	if len(a.Gaps) > 0 {
		fmt.Fprintf(b, "> [!WARNING]\n> Coverage incomplete: %s not collected (see [Coverage gaps](#coverage-gaps)). Not collected does not mean absent.\n\n",
			plural(len(a.Gaps), "part of the estate was", "parts of the estate were"))
	}

	mdRisks(b, r)
	mdScenarios(b, r)
	if len(a.DoublePoints) > 0 {
		fmt.Fprintf(b, "## Double points of failure (%s)\n\nPairs that stop a critical service together though neither does alone.\n\n", Number(r.DoublePoints))
		var rows [][]string
		for _, d := range a.DoublePoints[:min(len(a.DoublePoints), mdTopRisks)] {
			rows = append(rows, []string{escape.Markdown(nodeName(names, d.Nodes[0], "")), escape.Markdown(nodeName(names, d.Nodes[1], "")), mdServices(names, d.Services, 5)})
		}
		mdTable(b, []string{"Node", "Node", "Stops"}, rows)
		mdMore(b, min(len(a.DoublePoints), mdTopRisks), r.DoublePoints, "pairs")
	}
	mdServiceScores(b, r)
	mdLockin(b, r)
	mdConcentration(b, a)
	mdDiagrams(b, r)
	mdGaps(b, a)

	b.WriteString("## Method\n\n")
	if a.Score.Method != "" {
		b.WriteString("- Resilience: " + escape.Markdown(a.Score.Method) + "\n")
	}
	if a.Lockin.Method != "" {
		b.WriteString("- Lock-in: " + escape.Markdown(a.Lockin.Method) + "\n")
	}
	if a.Concentration.Method != "" {
		b.WriteString("- Concentration: " + escape.Markdown(a.Concentration.Method) + "\n")
	}
	if len(a.Live) > 0 {
		b.WriteString("- Read live: " + escape.Markdown(strings.Join(a.Live, "; ")) + "\n")
	}
	b.WriteString("- Grades: A >= 90, B >= 80, C >= 70, D >= 60, F below. Availability figures are SLA-based estimates, not measurements.\n")
}

func mdRisks(b *strings.Builder, r *AuditReport) {
	risks := r.Risks
	fmt.Fprintf(b, "## Top risks: single points of failure (%s)\n\n", Number(len(risks)))
	if len(risks) == 0 {
		b.WriteString("None: no single resource, zone, region, managed service or provider stops a critical service alone.\n\n")
		return
	}
	var rows [][]string
	for _, k := range risks[:min(len(risks), mdTopRisks)] {
		rows = append(rows, []string{levelTitle(k.Level), escape.Markdown(k.What), escape.Markdown(k.Sentence)})
	}
	mdTable(b, []string{"Level", "Fails alone", "Consequence"}, rows)
	mdMore(b, min(len(risks), mdTopRisks), len(risks), "single points of failure")
}

func mdScenarios(b *strings.Builder, r *AuditReport) {
	worst, names := r.Worst, r.Names
	fmt.Fprintf(b, "## Outage scenarios (%s of %s stop a service)\n\n", Number(len(worst)), Number(len(r.Audit.Scenarios)))
	if len(worst) == 0 {
		b.WriteString("No simulated provider, region, zone or managed-service outage stops a business service.\n\n")
		return
	}
	var rows [][]string
	for _, s := range worst[:min(len(worst), mdTopScenarios)] {
		rows = append(rows, []string{escape.Markdown(scenarioTarget(s, names)), escape.Markdown(dash(s.Kind)), fmt.Sprintf("%d", s.CriticalDown),
			mdServices(names, s.ServicesDown, 5), fmt.Sprintf("%s (%s)", Number(s.ResourcesDown), percent(s.ResourceShare)), costCell(s.CostPerHour)})
	}
	mdTable(b, []string{"If this fails", "Kind", "Critical down", "Services down", "Resources down", "Cost / hour"}, rows)
	mdMore(b, min(len(worst), mdTopScenarios), len(worst), "scenarios")
}

func mdServiceScores(b *strings.Builder, r *AuditReport) {
	a := r.Audit
	if len(a.Services) == 0 {
		return
	}
	b.WriteString("## Service scores\n\n")
	var rows [][]string
	for _, s := range r.ServicesByRisk[:min(len(r.ServicesByRisk), mdTopServices)] {
		row := []string{escape.Markdown(serviceName(r.Names, s.Service)), fmt.Sprintf("%d", s.Tier), Decimal(s.Score, 1)}
		for _, level := range scoreLevels {
			row = append(row, survivalCell(s.Survive, level))
		}
		rows = append(rows, row)
	}
	mdTable(b, []string{"Service", "Tier", "Score", "Survives resource", "zone", "region", "provider"}, rows)
	mdMore(b, min(len(a.Services), mdTopServices), len(a.Services), "services")
}

func mdLockin(b *strings.Builder, r *AuditReport) {
	l := r.Audit.Lockin
	fmt.Fprintf(b, "## Lock-in\n\nEstate lock-in **%s** (0 fully portable, 1 fully captive).\n\n", Decimal(l.Estate, 2))
	if len(l.Providers) > 0 {
		var rows [][]string
		for _, p := range l.Providers {
			rows = append(rows, []string{escape.Markdown(providerName(p.Provider)), Decimal(p.Lockin, 2), percent(p.Share)})
		}
		mdTable(b, []string{"Provider", "Lock-in", "Share of lock-in weight"}, rows)
	}
	res := r.LeastPortable
	if len(res) == 0 {
		return
	}
	var rows [][]string
	for _, x := range res[:min(len(res), mdTopLockin)] {
		var alt []string
		for _, y := range x.Alternatives {
			alt = append(alt, escape.Markdown(y))
		}
		rows = append(rows, []string{escape.Markdown(nodeName(r.Names, x.Node, "")), escape.Markdown(x.Product), escape.Markdown(x.Class), dash(strings.Join(alt, ", "))})
	}
	mdTable(b, []string{"Least portable resource", "Product", "Class", "Portable alternatives"}, rows)
	mdMore(b, min(len(res), mdTopLockin), len(res), "non-portable resources")
}

func mdConcentration(b *strings.Builder, a *simulate.Audit) {
	c := a.Concentration
	b.WriteString("## Concentration\n\nHerfindahl-Hirschman index of critical weight (0-10000; above 2500 is highly concentrated).\n\n")
	esc := func(s string) string { return escape.Markdown(s) }
	prov := func(s string) string { return escape.Markdown(providerName(s)) }
	mdTable(b, []string{"Dimension", "HHI", "Band", "Largest shares"}, [][]string{
		{"Providers", Decimal(c.Providers.Index, 0), hhiBand(c.Providers.Index), largestShares(c.Providers, topShares, prov)},
		{"Regions", Decimal(c.Regions.Index, 0), hhiBand(c.Regions.Index), largestShares(c.Regions, topShares, esc)},
		{"Zones", Decimal(c.Zones.Index, 0), hhiBand(c.Zones.Index), largestShares(c.Zones, topShares, esc)},
	})
}

func mdDiagrams(b *strings.Builder, r *AuditReport) {
	risks := r.Risks
	if len(risks) == 0 {
		return
	}
	b.WriteString("## Dependency chains of the top single points of failure\n\n")
	for _, k := range risks[:min(len(risks), mdTopDiagrams)] {
		fmt.Fprintf(b, "### %s\n\n", escape.Markdown(k.What))
		mermaidChain(b, r.Chains[k.Node], r.Names)
	}
	mdMore(b, min(len(risks), mdTopDiagrams), len(risks), "chains")
}

func mdGaps(b *strings.Builder, a *simulate.Audit) {
	if len(a.Gaps) == 0 && len(a.Estate.Generic) == 0 {
		return
	}
	b.WriteString("## Coverage gaps\n\n")
	if len(a.Gaps) > 0 {
		b.WriteString("These parts of the estate were not collected. Resources there are unknown, not absent: results may understate the risk.\n\n")
		var rows [][]string
		for _, g := range a.Gaps[:min(len(a.Gaps), mdTopGaps)] {
			rows = append(rows, []string{escape.Markdown(dash(providerName(g.Provider))), escape.Markdown(dash(g.Account)), escape.Markdown(dash(g.Region)),
				escape.Markdown(dash(g.Service)), escape.Markdown(g.Status), escape.Markdown(dash(escape.Shorten(g.Detail, 120)))})
		}
		mdTable(b, []string{"Provider", "Account", "Region", "Service", "Status", "Detail"}, rows)
		mdMore(b, min(len(a.Gaps), mdTopGaps), len(a.Gaps), "gaps")
	}
	if len(a.Estate.Generic) > 0 {
		var rows [][]string
		for _, t := range a.Estate.Generic {
			rows = append(rows, []string{escape.Markdown(t.Type), Number(t.Count)})
		}
		b.WriteString("Resources of types untether cannot classify yet, kept as generic:\n\n")
		mdTable(b, []string{"Type", "Resources"}, rows)
	}
}

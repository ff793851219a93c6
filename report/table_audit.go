package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// auditTable renders the whole audit for a terminal, most important first.
func auditTable(b *strings.Builder, p *palette, r *AuditReport) {
	a := r.Audit

	box := p.scoreBx.BorderForeground(p.grade(a.Score.Grade).GetForeground()).Render(
		p.grade(a.Score.Grade).Render(fmt.Sprintf("Resilience %s / 100   Grade %s", Decimal(a.Score.Resilience, 1), a.Score.Grade)))
	if a.Score.NotScored {
		box = p.scoreBx.Render(p.bold.Render("Resilience not scored: nothing to score"))
	}
	b.WriteString(box)
	b.WriteString("\n")
	line(b, p, strong, r.Headline)
	es := a.Estate
	line(b, p, dimmed, fmt.Sprintf("Estate: %s, %s, %s (%s critical), %s.",
		plural(es.Nodes, "node", "nodes"), plural(es.Resources, "resource", "resources"),
		plural(es.Services, "service", "services"), Number(es.Critical), plural(es.Edges, "edge", "edges")))
	if es.EntryPoints {
		line(b, p, warning, "No business services are declared: entry resources (needed by nothing) stand in for critical services.")
	}
	if len(a.Gaps) > 0 {
		line(b, p, warning, fmt.Sprintf("Coverage incomplete: %s not collected (see Coverage gaps). Not collected does not mean absent.",
			plural(len(a.Gaps), "part of the estate was", "parts of the estate were")))
	}

	auditSPOFs(b, p, r)
	auditScenarios(b, p, r)
	auditDoublePoints(b, p, r)
	auditServices(b, p, r)
	auditLockin(b, p, r)
	auditConcentration(b, p, a)
	auditGaps(b, p, a)

	section(b, p, "How the score was computed")
	if a.Score.Method != "" {
		line(b, p, plain, "Resilience: "+a.Score.Method)
	}
	if a.Lockin.Method != "" {
		line(b, p, plain, "Lock-in: "+a.Lockin.Method)
	}
	if a.Concentration.Method != "" {
		line(b, p, plain, "Concentration: "+a.Concentration.Method)
	}
	if len(a.Live) > 0 {
		line(b, p, plain, "Read live: "+strings.Join(a.Live, "; "))
	}
	line(b, p, dimmed, "Grades: A >= 90, B >= 80, C >= 70, D >= 60, F below. Availability figures are SLA-based estimates, not measurements.")
}

func auditSPOFs(b *strings.Builder, p *palette, ar *AuditReport) {
	section(b, p, fmt.Sprintf("Single points of failure (%s)", Number(len(ar.Audit.SPOFs))))
	if len(ar.Audit.SPOFs) == 0 {
		line(b, p, fine, "None: no single resource, zone, region, managed service or provider stops a critical service alone.")
		return
	}
	risks := ar.Risks
	for _, level := range levelOrder() {
		var rows [][]string
		total := 0
		for _, r := range risks {
			if r.Level != level {
				continue
			}
			total++
			if total > topSPOFsPerLevel {
				continue
			}
			rows = append(rows, []string{compactWhat(r), joinAnd(r.Services, 3), chainText(ar.Chains[r.Node], ar.Names, maxChain)})
		}
		if total == 0 {
			continue
		}
		b.WriteString(p.bad.Render(fmt.Sprintf("%s (%s)", levelTitle(level), Number(total))))
		b.WriteString("\n")
		b.WriteString(p.table([]string{"Fails alone", "Stops", "Proof (needs chain)"}, rows))
		b.WriteString("\n")
		more(b, p, min(total, topSPOFsPerLevel), total, strings.ToLower(levelTitle(level)))
	}
	line(b, p, dimmed, "Run `untether explain NODE-ID` for the full chain with evidence.")
}

func auditScenarios(b *strings.Builder, p *palette, r *AuditReport) {
	worst, names := r.Worst, r.Names
	section(b, p, fmt.Sprintf("Worst outage scenarios (%s of %s stop a service)", Number(len(worst)), Number(len(r.Audit.Scenarios))))
	if len(worst) == 0 {
		line(b, p, fine, "No simulated provider, region, zone or managed-service outage stops a business service.")
		return
	}
	var rows [][]string
	for _, s := range worst[:min(len(worst), topScenarios)] {
		rows = append(rows, []string{scenarioTarget(s, names), fmt.Sprintf("%d", s.CriticalDown),
			serviceList(names, s.ServicesDown, 2),
			fmt.Sprintf("%s (%s)", Number(s.ResourcesDown), percent(s.ResourceShare)), costCell(s.CostPerHour)})
	}
	b.WriteString(p.table([]string{"If this fails", "Critical", "Services down", "Resources down", "Cost / hour"}, rows))
	b.WriteString("\n")
	more(b, p, min(len(worst), topScenarios), len(worst), "scenarios")
}

func costCell(v float64) string {
	if v <= 0 {
		return "-"
	}
	return Money(v)
}

func auditDoublePoints(b *strings.Builder, p *palette, r *AuditReport) {
	a, names := r.Audit, r.Names
	if len(a.DoublePoints) == 0 {
		return
	}
	section(b, p, fmt.Sprintf("Double points of failure (%s)", Number(r.DoublePoints)))
	line(b, p, dimmed, "Pairs that stop a critical service together though neither does alone.")
	var rows [][]string
	for _, d := range a.DoublePoints[:min(len(a.DoublePoints), topDoublePoints)] {
		rows = append(rows, []string{nodeName(names, d.Nodes[0], "") + " + " + nodeName(names, d.Nodes[1], ""), serviceList(names, d.Services, 3)})
	}
	b.WriteString(p.table([]string{"Pair", "Stops"}, rows))
	b.WriteString("\n")
	more(b, p, min(len(a.DoublePoints), topDoublePoints), r.DoublePoints, "pairs")
}

func auditServices(b *strings.Builder, p *palette, r *AuditReport) {
	a := r.Audit
	if len(a.Services) == 0 {
		return
	}
	section(b, p, "Services")
	var rows [][]string
	for _, s := range r.ServicesByRisk[:min(len(r.ServicesByRisk), topServices)] {
		name := s.Name
		if name == "" {
			name = graph.ServiceName(s.Service)
		}
		row := []string{name, fmt.Sprintf("%d", s.Tier), Decimal(s.Score, 1)}
		for _, level := range scoreLevels {
			row = append(row, survivalCell(s.Survive, level))
		}
		avail := "-"
		if s.Availability != nil {
			avail = fmt.Sprintf("%s nines", Decimal(s.Availability.Nines, 1))
		}
		rows = append(rows, append(row, avail))
	}
	b.WriteString(p.table([]string{"Service", "Tier", "Score", "Survives resource", "zone", "region", "provider", "Availability"}, rows))
	b.WriteString("\n")
	more(b, p, min(len(a.Services), topServices), len(a.Services), "services")
}

// survivalCell shows "2/3" failure domains survived at one level.
func survivalCell(sv []simulate.Survival, level graph.Level) string {
	for _, s := range sv {
		if s.Level == level {
			if s.Domains == 0 {
				return "-"
			}
			return fmt.Sprintf("%d/%d", s.Survived, s.Domains)
		}
	}
	return "-"
}

// compactWhat names a risk's node briefly for a table cell.
func compactWhat(r Risk) string {
	return r.What
}

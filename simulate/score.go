package simulate

import "fmt"

// The resilience score (DESIGN.md §7).

var levelWeights = [4]float64{0.25, 0.30, 0.30, 0.15}

func scoreMethod(m *Model) string {
	subject := "service"
	if m.entryPoints {
		subject = "entry point (the estate declares no service, so resources nothing needs stand in as tier-2 services)"
	}
	return fmt.Sprintf("For each %s s and each level L in resource, zone, region, provider: D_L(s) is the set of level-L nodes reachable from s over needs edges (s itself excluded), and survive_L(s) is the share of D_L(s) whose failure alone leaves s UP (1 when D_L(s) is empty); each failure is simulated with the failure rules of the model (README, \"The model\": a node is down when anything it needs is down, a k-of-n group when fewer than k members are up). score(s) = 100 x (0.25 survive_resource + 0.30 survive_zone + 0.30 survive_region + 0.15 survive_provider). The estate score is the mean of score(s) weighted by tier (tier 1 = 8, 2 = 4, 3 = 2, 4 = 1), computed from unrounded values and rounded to 0.1; grade A >= 90, B >= 80, C >= 70, D >= 60, else F.", subject)
}

func (m *Model) scores(cs *coneStats, sr *scanResult) (Score, []ServiceScore) {
	out := make([]ServiceScore, 0, len(m.services))
	var num, den float64
	for k, s := range m.services {
		nd := m.c.Nodes[s]
		ss := ServiceScore{Service: nd.ID, Name: nd.Label(), Tier: m.Tier(s), Critical: m.IsCritical(s), Weight: TierWeight(m.Tier(s))}
		var raw float64
		for l, name := range scoreLevels {
			d, killed := int(cs.domains[k][l]), int(sr.killed[k][l])
			share := 1.0
			if d > 0 {
				share = float64(d-killed) / float64(d)
			}
			raw += levelWeights[l] * share
			ss.Survive = append(ss.Survive, Survival{Level: name, Domains: d, Survived: d - killed, Share: round4(share)})
		}
		raw *= 100
		ss.Score = round1(raw)
		num += float64(ss.Weight) * raw
		den += float64(ss.Weight)
		out = append(out, ss)
	}
	sc := Score{Resilience: 100, Method: scoreMethod(m)}
	if den > 0 {
		sc.Resilience = round1(num / den)
	} else {
		sc.NotScored = true
	}
	sc.Grade = Grade(sc.Resilience)
	return sc, out
}

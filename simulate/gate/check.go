package gate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// CheckVersion is the version of the check result in its "untether_check"
// field; every check report format is rendered from this one result.
const CheckVersion = 1

// CheckResult compares an audit with a baseline under a gate.
type CheckResult struct {
	Version int    `json:"untether_check"`
	Verdict string `json:"verdict"` // pass or fail
	// Headline is one sentence saying what happened.
	Headline string `json:"headline"`
	// FailOn holds the gate's terms; Reasons says which of them failed.
	FailOn  []string     `json:"fail_on"`
	Reasons []GateReason `json:"reasons"`
	Scores  ScoreDeltas  `json:"scores"`
	// Findings by what changed since the baseline; each list sorted by id.
	New       []CheckFinding     `json:"new"`
	Fixed     []simulate.Finding `json:"fixed"`
	Unchanged []simulate.Finding `json:"unchanged"`
	Waived    []WaivedFinding    `json:"waived"`
	// ExpiredWaivers no longer waive; UnusedWaivers match no finding.
	ExpiredWaivers []Waiver `json:"expired_waivers"`
	UnusedWaivers  []Waiver `json:"unused_waivers"`
	// NewSPOFs are SPOFs the baseline did not accept, with their chains;
	// FixedSPOFs are accepted SPOFs that are gone.
	NewSPOFs   []simulate.SPOF `json:"new_spofs"`
	FixedSPOFs []BaselineSPOF  `json:"fixed_spofs"`
	// Gaps are the estate's coverage gaps (discovery was partial).
	Gaps []graph.Gap `json:"gaps"`
}

// Failed reports whether the gate failed.
func (r *CheckResult) Failed() bool { return r.Verdict == "fail" }

// CheckFinding is a finding not in the baseline; FailsGate says whether it
// alone fails the gate.
type CheckFinding struct {
	simulate.Finding
	FailsGate bool `json:"fails_gate"`
}

// WaivedFinding is a finding a live waiver accepts.
type WaivedFinding struct {
	simulate.Finding
	Waiver Waiver `json:"waiver"`
}

// GateReason is one reason the gate failed.
type GateReason struct {
	Term    string `json:"term"`              // the fail-on term
	Finding string `json:"finding,omitempty"` // the finding id, when one
	Message string `json:"message"`
}

// ScoreDeltas are the scores then and now.
type ScoreDeltas struct {
	// NotScored is true when the baseline or the current audit had nothing
	// to score (simulate.Score.NotScored): the resilience figures and grade
	// then say nothing, and no score-drop term applies.
	NotScored    bool      `json:"not_scored,omitempty"`
	Resilience   Delta     `json:"resilience"`
	Grade        [2]string `json:"grade"` // baseline, current
	Lockin       Delta     `json:"lockin"`
	HHIProviders Delta     `json:"hhi_providers"`
	HHIRegions   Delta     `json:"hhi_regions"`
	HHIZones     Delta     `json:"hhi_zones"`
}

// Delta is one score in the baseline and now; Change = Current - Baseline.
type Delta struct {
	Baseline float64 `json:"baseline"`
	Current  float64 `json:"current"`
	Change   float64 `json:"change"`
}

func checkDelta(base, cur float64, round func(float64) float64) Delta {
	return Delta{Baseline: base, Current: cur, Change: round(cur - base)}
}

// Check compares the current audit with the baseline under the gate on day
// today (only its date matters: waivers expire by date). It never fails on
// input: the gate verdict is in the result.
func Check(current *simulate.Audit, base *Baseline, gate Gate, today time.Time) *CheckResult {
	day := today.Format(time.DateOnly)
	r := &CheckResult{
		Version:        CheckVersion,
		FailOn:         checkNonNil(gate.FailOn),
		Reasons:        []GateReason{},
		New:            []CheckFinding{},
		Fixed:          []simulate.Finding{},
		Unchanged:      []simulate.Finding{},
		Waived:         []WaivedFinding{},
		ExpiredWaivers: []Waiver{},
		UnusedWaivers:  []Waiver{},
		NewSPOFs:       []simulate.SPOF{},
		FixedSPOFs:     []BaselineSPOF{},
		Gaps:           checkNonNil(current.Gaps),
	}
	r.Scores = ScoreDeltas{
		NotScored:    base.Score.NotScored || current.Score.NotScored,
		Resilience:   checkDelta(base.Score.Resilience, current.Score.Resilience, simulate.Round1),
		Grade:        [2]string{base.Score.Grade, current.Score.Grade},
		Lockin:       checkDelta(base.Lockin, current.Lockin.Estate, simulate.Round4),
		HHIProviders: checkDelta(base.Concentration.Providers, current.Concentration.Providers.Index, simulate.Round1),
		HHIRegions:   checkDelta(base.Concentration.Regions, current.Concentration.Regions.Index, simulate.Round1),
		HHIZones:     checkDelta(base.Concentration.Zones, current.Concentration.Zones.Index, simulate.Round1),
	}

	// Live waivers waive; expired ones are reported and waive nothing.
	var live []Waiver
	used := make([]bool, len(gate.Waivers))
	liveIdx := []int{}
	for i, w := range gate.Waivers {
		if w.Expired(day) {
			r.ExpiredWaivers = append(r.ExpiredWaivers, w)
			continue
		}
		live = append(live, w)
		liveIdx = append(liveIdx, i)
	}

	spofNodes := make(map[string]bool, len(current.SPOFs))
	for _, s := range current.SPOFs {
		spofNodes[s.Node] = true
	}
	findings := slices.Clone(current.Findings)
	slices.SortStableFunc(findings, func(a, b simulate.Finding) int { return strings.Compare(a.ID, b.ID) })
	seen := make(map[string]bool, len(findings))
	waivedNodes := make(map[string]bool)
	spofReasoned := make(map[string]bool) // nodes already failing new-spof
	for _, f := range findings {
		seen[f.ID] = true
		if j := slices.IndexFunc(live, func(w Waiver) bool { return w.Matches(f) }); j >= 0 {
			used[liveIdx[j]] = true
			// Every live waiver that matches is used, not only the first.
			for k := j + 1; k < len(live); k++ {
				if live[k].Matches(f) {
					used[liveIdx[k]] = true
				}
			}
			r.Waived = append(r.Waived, WaivedFinding{Finding: f, Waiver: live[j]})
			waivedNodes[f.Node] = true
			continue
		}
		if base.Has(f.ID) {
			r.Unchanged = append(r.Unchanged, f)
			continue
		}
		cf := CheckFinding{Finding: f}
		if gate.Severity != "" && SeverityRank(f.Severity) >= SeverityRank(gate.Severity) {
			cf.FailsGate = true
			r.Reasons = append(r.Reasons, GateReason{Term: gate.Severity, Finding: f.ID,
				Message: fmt.Sprintf("new %s finding %s", f.Severity, f.ID)})
		}
		if gate.NewSPOF && (spofNodes[f.Node] || strings.HasPrefix(f.Rule, "spof")) && !base.HasSPOF(f.Node) {
			cf.FailsGate = true
			spofReasoned[f.Node] = true
			r.Reasons = append(r.Reasons, GateReason{Term: "new-spof", Finding: f.ID,
				Message: fmt.Sprintf("new single point of failure %s", current.Name(f.Node))})
		}
		r.New = append(r.New, cf)
	}
	for _, f := range base.Findings {
		if !seen[f.ID] {
			r.Fixed = append(r.Fixed, f)
		}
	}
	for i, w := range gate.Waivers {
		if !used[i] && !w.Expired(day) {
			r.UnusedWaivers = append(r.UnusedWaivers, w)
		}
	}

	// SPOFs: new ones the gate may fail on even without a finding for them.
	for _, s := range current.SPOFs {
		if base.HasSPOF(s.Node) || waivedNodes[s.Node] {
			continue
		}
		r.NewSPOFs = append(r.NewSPOFs, s)
		if gate.NewSPOF && !spofReasoned[s.Node] {
			r.Reasons = append(r.Reasons, GateReason{Term: "new-spof",
				Message: fmt.Sprintf("new single point of failure %s (%s) takes down %s", current.Name(s.Node), s.Level, strings.Join(current.NamesOf(s.Services), ", "))})
		}
	}
	for _, s := range base.SPOFs {
		if !spofNodes[s.Node] {
			r.FixedSPOFs = append(r.FixedSPOFs, s)
		}
	}
	slices.SortFunc(r.NewSPOFs, func(a, b simulate.SPOF) int { return strings.Compare(a.Node, b.Node) })

	r.scoreReasons(gate, current)
	r.Verdict = "pass"
	if len(r.Reasons) > 0 {
		r.Verdict = "fail"
	}
	r.Headline = r.headline()
	return r
}

func (r *CheckResult) scoreReasons(gate Gate, a *simulate.Audit) {
	if gate.ScoreDrop != nil && !r.Scores.NotScored {
		if drop := -r.Scores.Resilience.Change; drop > *gate.ScoreDrop {
			r.Reasons = append(r.Reasons, GateReason{Term: fmt.Sprintf("score-drop=%g", *gate.ScoreDrop),
				Message: fmt.Sprintf("resilience fell %.1f points (%.1f -> %.1f), more than the %g allowed",
					drop, r.Scores.Resilience.Baseline, r.Scores.Resilience.Current, *gate.ScoreDrop)})
		}
	}
	if gate.MaxLockin != nil && a.Lockin.Estate > *gate.MaxLockin {
		r.Reasons = append(r.Reasons, GateReason{Term: fmt.Sprintf("lockin>%g", *gate.MaxLockin),
			Message: fmt.Sprintf("estate lock-in is %.2f, above %g", a.Lockin.Estate, *gate.MaxLockin)})
	}
	if gate.MaxHHI != nil {
		for _, h := range []struct {
			name string
			d    Delta
		}{{"providers", r.Scores.HHIProviders}, {"regions", r.Scores.HHIRegions}, {"zones", r.Scores.HHIZones}} {
			if h.d.Current > *gate.MaxHHI {
				r.Reasons = append(r.Reasons, GateReason{Term: fmt.Sprintf("hhi>%g", *gate.MaxHHI),
					Message: fmt.Sprintf("concentration over %s is HHI %.0f, above %g", h.name, h.d.Current, *gate.MaxHHI)})
			}
		}
	}
}

func (r *CheckResult) headline() string {
	score := fmt.Sprintf("resilience %.1f -> %.1f", r.Scores.Resilience.Baseline, r.Scores.Resilience.Current)
	if r.Scores.NotScored {
		score = "resilience not scored: nothing to score"
	}
	if r.Verdict == "fail" {
		n := r.reasonCount()
		return fmt.Sprintf("untether check failed: %d %s (%d new %s, %d fixed; %s).",
			n, checkPlural(n, "reason", "reasons"), len(r.New), checkPlural(len(r.New), "finding", "findings"),
			len(r.Fixed), score)
	}
	return fmt.Sprintf("untether check passed: %d new %s, %d fixed, %d waived; %s.",
		len(r.New), checkPlural(len(r.New), "finding", "findings"), len(r.Fixed), len(r.Waived), score)
}

// reasonCount counts the reasons as the reports list them: the terms one
// finding fails (its severity and new-spof) are one reason.
func (r *CheckResult) reasonCount() int {
	n, seen := 0, map[string]bool{}
	for _, reason := range r.Reasons {
		if reason.Finding != "" {
			if seen[reason.Finding] {
				continue
			}
			seen[reason.Finding] = true
		}
		n++
	}
	return n
}

func checkPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func checkNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

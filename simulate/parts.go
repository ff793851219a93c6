package simulate

import (
	"fmt"
	"slices"
)

// Parts of the audit on their own, for callers that need one figure many
// times (the planner re-scoring candidate estates, the CI gate).

// ScanSPOFs runs the SPOF scan alone: every resource and placement node
// whose failure alone takes a critical service down, sorted by node id.
func (m *Model) ScanSPOFs() []SPOF {
	return m.spofs(m.scan(nil, nil))
}

// spofs turns the scan's records into results, each chain bounded.
func (m *Model) spofs(sr *scanResult) []SPOF {
	out := make([]SPOF, 0, len(sr.spofs))
	for _, r := range sr.spofs {
		chain, omitted := sr.links.bounded(r.chain)
		ids := m.ids(chain)
		if omitted > 0 {
			ids = slices.Insert(ids, chainHead, ChainGap(omitted))
		}
		out = append(out, SPOF{Node: m.id(r.node), Level: m.Level(r.node), Services: m.ids(r.services), Chain: ids, ChainOmitted: omitted})
	}
	return out
}

// ServiceScores computes the resilience score alone (no double points,
// lock-in or concentration): the estate's Score and one ServiceScore per
// service, exactly as Audit reports them.
func (m *Model) ServiceScores() (Score, []ServiceScore) {
	cs := m.cones()
	return m.scores(cs, m.scan(nil, nil))
}

// ChainGap is the entry a bounded chain holds in place of the n node ids
// left out of its middle, so every format that joins a chain shows it.
func ChainGap(n int) string { return fmt.Sprintf("… %d more …", n) }

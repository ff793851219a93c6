package simulate

import "fmt"

// Parts of the audit on their own, for callers that need one figure many
// times (the planner re-scoring candidate estates, the CI gate).

// ScanSPOFs runs the SPOF scan alone: every resource and placement node
// whose failure alone takes a critical service down, sorted by node id.
func (m *Model) ScanSPOFs() []SPOF {
	return m.spofs(m.scan(nil, nil))
}

// spofs turns the scan's records into results, each chain bounded.
// The SPOFs' service and chain lists are carved from shared blocks: one
// allocation per few thousand SPOFs instead of two per SPOF.
func (m *Model) spofs(sr *scanResult) []SPOF {
	out := make([]SPOF, 0, len(sr.spofs))
	var block []string
	carve := func(n int) []string {
		if block == nil || n > cap(block)-len(block) {
			block = make([]string, 0, max(n, min(16<<10, 20*len(sr.spofs))))
		}
		lo := len(block)
		block = block[:lo+n]
		return block[lo : lo+n : lo+n]
	}
	for _, r := range sr.spofs {
		chain, omitted := sr.links.bounded(r.chain)
		gap := 0
		if omitted > 0 {
			gap = 1
		}
		ids := carve(len(chain) + gap)
		for k, x := range chain {
			if k >= chainHead {
				k += gap
			}
			ids[k] = m.id(x)
		}
		if gap > 0 {
			ids[chainHead] = ChainGap(omitted)
		}
		svcs := carve(len(r.services))
		for k, s := range r.services {
			svcs[k] = m.id(s)
		}
		out = append(out, SPOF{Node: m.id(r.node), Level: m.Level(r.node), Services: svcs, Chain: ids, ChainOmitted: omitted})
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

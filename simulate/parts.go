package simulate

// Parts of the audit on their own, for callers that need one figure many
// times (the planner re-scoring candidate estates, the CI gate).

// ScanSPOFs runs the SPOF scan alone: every resource and placement node
// whose failure alone takes a critical service down, sorted by node id.
func (m *Model) ScanSPOFs() []SPOF {
	sr := m.scan(nil)
	out := make([]SPOF, 0, len(sr.spofs))
	for _, r := range sr.spofs {
		out = append(out, SPOF{Node: m.id(r.node), Level: m.Level(r.node), Services: m.ids(r.services), Chain: m.ids(r.chain)})
	}
	return out
}

// ServiceScores computes the resilience score alone (no double points,
// lock-in or concentration): the estate's Score and one ServiceScore per
// service, exactly as Audit reports them.
func (m *Model) ServiceScores() (Score, []ServiceScore) {
	cs := m.cones()
	return m.scores(cs, m.scan(nil))
}

package report

import "fmt"

// ghCheck annotates a check: each new finding (an error when it fails the
// gate, else a warning), each gate reason no finding carries, expired and
// unused waivers, then the headline.
func ghCheck(cr *CheckReport) []ghAnnotation {
	r := cr.Check
	var as []ghAnnotation
	var locs map[string]Location
	if cr.Audit != nil {
		locs = cr.Audit.Locations
	}
	for _, f := range r.New {
		level := "warning"
		if f.FailsGate {
			level = "error"
		}
		as = append(as, ghFinding(f.Finding, level, locs))
	}
	for _, reason := range r.Reasons {
		if reason.Finding == "" {
			as = append(as, ghAnnotation{level: "error", title: "untether gate: " + reason.Term, msg: reason.Message})
		}
	}
	for _, wv := range r.ExpiredWaivers {
		as = append(as, ghAnnotation{level: "warning", title: "untether: expired waiver",
			msg: fmt.Sprintf("waiver %s (%s) expired on %s and no longer waives", wv.Selector(), wv.Reason, wv.Expires)})
	}
	for _, wv := range r.UnusedWaivers {
		as = append(as, ghAnnotation{level: "notice", title: "untether: unused waiver",
			msg: fmt.Sprintf("waiver %s matches no finding; remove it", wv.Selector())})
	}
	as = append(as, ghAnnotation{level: "notice", title: "untether check", msg: r.Headline})
	return as
}

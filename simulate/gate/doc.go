// Package gate is the CI gate of untether: what `untether check` compares
// and decides.
//
// What goes in: the current Audit (from simulate), a Baseline the team
// accepted (NewBaseline writes it, ParseBaseline reads it back, naming the
// file and place of any error) and a Gate (the fail-on terms, ParseFailOn,
// and the waivers with their expiry dates).
//
// What comes out: a CheckResult (Check): the findings new since the
// baseline, fixed, unchanged and waived, the score deltas, and the reasons
// the gate fails, if it does; report writers render it in every format.
//
// What always holds: Check never fails on its input (the verdict is in the
// result); a waiver expires by date alone (the day passed in, no clock);
// every list is sorted, so the same input gives the same bytes. It sits
// above the simulator, uses simulate and graph only, and neither the
// simulator nor the planner (simulate/planner) imports it.
package gate

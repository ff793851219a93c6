// Package report renders untether's results: one Writer per format, chosen
// from an explicit registry by name.
//
// Every command's result is computed once, before any writer runs, as one
// typed Result (AuditReport, SimulationReport, ExplanationReport,
// PlanReport, CheckReport from NewAudit, NewSimulation, NewExplanation,
// NewPlan and NewCheck): the versioned result of the simulator, planner or
// gate, whose JSON form is the machine-readable contract, and everything
// derived from it that a format shows: the headline, the top risks, the
// worst outages and their costs, display names, goal verdicts, gate
// reasons, source locations and the HTML dependency map. A Writer has one
// method per kind of result and gets only that result and layout Options,
// so no format recomputes a figure and every format shows the same one; a
// format that cannot show a kind says so with an *UnsupportedError.
//
// Writers are deterministic: the same result gives the same bytes. Text that
// came from a cloud API or a user file is escaped for the format it lands in,
// always by package report/escape (one function per medium). Money is always
// Money. This package never parses flags; the command layer hands it Options.
//
// Files are named <format>_<result>.go (table_audit.go, markdown_plan.go);
// result*.go compute the results.
package report

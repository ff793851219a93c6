// Package report renders untether's results: one Writer per format, chosen
// from an explicit registry by name. Every format is rendered from the same
// result value (a *simulate.Audit, *simulate.Simulation, *simulate.Explanation,
// and the check and plan results), whose JSON form is the versioned,
// machine-readable one; an unknown format is an error, never a silent default.
//
// Writers are deterministic: the same result gives the same bytes. Text that
// came from a cloud API or a user file is escaped for the format it lands in,
// always by package report/escape (one function per medium). Nodes are named
// by the display names the result carries (its Names, from
// graph.DisplayNames), so every format shows the same name; money is always
// Money, so every format shows the same figure.
// This package never parses flags; the command layer hands it Options.
package report

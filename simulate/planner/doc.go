// Package planner is the migration planner of untether (DESIGN.md §8):
// BuildPlan transforms a copy of the estate with catalog actions and
// re-simulates it after every wave.
//
// What goes in: a valid estate, the simulation Options, goals, a tier and an
// action catalog (actions.yaml, or a file laid over it). What comes
// out: a Plan (waves of catalog actions, each wave verified by re-simulating
// the transformed estate; every score and service before and after; what
// stays out of reach and why) and the transformed estate itself.
//
// What always holds: the input estate is never changed; a goal is reported
// met only when the re-simulation of the final estate and an independent
// audit of it both confirm it; no copy, peer or move puts a node outside
// the residency pins that bind it; a dependency is fixed in the same wave as
// its dependents or an earlier one; every node or edge the plan adds or
// changes carries the evidence "plan:<action-id>"; the same input gives the
// same plan, byte for byte (no map order, no clock).
//
// Where it stands: above the simulator. It uses simulate's Model through a
// small surface (NewModel, Audit, the Propagator, the cone weights and the
// lock-in, concentration and rounding rules of simulate/surface.go) and
// graph; the simulator never imports it, nor does the CI gate
// (simulate/gate). No I/O, no clock, no flags.
package planner

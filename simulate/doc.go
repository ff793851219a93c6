// Package simulate is the outage simulator of untether: it turns an estate
// into blast radii, single points of failure, double points, lock-in,
// concentration and the resilience score of DESIGN.md §3-§7.
//
// What goes in: a validated *graph.Estate and Options (which tiers are
// critical, which get double points, the lock-in and availability catalogs).
// NewModel compiles it once; every method of Model is then a pure function of
// the estate.
//
// What comes out: a Simulation for a set of selectors (Simulate), an Audit
// with every sweep and score, SLA-based availability included (Audit), an
// Explanation for one node (Explain). The result types are in result.go;
// report writers render them.
//
// Two consumers sit above it, in their own packages: the CI gate
// (simulate/gate: baselines, waivers and check) and the migration planner
// (simulate/planner: plans proven by re-simulation). They use the Model
// through a small surface, surface.go (a reusable Propagator, the cone
// weights, the lock-in, concentration and rounding rules), besides NewModel,
// Audit and the result types; this package never imports them.
//
// What always holds:
//   - The failure rules are exactly DESIGN.md §3: an injected node is DOWN; a
//     resource, placement or service node is DOWN if any node it needs is
//     DOWN; a group is DOWN when fewer than need of its members are UP. The
//     state is the greatest fixpoint of UP (cycles are legal and stay UP
//     unless something forces them DOWN).
//   - Failing a superset of nodes never brings a node back UP.
//   - Results do not depend on the order of nodes or edges in the estate, nor
//     on map iteration: every list is sorted, every number rounded the same way.
//   - SPOF candidates are resource and placement nodes only. When entry
//     points stand in for services (the estate declares none), an entry
//     point is not counted as its own SPOF nor in its own failure domains.
//   - No I/O, no clock, no flags, no panics on any valid estate.
package simulate

// Package collectortest is the conformance suite every collector of
// untether passes (AWS today; GCP and Azure follow the same pattern).
//
// What goes in: a Suite naming how to run the collector against a fake
// source with known contents (Collect), the secrets planted in that source,
// and a run against a source whose APIs fail (Failing) with the gaps that
// run must report.
//
// What comes out: test failures, one per broken promise.
//
// What always holds for a conforming collector: two runs give the same
// bytes (stable ids, deterministic order); every resource and group node
// and every edge carries evidence; resource ids look like provider ids and
// are never empty; no planted secret appears anywhere in the estate; a
// failing API becomes a gap with a known status, never a silent hole.
package collectortest

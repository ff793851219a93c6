// Package aws is untether's collector for live AWS accounts. It inventories
// one or many accounts across regions with the official aws-sdk-go-v2 and
// turns what it finds into a *graph.Estate (DESIGN.md §3 and §5).
//
// What goes in: Options naming the principals (the default credential chain,
// shared-config profiles, roles to assume), the regions, an optional endpoint
// override (emulators, air-gapped endpoints, tests) and the limits
// (concurrency, per-call timeout, retries).
//
// What comes out: an estate whose resource nodes carry ARNs as ids and
// evidence naming the API call and field that produced each node and edge,
// with the placement edges of DESIGN.md §3 (zones by AZ id, regional and
// global managed services, k-of-n groups for redundancy). Every (account,
// region, service) that could not be read completely becomes a graph.Gap
// (denied, not_enabled or failed), so "not collected" never reads as
// "absent".
//
// What always holds: only read-only calls (Describe*, List*, Get*) are made,
// every listing is paginated, at most Options.Run.Concurrency requests are in
// flight at once, throttled calls are retried with backoff and jitter, no
// secret is stored (no user data, no environment variables, no tag values
// under keys that look secret), and the same account state gives the same
// bytes out. Cancelling the context stops the run promptly with ctx.Err().
//
// One file per AWS service or resource family; run.go schedules the steps,
// sink.go assembles their findings into the estate once all have finished.
package aws

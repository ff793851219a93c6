// Package azure is untether's collector for live Azure: every subscription
// the identity can read (or the ones named, or a management group's) in one
// Azure Resource Graph query, turned into a *graph.Estate (DESIGN.md §3, §5).
//
// What goes in: Options naming the scope (subscriptions, management groups,
// or nothing for every readable subscription), the cloud (public, China, US
// Government) or an endpoint override (sovereign clouds, tests), and a
// credential (azidentity's default chain unless a test gives one). Calls
// go through the shared runner of package discover, which bounds them,
// times them out and retries HTTP 429 honouring Retry-After.
//
// How it reads: one KQL query over the resources table, plus the
// subscriptions of resourcecontainers (to learn which subscriptions were
// really read), projecting id and ordered by id, paged with $skipToken at
// 1,000 rows a page. limit, take and projections of dynamic columns only
// would make Resource Graph drop the token, so the query has none. The
// x-ms-user-quota-remaining and x-ms-user-quota-resets-after headers pace
// the next request before Resource Graph has to throttle.
//
// What comes out: resource nodes whose ids are ARM ids and whose evidence
// names the Resource Graph column that placed them (zones, sku.name,
// properties.zoneRedundant ...), the placement edges of DESIGN.md §3, and a
// gap for every part not read: a subscription denied (403), a storm of 429s
// that outlasts the retries, a malformed page, a truncated result, the
// 10,000-subscription limit. Resource Graph is an index that can lag behind
// Resource Manager by minutes; Describe says so in every report.
//
// What always holds: only the read-only query call is made; no secret is
// kept (only selected fields reach attrs; secret-looking tag values are
// redacted); the same rows give the same bytes; an unknown zone is placed on
// the explicit decided-at-apply zone, never read as redundant.
//
// Azure zone numbers are logical per subscription: zone "1" of one
// subscription need not be zone "1" of another. Zone ids here are region
// and logical number, as Terraform writes them.
package azure

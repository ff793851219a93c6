// Package discover turns inputs into one estate (*graph.Estate): SOURCE
// files (estate files, Terraform state or plan JSON, chosen by content),
// the embedded demo, live clouds through collectors, and inventory files
// laid over the result. The command layer calls Load with a Spec; it never
// picks readers itself.
//
// # How a collector plugs in
//
// A live collector (aws, gcp, azure ...) is a package discover/<name> with
// a type that implements Collector:
//
//   - Name returns the provider name; every flag the collector registers in
//     Flags starts with it (--aws, --gcp-project, --azure-subscription).
//     The runner's flags (--concurrency, --call-timeout, --max-pages,
//     --deadline) are shared and registered once, by RunOptions.Flags.
//   - Enabled reports whether the parsed flags ask for a run; Describe
//     names the source for reports.
//   - Collect gets a *Run, the shared runner, and makes every API call
//     through it: run.Transport(base) as the HTTP transport for SDKs that
//     do not retry throttling (it bounds the requests in flight, times out
//     each attempt, retries 429 and transient 5xx with jittered backoff
//     that honours Retry-After, counts calls), or run.Client(base) for SDKs
//     with their own retryer (give that retryer run.Backoff). Each listing
//     bounds its pagination with NewPages(ctx).Next(token). Work is done
//     under ctx, cancel := run.Context(ctx), which carries --deadline;
//     Stopped(ctx) tells a deadline cut (record a gap with DeadlineDetail)
//     from Ctrl-C (return the error). Progress goes through run.Update.
//   - Every failure of a part (denied, not enabled, throttled beyond the
//     attempts, timed out, malformed answer, paging stopped) is a
//     graph.Gap whose Detail says what happened and how to fix it; only
//     bad flags (Usagef), Ctrl-C and an invalid estate are errors.
//
// Then add one line to discover/all.Collectors, and a test in the package
// that runs collectortest.Run against an in-process fake of the cloud's
// wire protocol (discover/all's test fails until there is one).
package discover

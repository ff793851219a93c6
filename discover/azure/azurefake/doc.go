// Package azurefake is an in-process Azure Resource Graph for tests: an
// httptest TLS server that answers the real query call (POST
// /providers/Microsoft.ResourceGraph/resources?api-version=..., body
// {query, subscriptions, managementGroups, options: {$top, $skipToken,
// resultFormat}}) from rows shaped like the real service's, pages them with
// $skipToken, and can deny subscriptions, throttle with 429 and
// Retry-After, send a malformed page, truncate a result, flag the
// 10,000-subscription limit and send the quota headers. It refuses every
// other method and path, and records every call so tests can prove the
// collector makes only the query call.
package azurefake

// Package gcpfake is an in-process Cloud Asset Inventory that speaks the
// REST wire protocol of assets.list (GET /v1/{parent}/assets with
// assetTypes, contentType, pageSize and pageToken; Google's JSON error
// body with google.rpc.ErrorInfo details) for the GCP collector's tests
// and end-to-end scripts. It serves projects, folders and organizations
// from fixture assets whose resource.data follow the shapes of real API
// responses, pages them, and can throttle (429 with Retry-After), deny a
// project, answer "API not enabled" or "quota project missing", refuse an
// asset type, stall, loop its page tokens or answer garbage. It refuses
// every request that is not a read, and records what it was asked.
package gcpfake

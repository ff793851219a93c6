// Package gcp is the Google Cloud collector: it reads projects, folders
// or an organization through Cloud Asset Inventory (assets.list with
// content type RESOURCE, the REST client of cloud.google.com/go/asset) and
// maps each asset's resource.data, the service's own REST JSON, to nodes
// placed on the zones, regions and managed services that carry them.
//
// What goes in: Options (parents, quota project, endpoint) and a
// discover.Run, which every call goes through. Credentials come from
// Application Default Credentials only; an http:// endpoint (a local fake
// or emulator) gets none.
//
// What comes out: an estate whose resource ids are the resources' self
// links (so a Terraform estate of the same project joins it), every node
// and edge with evidence naming the asset type and field, and one gap per
// parent that could not be read fully, whose detail says how to fix it
// (enable the API, grant roles/cloudasset.viewer, set a quota project).
//
// What always holds: only assets.list is called; ListAssets calls stay
// within 100 a minute per calling project, and 429s are retried honouring
// Retry-After; no label value under a secret-looking key, no metadata,
// environment or credential field reaches the estate; the same answers
// give the same bytes. Inventories can lag the live state by minutes.
package gcp

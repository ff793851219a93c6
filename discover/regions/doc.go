// Package regions holds facts about cloud locations that more than one
// source needs, as data: today Google Cloud's predefined dual regions
// (NAM4 = us-central1 + us-east1 ...), which the GCP collector and the
// Terraform reader both turn into "any one of these regions", and which
// regional instance group shapes may put every VM in one zone.
//
// In: a location name as a source gives it (any case). Out: the regions
// it spans. The table is gcp_dual_regions.tsv, embedded; a location it does
// not list is not a dual region.
package regions

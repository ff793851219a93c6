// Package roles is the one role taxonomy of untether: for every
// provider-native type a source can produce (Terraform types, the AWS
// collector's CloudFormation-style types, GCP Cloud Asset types, Azure ARM
// types), whether the object is a workload, part of the network data path,
// or configuration (DESIGN.md §3).
//
// In: a type string. Out: its graph.Role (and a normalised kind where the
// table gives one). The table is data, roles.tsv, embedded and reviewed as
// one file; every collector and reader calls Of instead of keeping its own
// list. What always holds: lookups ignore case, an exact row wins over a
// pattern, the more specific pattern wins over a shorter one, and a type no
// row matches reads as workload (Lookup says it was unmapped).
package roles

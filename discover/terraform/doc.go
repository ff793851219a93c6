// Package terraform reads Terraform files into an estate.
//
// In: raw state files (format version 4, as written by `terraform state pull`
// or a .tfstate backend) and `terraform show -json` output for a state or a
// saved plan (format_version 0.1 to 1.x). The reader is chosen by content
// (Detect), never by file name. Read merges several files (root modules,
// workspaces) into one estate.
//
// Out: a *graph.Estate with one resource node per managed resource instance
// (module paths, count and for_each instances each their own node), the
// placement nodes they need (provider, region, zone, regional or global
// managed service) and the redundancy groups their attributes show
// (multi_az, zone lists, REGIONAL availability, ZRS/GRS, replicas, global
// tables, geo locations ...). Every node and edge carries evidence naming the
// Terraform attribute that produced it.
//
// Node ids: the real cloud id when the file knows it (an AWS ARN, a GCP
// self_link or "projects/..." id, an Azure ARM id "/subscriptions/..."), so
// a Terraform estate joins a live-discovered one; otherwise the full resource
// instance address (module.app.aws_instance.web[2]). The address is always
// kept in attrs["address"]. When several files hold the same address with no
// real id, the ids are qualified with the file's base name ("prod.json:" +
// address) so two workspaces never collapse into one node.
//
// Plans: the estate is the planned state. Creates and updates are applied,
// deletes removed; a value unknown until apply (after_unknown) is never read
// as empty or false: it is listed in attrs["unknown_after_apply"], and a
// placement that depends on it falls back to the region with evidence saying
// so. Plans also give edges from configuration expression references and a
// region from the provider configuration.
//
// Speed: raw states, the largest inputs, are read by a streaming token
// reader (fastraw.go) that decodes resources on every core and hands any
// file it is not sure of to encoding/json, whose errors name the place;
// the passes over nodes that read only their own node run in parallel
// (parallel.go), the rest in order, so the output is the same on any
// number of cores.
//
// Always: values marked sensitive and secret-like attributes never reach the
// estate (attrs are copied from an allow-list); unknown resource types are
// kept as kind "generic" with their provider, region and dependencies; bad
// input returns *graph.InputError naming the file and the JSON path or
// line:col; nothing panics; output is deterministic.
package terraform

// Package tflocate finds where Terraform resources are declared, so CI
// reports (SARIF, GitHub annotations) can point at the file and line of the
// resource a finding is about.
//
// What goes in: a directory of Terraform configuration (*.tf), parsed with
// hashicorp/hcl; module blocks with a local source are followed.
//
// What comes out: an Index from resource addresses ("aws_db_instance.orders",
// "module.db.aws_db_instance.main", "data.aws_vpc.main") to file, line and
// column; file names are slash-separated and relative to the directory given.
//
// What always holds: the same files give the same index; instance keys
// ([0], ["a"]) are ignored by Lookup; a file that does not parse is a
// *graph.InputError with its line and column; no network, no module
// downloads, no evaluation beyond a literal module source.
package tflocate

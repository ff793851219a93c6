// Package discover holds untether's collectors and readers: each turns one
// kind of input (a live cloud account, a Terraform file, an inventory file)
// into a *graph.Estate. They live in the sub-packages (aws, terraform,
// inventory, demo); collectortest is the conformance suite every collector
// passes. The command layer chooses among them explicitly; nothing registers
// itself in init.
package discover

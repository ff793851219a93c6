// Package policy reads the policy file .untether.yaml: the tag keys that name
// services and tiers, the CI gate's fail-on terms, catalog overrides and
// waivers for `untether check`.
//
// What goes in: a YAML file, found from the working directory upward (Find)
// or named by --config (Load), or bytes (Parse).
//
// What comes out: a *Policy with every value as written and its position in
// the file, so a later check (a fail-on term the gate rejects) can still name
// file:line:col. Relative catalog paths are resolved against the file.
//
// What always holds: unknown keys, duplicate keys, wrong types, bad dates and
// waivers without a match or a reason are *graph.InputError with file, line
// and column; nothing panics on any input. policy.schema.json (Schema) is the
// JSON Schema of the same file, for editors; Parse is stricter than it.
// The package does not import the simulator: the command layer turns a
// Policy into a gate.Gate.
package policy

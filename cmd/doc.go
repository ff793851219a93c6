// Package cmd is untether's command line: cobra wiring only. Each verb has
// one file with an Options struct (dependencies first, then flag values), a
// constructor that takes an optional run function so flag parsing and
// behaviour are tested apart, and a run function. Sources are read by
// discover, results computed by simulate and rendered by report; no cloud
// SDK call and no scoring logic lives here.
//
// Main maps errors to the exit statuses every command documents:
// 0 ok, 1 findings that fail the gate, 2 bad usage or bad input,
// 3 discovery incomplete under --strict.
package cmd

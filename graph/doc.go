// Package graph is the estate model of untether: a directed graph in which an
// edge A -> B means "A needs B", and the versioned estate file that carries it
// between the pipeline's stages.
//
// What goes in: nodes of four classes (resource, placement, group, service),
// edges, and coverage gaps, either built with a Builder by a collector or read
// from an estate file with Load or Decode.
//
// What comes out: a validated *Estate that can be saved atomically with sorted,
// deterministic bytes, and a Compiled view with dense integer indices and
// adjacency in both directions for the simulator (plus a gonum view for graph
// algorithms).
//
// What always holds for an Estate returned by Load, Decode or Builder.Estate:
// ids are unique, every edge joins two known nodes, no node needs itself, no
// edge appears twice, every group has 1 <= need <= members, and every class
// and placement level is one the model knows. Fields this version does not
// know are kept and written back unchanged.
//
// Reading: an estate file laid out as Encode writes it (one element a line)
// is read on every core (decode_parallel.go); any other layout, and any file
// with a problem, is read by the streaming reference decoder (decode.go),
// which gives the same estate and says where the problem is.
//
// Bad input is an *InputError naming the file and the place in it; every
// YAML input of untether (inventory, policy, catalogs) is read with
// ParseYAML and DecodeYAML so its errors read the same everywhere.
//
// This package imports no other package of untether.
package graph

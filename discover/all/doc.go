// Package all is the registry of live collectors: one explicit list that
// the command layer asks for (to register flags and run the enabled ones)
// and that the conformance test walks, so every collector listed here is
// proved against discover/collectortest. Nothing registers itself in init.
package all

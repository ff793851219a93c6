package cmd

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a whole-process CPU profile to the file that
// UNTETHER_CPUPROFILE names (a development aid, see README "Development"):
// decoding, simulation and report writing in one profile, which a Go
// benchmark of one package cannot show. The returned function stops it.
func startProfile(ios *IOStreams) func() {
	path := ios.getenv("UNTETHER_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "untether: UNTETHER_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintf(ios.ErrOut, "untether: UNTETHER_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

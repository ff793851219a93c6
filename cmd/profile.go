package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
)

// startProfile writes whole-process profiles (development aids, see README
// "Development"): a CPU profile to the file UNTETHER_CPUPROFILE names, and
// a heap profile taken at the live heap's peak to the file
// UNTETHER_MEMPROFILE names, and an execution trace (go tool trace: which
// goroutines ran on which core when) to the file UNTETHER_TRACE names.
// Decoding, simulation and report writing in one
// profile, which a Go benchmark of one package cannot show. The returned
// function stops them and writes what they found.
func startProfile(ios *IOStreams) func() {
	stopCPU := startCPUProfile(ios)
	stopMem := startMemProfile(ios)
	stopTrace := startTrace(ios)
	return func() { stopTrace(); stopCPU(); stopMem() }
}

// startTrace records an execution trace: where a run uses one core while
// the other idles, which a CPU profile (samples summed over cores) hides.
func startTrace(ios *IOStreams) func() {
	return startRecording(ios, "UNTETHER_TRACE", trace.Start, trace.Stop)
}

func startCPUProfile(ios *IOStreams) func() {
	return startRecording(ios, "UNTETHER_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile)
}

// startRecording starts a recorder writing to the file the environment
// variable env names (none when unset) and returns what stops it. A file
// that cannot be made is said on standard error; the run goes on.
func startRecording(ios *IOStreams, env string, start func(io.Writer) error, stop func()) func() {
	path := ios.getenv(env)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		if err = start(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "untether: %s: %v\n", env, err)
		return func() {}
	}
	return func() {
		stop()
		f.Close()
	}
}

// heapPeak follows the live heap after each garbage collection and keeps
// the heap profile of the collection that found the most: what the run
// held at its peak, which a profile written at the end (after the big
// structures are gone) cannot show.
type heapPeak struct {
	mu      sync.Mutex
	done    bool
	live    uint64 // the largest live heap a collection found
	total   uint64 // the largest memory held from the system at a collection
	phase   string // what the run was doing then
	profile bytes.Buffer
	current func() string
}

// sample runs after each collection: a new peak replaces the kept profile.
func (h *heapPeak) sample() bool {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		return false
	}
	h.total = max(h.total, s[1].Value.Uint64()-s[2].Value.Uint64())
	if live := s[0].Value.Uint64(); live > h.live {
		h.live, h.phase = live, h.current()
		// A heap profile counts what the collection before last freed;
		// one more (forced) collection makes it this one's. It costs a
		// collection per new peak, so the figures of a profiled run are
		// near those of a plain one, not the same.
		runtime.GC()
		h.profile.Reset()
		pprof.Lookup("heap").WriteTo(&h.profile, 0)
	}
	return true
}

func startMemProfile(ios *IOStreams) func() {
	path := ios.getenv("UNTETHER_MEMPROFILE")
	if path == "" {
		return func() {}
	}
	h := &heapPeak{current: ios.phaseReporter().current}
	var arm func()
	check := func(int) {
		if h.sample() {
			arm()
		}
	}
	arm = func() { runtime.AddCleanup(new(gcSentinel), check, 0) }
	arm()
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.done = true
		if h.profile.Len() == 0 { // a run too short for a collection
			runtime.GC()
			pprof.Lookup("heap").WriteTo(&h.profile, 0)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		gc := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
		metrics.Read(gc)
		phase := h.phase
		if phase == "" {
			phase = "between phases"
		}
		fmt.Fprintf(ios.ErrOut, "untether: UNTETHER_MEMPROFILE: peak live heap %s (%s), peak held from the system %s, peak RSS %s; "+
			"%s allocated in %d collections taking %.1f CPU-s\n",
			mib(h.live), phase, mib(h.total), peakRSS(), mib(ms.TotalAlloc), ms.NumGC, gc[0].Value.Float64())
		if err := os.WriteFile(path, h.profile.Bytes(), 0o644); err != nil {
			fmt.Fprintf(ios.ErrOut, "untether: UNTETHER_MEMPROFILE: %v\n", err)
		}
	}
}

func mib(n uint64) string { return fmt.Sprintf("%d MiB", n>>20) }

// peakRSS is the process's peak resident memory where the system says
// (Linux: VmHWM), else "unknown".
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return mib(kb << 10)
			}
		}
	}
	return "unknown"
}

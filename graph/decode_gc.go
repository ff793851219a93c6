package graph

import (
	"runtime/debug"
	"sync"
)

// Nearly all a reader allocates is kept: the estate it builds. While one
// reads, a garbage collection would scan the growing lists again and again
// and free almost nothing (at a million nodes, two CPU seconds of scanning
// for under a tenth of the heap), so collection waits until the reading
// ends. A memory limit (--max-memory, GOMEMLIMIT) still starts one when
// the heap reaches it, so a file too large for the memory given still
// fails with a message, never the OOM killer.
var gcPause struct {
	sync.Mutex
	readers int // reading now
	percent int // the setting to restore when the last one ends
}

// pauseGC holds collection back until the returned function is called;
// readers at the same time share one pause.
func pauseGC() (resume func()) {
	gcPause.Lock()
	if gcPause.readers == 0 {
		gcPause.percent = debug.SetGCPercent(-1)
	}
	gcPause.readers++
	gcPause.Unlock()
	return func() {
		gcPause.Lock()
		gcPause.readers--
		if gcPause.readers == 0 {
			debug.SetGCPercent(gcPause.percent)
		}
		gcPause.Unlock()
	}
}

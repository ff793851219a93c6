package terraform

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachParallel calls fn(i, items[i]) for every element of items on up to
// GOMAXPROCS goroutines. fn may change only its own element (and what only
// it owns): the result is then the same whatever the schedule. Small
// inputs stay on the calling goroutine.
func eachParallel[T any](items []T, fn func(int, T)) {
	const chunk = 256
	workers := min(runtime.GOMAXPROCS(0), (len(items)+chunk-1)/chunk, 8)
	if workers <= 1 {
		for i, it := range items {
			fn(i, it)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= len(items) {
					return
				}
				for i := start; i < min(start+chunk, len(items)); i++ {
					fn(i, items[i])
				}
			}
		}()
	}
	wg.Wait()
}

package cmd

import (
	"context"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// The watchdog checks after each garbage collection and at no other time:
// without a collection it never runs (no timer wakes an idle process), and
// the first collection over the limit ends the run with the message.
func TestMemoryWatchdogChecksAfterEachCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no collection unless forced
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	said := make(chan string, 1)
	heap := make([]byte, 4<<20) // live across the collection: over the limit
	defer runtime.KeepAlive(heap)
	lim := memoryLimit{bytes: 1 << 20, source: "--max-memory 1MiB"}
	watchMemory(ctx, lim, func() string { return "reading the estate" }, func(msg string) { said <- msg })
	select {
	case msg := <-said:
		t.Fatalf("the watchdog ran without a collection: %s", msg)
	case <-time.After(300 * time.Millisecond):
	}
	runtime.GC()
	select {
	case msg := <-said:
		for _, want := range []string{"out of memory while reading the estate", "1 MiB it may use (--max-memory 1MiB)", "nothing was written"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no message after a collection over the limit")
	}
}

// A run that has ended is no longer watched.
func TestMemoryWatchdogStopsWithTheRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	said := make(chan string, 1)
	watchMemory(ctx, memoryLimit{bytes: 1 << 20, source: "test"}, func() string { return "" }, func(msg string) { said <- msg })
	cancel()
	runtime.GC()
	runtime.GC()
	select {
	case msg := <-said:
		t.Fatalf("an ended run was still watched: %s", msg)
	case <-time.After(300 * time.Millisecond):
	}
}

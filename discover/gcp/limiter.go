package gcp

import (
	"context"
	"sync"
	"time"
)

// windowLimiter allows at most n calls in any window: the shape of a
// "per minute" API quota, where a token bucket would let 2n through in the
// first minute. Waiters are served in turn.
type windowLimiter struct {
	n      int
	window time.Duration
	mu     sync.Mutex
	starts []time.Time // the last n call starts, oldest first
}

func newWindowLimiter(n int, window time.Duration) *windowLimiter {
	return &windowLimiter{n: max(1, n), window: window}
}

// Wait blocks until a call may start, or ctx ends.
func (l *windowLimiter) Wait(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.mu.Lock()
		now := time.Now()
		if len(l.starts) < l.n {
			l.starts = append(l.starts, now)
			l.mu.Unlock()
			return nil
		}
		wait := l.starts[0].Add(l.window).Sub(now)
		if wait <= 0 {
			l.starts = append(l.starts[1:], now)
			l.mu.Unlock()
			return nil
		}
		l.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

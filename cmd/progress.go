package cmd

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/untether-dev/untether/discover"
)

// progressLine redraws one status line of a collector's run, at most once
// per interval, on a terminal.
type progressLine struct {
	w     io.Writer
	now   func() time.Time
	every time.Duration

	mu    sync.Mutex
	last  time.Time
	shown bool
}

func (l *progressLine) update(p discover.Progress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now
	if l.now != nil {
		now = l.now
	}
	t := now()
	if l.shown && t.Sub(l.last) < l.every && p.StepsDone < p.Steps {
		return
	}
	l.last, l.shown = t, true
	scopes := p.ScopeWord
	if scopes == "" {
		scopes = "scopes"
	}
	fmt.Fprintf(l.w, "\r\x1b[K%s: %d %s, %d regions, %d/%d listings, %d calls, %d throttled",
		p.Provider, p.Accounts, scopes, p.Regions, p.StepsDone, p.Steps, p.Calls, p.Throttles)
}

// finish clears the line so what follows starts clean.
func (l *progressLine) finish() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown {
		fmt.Fprint(l.w, "\r\x1b[K")
	}
}

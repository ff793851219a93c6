package cmd

import (
	"context"
	"fmt"
	"io"
	"runtime/trace"
	"sync"
	"time"
)

// quietFor is how long a run stays silent: progress appears only for runs
// that last longer, so quick runs and their logs stay clean.
const quietFor = 2 * time.Second

// phases reports the step a long run is in (reading, simulating, writing)
// with its count, the time so far and the memory in use, on standard
// error: on a terminal as one line redrawn every second, elsewhere (a CI
// log) as one plain line per phase and one when it ends.
type phases struct {
	w      io.Writer
	tty    bool
	start  time.Time
	now    func() time.Time
	memory func() string // "1.2 GiB of 2 GiB", or ""

	mu      sync.Mutex
	name    string // the current phase, "" between phases
	began   time.Time
	printed bool
	timer   *time.Timer
}

func newPhases(w io.Writer, tty bool, now func() time.Time) *phases {
	if now == nil {
		now = time.Now
	}
	return &phases{w: w, tty: tty, start: now(), now: now}
}

// begin starts a phase, such as "simulating 1,000,000 nodes".
func (p *phases) begin(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLocked()
	p.name, p.began, p.printed = fmt.Sprintf(format, args...), p.now(), false
	trace.Log(context.Background(), "phase", p.name) // marks the phase in an UNTETHER_TRACE trace
	wait := quietFor - p.now().Sub(p.start)
	if wait <= 0 {
		p.showLocked()
		wait = time.Second
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(wait, p.tick)
	} else {
		p.timer.Reset(wait)
	}
}

// tick shows the phase once the run is long enough, then redraws it every
// second on a terminal.
func (p *phases) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.name == "" {
		return
	}
	if !p.printed || p.tty {
		p.showLocked()
	}
	if p.tty {
		p.timer.Reset(time.Second)
	}
}

func (p *phases) showLocked() {
	line := fmt.Sprintf("untether: %s ... %s", p.name, p.now().Sub(p.start).Round(time.Second/10))
	if p.memory != nil {
		if m := p.memory(); m != "" {
			line += ", memory " + m
		}
	}
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[2K"+line)
	} else {
		fmt.Fprintln(p.w, line)
	}
	p.printed = true
}

// end closes the current phase: the terminal line is cleared; a log gets
// how long a phase it showed took.
func (p *phases) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLocked()
}

func (p *phases) endLocked() {
	if p.name == "" {
		return
	}
	if p.printed {
		if p.tty {
			fmt.Fprint(p.w, "\r\x1b[2K")
		} else {
			fmt.Fprintf(p.w, "untether: %s done in %s\n", p.name, p.now().Sub(p.began).Round(time.Second/10))
		}
	}
	p.name, p.printed = "", false
	if p.timer != nil {
		p.timer.Stop()
	}
}

// current is the phase the run is in, "" between phases.
func (p *phases) current() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.name
}

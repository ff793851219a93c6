package discover

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/untether-dev/untether/graph"
)

// Run is the shared runner of one collection: it bounds the requests in
// flight, times out and retries single calls, bounds pagination and the
// whole run, counts the work for progress, and keeps the gaps. Collectors
// make every API call through it (Transport or Client), so every cloud
// gets the same limits and the same failure handling.
type Run struct {
	provider         string
	opt              RunOptions
	slots            chan struct{} // one per request in flight
	calls, throttles atomic.Int64
	start            time.Time

	mu       sync.Mutex
	progress Progress
	gaps     []graph.Gap
}

// NewRun starts the runner of one collection by provider ("aws"). The
// deadline, if any, counts from here.
func NewRun(provider string, opt RunOptions) *Run {
	opt = opt.WithDefaults()
	return &Run{provider: provider, opt: opt,
		slots: make(chan struct{}, opt.Concurrency), start: time.Now(),
		progress: Progress{Provider: provider}}
}

// Options are the run's options with defaults filled in.
func (r *Run) Options() RunOptions { return r.opt }

// Provider is the provider name the run was started for.
func (r *Run) Provider() string { return r.provider }

// ErrDeadline is the cause of a run stopped by its --deadline.
var ErrDeadline = errors.New("--deadline reached")

// Context bounds parent by the run's deadline, if any, and carries its
// page cap to NewPages. Work cut by the
// deadline becomes gaps (see Stopped); a cancelled parent (Ctrl-C) ends the
// run with an error instead.
func (r *Run) Context(parent context.Context) (context.Context, context.CancelFunc) {
	parent = context.WithValue(parent, maxPagesKey{}, r.opt.MaxPages)
	if r.opt.Deadline <= 0 {
		return context.WithCancel(parent)
	}
	return context.WithDeadlineCause(parent, r.start.Add(r.opt.Deadline), ErrDeadline)
}

// Stopped reports whether ctx ended the work: interrupted is true when the
// user cancelled (no gap: the run as a whole fails); cut is true when the
// run's deadline cut it (record a gap with DeadlineDetail).
func Stopped(ctx context.Context) (interrupted, cut bool) {
	if ctx.Err() == nil {
		return false, false
	}
	if errors.Is(context.Cause(ctx), ErrDeadline) {
		return false, true
	}
	return true, false
}

// DeadlineDetail is the gap detail of work the deadline cut.
const DeadlineDetail = "not read: --deadline reached before this listing finished (raise --deadline)"

// Gap records a gap of the run itself (not of one listing).
func (r *Run) Gap(g graph.Gap) {
	if g.Provider == "" {
		g.Provider = r.provider
	}
	r.mu.Lock()
	r.gaps = append(r.gaps, g)
	r.mu.Unlock()
}

// Gaps are the gaps recorded with Gap, in the order recorded.
func (r *Run) Gaps() []graph.Gap {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]graph.Gap(nil), r.gaps...)
}

// Update changes the progress counts and reports them.
func (r *Run) Update(f func(p *Progress)) {
	r.mu.Lock()
	f(&r.progress)
	r.mu.Unlock()
	r.report()
}

// CountCall counts one HTTP attempt.
func (r *Run) CountCall() {
	r.calls.Add(1)
	r.report()
}

// CountThrottle counts one throttled attempt.
func (r *Run) CountThrottle() {
	r.throttles.Add(1)
	r.report()
}

// Progress is a snapshot of the counts.
func (r *Run) Progress() Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.progress
	p.Calls, p.Throttles = r.calls.Load(), r.throttles.Load()
	return p
}

// report hands the counts so far to the progress callback.
func (r *Run) report() {
	if r.opt.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.progress
	p.Calls, p.Throttles = r.calls.Load(), r.throttles.Load()
	r.opt.Progress(p)
}

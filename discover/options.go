package discover

import (
	"time"

	"github.com/spf13/pflag"
)

// Defaults of the shared runner, for the zero values of RunOptions.
const (
	// DefaultConcurrency bounds the requests in flight across all scopes,
	// regions and services of one collector. Clouds throttle per account
	// (project, subscription), region and API, so a run spread wide keeps
	// this many busy without tripping any one limit; throttled calls back
	// off anyway.
	DefaultConcurrency = 128
	// DefaultCallTimeout bounds one HTTP attempt of one API call.
	DefaultCallTimeout = 30 * time.Second
	// DefaultMaxAttempts is how often a throttled or failed call is tried.
	DefaultMaxAttempts = 6
	// DefaultMaxBackoff caps the jittered exponential backoff between attempts.
	DefaultMaxBackoff = 10 * time.Second
	// DefaultMaxPages caps the pages of one listing: far beyond any real
	// estate (1,000 items a page is a million resources of one kind), yet
	// it ends a listing whose tokens never end.
	DefaultMaxPages = 1000
)

// RunOptions say how the shared runner makes calls.
type RunOptions struct {
	// Concurrency bounds the requests in flight (DefaultConcurrency if 0).
	Concurrency int
	// CallTimeout bounds one attempt of one call (DefaultCallTimeout if 0).
	CallTimeout time.Duration
	// MaxAttempts per call, retries included (DefaultMaxAttempts if 0).
	MaxAttempts int
	// MaxBackoff caps the backoff between attempts (DefaultMaxBackoff if 0).
	MaxBackoff time.Duration
	// MaxPages caps the pages of one listing (DefaultMaxPages if 0); a
	// listing that reaches it stops with a gap.
	MaxPages int
	// Deadline bounds the whole collection (none if 0): what is not
	// collected by then becomes gaps, and the estate is still returned.
	Deadline time.Duration
	// Progress, when set, is called after every step and every request with
	// the counts so far, from many goroutines, one at a time.
	Progress func(Progress)
}

// Progress counts the work of a run.
type Progress struct {
	// Provider is the collector's name; ScopeWord names its unit of
	// ownership ("accounts", "projects", "subscriptions").
	Provider  string
	ScopeWord string
	// Accounts counts the scopes (accounts, projects, subscriptions) being read.
	Accounts int
	Regions  int
	// Steps are (scope, region, listing) units; Calls and Throttles count
	// HTTP attempts.
	Steps     int
	StepsDone int
	Calls     int64
	Throttles int64
}

// WithDefaults fills the zero values.
func (o RunOptions) WithDefaults() RunOptions {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = DefaultCallTimeout
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	return o
}

// Flags registers the runner's flags, shared by every collector.
func (o *RunOptions) Flags(fs *pflag.FlagSet) {
	fs.IntVar(&o.Concurrency, "concurrency", DefaultConcurrency, "most API requests in flight at once, over all accounts, projects, regions and services")
	fs.DurationVar(&o.CallTimeout, "call-timeout", DefaultCallTimeout, "timeout of one attempt of one API call")
	fs.IntVar(&o.MaxPages, "max-pages", DefaultMaxPages, "most pages of one listing; a listing that reaches it stops with a coverage gap")
	fs.DurationVar(&o.Deadline, "deadline", 0, "bound the whole live discovery (e.g. 10m); what is not read by then becomes coverage gaps (default: none)")
}

// Check reports flag values that cannot work, as a *UsageError.
func (o RunOptions) Check() error {
	switch {
	case o.Concurrency < 1:
		return Usagef("--concurrency must be at least 1, got %d", o.Concurrency)
	case o.CallTimeout <= 0:
		return Usagef("--call-timeout must be positive, got %s", o.CallTimeout)
	case o.MaxPages < 1:
		return Usagef("--max-pages must be at least 1, got %d", o.MaxPages)
	case o.Deadline < 0:
		return Usagef("--deadline must not be negative, got %s", o.Deadline)
	}
	return nil
}

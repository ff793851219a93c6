package discover

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/graph"
)

// Collector is one live source of estates: a cloud read through its APIs.
// A collector owns its flags; discover/all lists every collector untether
// has, and Load runs the ones whose flags were given.
type Collector interface {
	// Name is the provider ("aws", "gcp"): the prefix of the collector's
	// flags, gaps and progress line.
	Name() string
	// Flags registers the collector's own flags (--aws, --aws-regions ...)
	// on fs. The runner's flags (--concurrency, --deadline ...) are shared
	// and registered once by RunOptions.Flags.
	Flags(fs *pflag.FlagSet)
	// Enabled reports whether the parsed flags ask for a run.
	Enabled() bool
	// Describe names what is read, in words, for reports' appendices.
	Describe() string
	// Collect reads the source through run (which bounds, retries, times
	// out and counts its calls and records its gaps). Failures of parts
	// become gaps in the estate; the error is non-nil only for bad flags
	// (a *UsageError), an interrupted run (Ctrl-C), or an estate that
	// does not validate.
	Collect(ctx context.Context, run *Run) (*graph.Estate, error)
}

// UsageError is a mistake in how a collector was asked for (a bad flag
// value); the command layer exits 2 with its message.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef builds a *UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover/aws"
	"github.com/untether-dev/untether/graph"
)

// awsFlags are the discovery flags of the AWS collector, shared by discover
// and every command that takes a SOURCE.
type awsFlags struct {
	on          bool
	profiles    []string
	roleARNs    []string
	externalID  string
	regions     []string
	endpointURL string
	concurrency int
	callTimeout time.Duration
	maxAttempts int

	// now is the clock of the progress display (tests inject one).
	now func() time.Time
}

func (f *awsFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&f.on, "aws", false, "discover live AWS accounts with the SDK's default credential chain (read-only calls)")
	fs.StringArrayVar(&f.profiles, "aws-profile", nil, "shared-config `profile` to collect, one account each (repeatable)")
	fs.StringArrayVar(&f.roleARNs, "aws-role-arn", nil, "`ARN` of a role to assume into a member account (repeatable)")
	fs.StringVar(&f.externalID, "aws-external-id", "", "external `id` passed when assuming --aws-role-arn roles")
	fs.StringSliceVar(&f.regions, "aws-regions", nil, "`regions` to collect, comma-separated (default: every region enabled for the account)")
	fs.StringVar(&f.endpointURL, "aws-endpoint-url", "", "`URL` that replaces every AWS endpoint (LocalStack, private endpoints, tests)")
	fs.IntVar(&f.concurrency, "concurrency", aws.DefaultConcurrency, "most API requests in flight at once, over all accounts, regions and services")
	fs.DurationVar(&f.callTimeout, "call-timeout", aws.DefaultCallTimeout, "timeout of one attempt of one API call")
	fs.IntVar(&f.maxAttempts, "aws-max-attempts", aws.DefaultMaxAttempts, "attempts per API call, retries of throttled or failed calls included")
}

// enabled reports whether --aws was given.
func (f *awsFlags) enabled() bool { return f.on }

func (f *awsFlags) options() (aws.Options, error) {
	switch {
	case f.concurrency < 1:
		return aws.Options{}, usageError("--concurrency must be at least 1, got %d", f.concurrency)
	case f.callTimeout <= 0:
		return aws.Options{}, usageError("--call-timeout must be positive, got %s", f.callTimeout)
	case f.maxAttempts < 1:
		return aws.Options{}, usageError("--aws-max-attempts must be at least 1, got %d", f.maxAttempts)
	case f.externalID != "" && len(f.roleARNs) == 0:
		return aws.Options{}, usageError("--aws-external-id needs --aws-role-arn")
	}
	for _, arn := range f.roleARNs {
		if !strings.HasPrefix(arn, "arn:") || !strings.Contains(arn, ":role/") {
			return aws.Options{}, usageError("--aws-role-arn %q is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)", arn)
		}
	}
	var regions []string
	for _, r := range f.regions {
		if r = strings.TrimSpace(r); r != "" {
			regions = append(regions, r)
		}
	}
	return aws.Options{
		Profiles: f.profiles, RoleARNs: f.roleARNs, ExternalID: f.externalID, Regions: regions,
		EndpointURL: f.endpointURL, Concurrency: f.concurrency, CallTimeout: f.callTimeout, MaxAttempts: f.maxAttempts,
	}, nil
}

// collect runs the AWS collector, drawing its progress on stderr when that
// is a terminal and staying quiet when it is piped.
func (f *awsFlags) collect(ctx context.Context, stderr io.Writer, stderrIsTerminal bool) (*graph.Estate, error) {
	opt, err := f.options()
	if err != nil {
		return nil, err
	}
	var p *progressLine
	if stderrIsTerminal {
		p = &progressLine{w: stderr, now: f.now, every: 100 * time.Millisecond}
		opt.Progress = p.update
	}
	e, err := aws.Collect(ctx, opt)
	if p != nil {
		p.finish()
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// progressLine redraws one status line, at most once per interval.
type progressLine struct {
	w     io.Writer
	now   func() time.Time
	every time.Duration

	mu    sync.Mutex
	last  time.Time
	shown bool
	p     aws.Progress
}

func (l *progressLine) update(p aws.Progress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.p = p
	now := time.Now
	if l.now != nil {
		now = l.now
	}
	t := now()
	if l.shown && t.Sub(l.last) < l.every && p.StepsDone < p.Steps {
		return
	}
	l.last, l.shown = t, true
	fmt.Fprintf(l.w, "\r\x1b[Kaws: %d accounts, %d regions, %d/%d listings, %d calls, %d throttled",
		p.Accounts, p.Regions, p.StepsDone, p.Steps, p.Calls, p.Throttles)
}

// finish clears the line so what follows starts clean.
func (l *progressLine) finish() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown {
		fmt.Fprint(l.w, "\r\x1b[K")
	}
}

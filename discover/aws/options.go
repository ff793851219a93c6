package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// Defaults for the zero values of Options: the shared runner's.
const (
	DefaultConcurrency = discover.DefaultConcurrency
	DefaultCallTimeout = discover.DefaultCallTimeout
	DefaultMaxAttempts = discover.DefaultMaxAttempts
	DefaultMaxBackoff  = discover.DefaultMaxBackoff
	// DefaultRegion is where account-level calls go when no region is configured.
	DefaultRegion = "us-east-1"
)

// Options say what to collect and how.
type Options struct {
	// Profiles are shared-config profiles to collect, one account each. With
	// neither Profiles nor RoleARNs the default credential chain is used.
	Profiles []string
	// RoleARNs are roles to assume (with sts:AssumeRole) from the default
	// chain, or from the first profile when Profiles is set; one account each.
	RoleARNs []string
	// ExternalID is passed to every AssumeRole call when set.
	ExternalID string
	// Regions to collect; empty means every region enabled for each account
	// (ec2:DescribeRegions).
	Regions []string
	// EndpointURL overrides every service endpoint (the SDK's BaseEndpoint);
	// S3 then uses path-style addressing.
	EndpointURL string
	// Concurrency bounds the requests in flight (DefaultConcurrency if 0).
	Concurrency int
	// CallTimeout bounds one attempt of one call (DefaultCallTimeout if 0).
	CallTimeout time.Duration
	// MaxAttempts per call, retries included (DefaultMaxAttempts if 0).
	MaxAttempts int
	// MaxBackoff caps the backoff between attempts (DefaultMaxBackoff if 0).
	MaxBackoff time.Duration
	// MaxPages caps the pages of one listing (discover.DefaultMaxPages if 0).
	MaxPages int
	// Deadline bounds the whole collection; what is left becomes gaps.
	Deadline time.Duration
	// Progress, when set, is called after every step and every request with
	// the counts so far. It is called from many goroutines, one at a time.
	Progress func(Progress)

	// Credentials replaces the default credential chain (tests, embedding).
	Credentials sdkaws.CredentialsProvider
	// HTTPClient replaces the SDK's default HTTP client (tests).
	HTTPClient sdkaws.HTTPClient
}

// Progress counts the work of a run: steps are (account, region, service,
// listing) units; Calls and Throttles count HTTP attempts.
type Progress = discover.Progress

func (o Options) withDefaults() Options {
	ro := o.runOptions().WithDefaults()
	o.Concurrency, o.CallTimeout, o.MaxAttempts, o.MaxBackoff, o.MaxPages = ro.Concurrency, ro.CallTimeout, ro.MaxAttempts, ro.MaxBackoff, ro.MaxPages
	return o
}

func (o Options) runOptions() discover.RunOptions {
	return discover.RunOptions{Concurrency: o.Concurrency, CallTimeout: o.CallTimeout, MaxAttempts: o.MaxAttempts,
		MaxBackoff: o.MaxBackoff, MaxPages: o.MaxPages, Deadline: o.Deadline, Progress: o.Progress}
}

// Collect inventories the accounts and regions opt names. Failures of single
// accounts, regions or services become gaps in the estate; the error is
// non-nil only for bad options, a cancelled context, or an estate that does
// not validate.
func Collect(ctx context.Context, opt Options) (*graph.Estate, error) {
	opt = opt.withDefaults()
	return collect(ctx, discover.NewRun("aws", opt.runOptions()), opt)
}

// collect runs the collector through the shared runner dr, whose options
// (concurrency, timeouts, paging, deadline, progress) win over opt's.
func collect(ctx context.Context, dr *discover.Run, opt Options) (*graph.Estate, error) {
	ro := dr.Options()
	opt.Concurrency, opt.CallTimeout, opt.MaxBackoff, opt.MaxPages, opt.Deadline = ro.Concurrency, ro.CallTimeout, ro.MaxBackoff, ro.MaxPages, ro.Deadline
	if opt.MaxAttempts <= 0 {
		opt.MaxAttempts = ro.MaxAttempts
	}
	if len(opt.RoleARNs) == 0 && opt.ExternalID != "" {
		return nil, errors.New("aws: an external id needs a role to assume (--aws-role-arn)")
	}
	dr.Update(func(p *Progress) { p.ScopeWord = "accounts" })
	r := newRun(opt, dr)
	rctx, cancel := dr.Context(ctx)
	defer cancel()
	if err := r.collect(rctx); err != nil && rctx.Err() == nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("aws: discovery interrupted: %w", err)
	}
	if _, cut := discover.Stopped(rctx); cut {
		dr.Gap(graph.Gap{Region: graph.GlobalRegion, Status: graph.GapFailed,
			Detail: "discovery stopped at --deadline (" + opt.Deadline.String() + "); listings it cut are gaps of their own"})
	}
	return r.assemble()
}

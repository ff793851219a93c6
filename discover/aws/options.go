package aws

import (
	"context"
	"errors"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// DefaultRegion is where account-level calls go when no region is configured.
const DefaultRegion = "us-east-1"

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
	// Run are the shared runner's settings (concurrency, timeouts, retries,
	// paging, deadline, progress) for Collect. Run.MaxAttempts is also what
	// --aws-max-attempts sets: when non-zero it wins over the runner's.
	Run discover.RunOptions

	// Credentials replaces the default credential chain (tests, embedding).
	Credentials sdkaws.CredentialsProvider
	// HTTPClient replaces the SDK's default HTTP client (tests).
	HTTPClient sdkaws.HTTPClient
}

// Collect inventories the accounts and regions opt names. Failures of single
// accounts, regions or services become gaps in the estate; the error is
// non-nil only for bad options, a cancelled context, or an estate that does
// not validate.
func Collect(ctx context.Context, opt Options) (*graph.Estate, error) {
	return collect(ctx, discover.NewRun("aws", opt.Run), opt)
}

// collect runs the collector through the shared runner dr, whose options
// (concurrency, timeouts, paging, deadline, progress) win over opt.Run's,
// except for the attempts per call --aws-max-attempts sets.
func collect(ctx context.Context, dr *discover.Run, opt Options) (*graph.Estate, error) {
	attempts := opt.Run.MaxAttempts
	opt.Run = dr.Options()
	if attempts > 0 {
		opt.Run.MaxAttempts = attempts
	}
	if len(opt.RoleARNs) == 0 && opt.ExternalID != "" {
		return nil, errors.New("aws: an external id needs a role to assume (--aws-role-arn)")
	}
	dr.Update(func(p *discover.Progress) { p.ScopeWord = "accounts" })
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
			Detail: "discovery stopped at --deadline (" + opt.Run.Deadline.String() + "); listings it cut are gaps of their own"})
	}
	return r.assemble()
}

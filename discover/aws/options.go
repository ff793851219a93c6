package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/untether-dev/untether/graph"
)

// Defaults for the zero values of Options.
const (
	// DefaultConcurrency bounds the requests in flight across all accounts,
	// regions and services. AWS throttles per account, region and API, and
	// one (account, region, service) never has more than a few listings
	// plus fanOutWidth per-item calls going, so a run spread over many
	// accounts and regions keeps this many busy without tripping any one
	// limit; throttled calls back off anyway.
	DefaultConcurrency = 128
	// DefaultCallTimeout bounds one HTTP attempt of one API call.
	DefaultCallTimeout = 30 * time.Second
	// DefaultMaxAttempts is how often a throttled or failed call is tried.
	DefaultMaxAttempts = 6
	// DefaultMaxBackoff caps the jittered exponential backoff between attempts.
	DefaultMaxBackoff = 10 * time.Second
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
type Progress struct {
	Accounts  int
	Regions   int
	Steps     int
	StepsDone int
	Calls     int64
	Throttles int64
}

func (o Options) withDefaults() Options {
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
	return o
}

// Collect inventories the accounts and regions opt names. Failures of single
// accounts, regions or services become gaps in the estate; the error is
// non-nil only for bad options, a cancelled context, or an estate that does
// not validate.
func Collect(ctx context.Context, opt Options) (*graph.Estate, error) {
	opt = opt.withDefaults()
	if len(opt.RoleARNs) == 0 && opt.ExternalID != "" {
		return nil, errors.New("aws: an external id needs a role to assume (--aws-role-arn)")
	}
	r := newRun(opt)
	if err := r.collect(ctx); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("aws: discovery interrupted: %w", err)
	}
	return r.assemble()
}

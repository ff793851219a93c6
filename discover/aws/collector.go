package aws

import (
	"context"
	"strings"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// Collector is the AWS collector on the discover seam: its flags, and a
// run of Collect through the shared runner.
type Collector struct {
	on          bool
	profiles    []string
	roleARNs    []string
	externalID  string
	regions     []string
	endpointURL string
	maxAttempts int
}

// NewCollector is the AWS collector with no flags parsed yet.
func NewCollector() *Collector { return &Collector{} }

// Name is "aws".
func (c *Collector) Name() string { return "aws" }

// Flags registers --aws and the --aws-* flags.
func (c *Collector) Flags(fs *pflag.FlagSet) {
	fs.BoolVar(&c.on, "aws", false, "discover live AWS accounts with the SDK's default credential chain (read-only calls)")
	fs.StringArrayVar(&c.profiles, "aws-profile", nil, "shared-config `profile` to collect, one account each (repeatable)")
	fs.StringArrayVar(&c.roleARNs, "aws-role-arn", nil, "`ARN` of a role to assume into a member account (repeatable)")
	fs.StringVar(&c.externalID, "aws-external-id", "", "external `id` passed when assuming --aws-role-arn roles")
	fs.StringSliceVar(&c.regions, "aws-regions", nil, "`regions` to collect, comma-separated (default: every region enabled for the account)")
	fs.StringVar(&c.endpointURL, "aws-endpoint-url", "", "`URL` that replaces every AWS endpoint (LocalStack, private endpoints, tests)")
	fs.IntVar(&c.maxAttempts, "aws-max-attempts", discover.DefaultMaxAttempts, "attempts per API call, retries of throttled or failed calls included")
}

// Enabled reports whether --aws was given.
func (c *Collector) Enabled() bool { return c.on }

// Describe names the source for reports.
func (c *Collector) Describe() string { return "live AWS discovery" }

// Options are the collector's flags as Options (the runner's settings come
// from the run).
func (c *Collector) Options() (Options, error) {
	switch {
	case c.maxAttempts < 1:
		return Options{}, discover.Usagef("--aws-max-attempts must be at least 1, got %d", c.maxAttempts)
	case c.externalID != "" && len(c.roleARNs) == 0:
		return Options{}, discover.Usagef("--aws-external-id needs --aws-role-arn")
	}
	for _, arn := range c.roleARNs {
		if !strings.HasPrefix(arn, "arn:") || !strings.Contains(arn, ":role/") {
			return Options{}, discover.Usagef("--aws-role-arn %q is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)", arn)
		}
	}
	var regions []string
	for _, r := range c.regions {
		if r = strings.TrimSpace(r); r != "" {
			regions = append(regions, r)
		}
	}
	return Options{Profiles: c.profiles, RoleARNs: c.roleARNs, ExternalID: c.externalID, Regions: regions,
		EndpointURL: c.endpointURL, Run: discover.RunOptions{MaxAttempts: c.maxAttempts}}, nil
}

// Collect reads every account and region the flags name through run.
func (c *Collector) Collect(ctx context.Context, run *discover.Run) (*graph.Estate, error) {
	opt, err := c.Options()
	if err != nil {
		return nil, err
	}
	return collect(ctx, run, opt)
}

package aws

import (
	"context"
	"fmt"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// principal is one set of credentials to collect with: the default chain, a
// profile, or an assumed role. Its account is learned from sts:GetCallerIdentity.
type principal struct {
	label string // "default", "profile NAME" or the role ARN
	cfg   sdkaws.Config
}

// principals loads the SDK configuration of every principal opt names.
func (r *run) principals(ctx context.Context) ([]principal, error) {
	var out []principal
	base := ""
	if len(r.opt.Profiles) > 0 {
		base = r.opt.Profiles[0]
	}
	if len(r.opt.Profiles) == 0 && len(r.opt.RoleARNs) == 0 {
		cfg, err := r.loadConfig(ctx, "")
		if err != nil {
			return nil, err
		}
		out = append(out, principal{label: "default", cfg: cfg})
	}
	for _, p := range r.opt.Profiles {
		cfg, err := r.loadConfig(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, principal{label: "profile " + p, cfg: cfg})
	}
	for _, arn := range r.opt.RoleARNs {
		cfg, err := r.loadConfig(ctx, base)
		if err != nil {
			return nil, err
		}
		provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), arn, func(o *stscreds.AssumeRoleOptions) {
			o.RoleSessionName = "untether-discover"
			if r.opt.ExternalID != "" {
				o.ExternalID = sdkaws.String(r.opt.ExternalID)
			}
		})
		cfg.Credentials = sdkaws.NewCredentialsCache(provider)
		out = append(out, principal{label: arn, cfg: cfg})
	}
	return out, nil
}

// loadConfig is the SDK's default configuration (environment, shared config
// and credentials files, SSO, container and instance roles) with this run's
// HTTP client, retryer and endpoint override.
func (r *run) loadConfig(ctx context.Context, profile string) (sdkaws.Config, error) {
	opts := []func(*config.LoadOptions) error{
		config.WithRetryer(r.newRetryer()),
		config.WithDefaultRegion(DefaultRegion),
	}
	if profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(profile))
	}
	if r.opt.Credentials != nil {
		opts = append(opts, config.WithCredentialsProvider(r.opt.Credentials))
	}
	if r.opt.EndpointURL != "" {
		opts = append(opts, config.WithBaseEndpoint(r.opt.EndpointURL))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		if profile != "" {
			return cfg, fmt.Errorf("aws: load profile %q: %w", profile, err)
		}
		return cfg, fmt.Errorf("aws: load configuration: %w", err)
	}
	cfg.HTTPClient = r.limit(cfg.HTTPClient)
	return cfg, nil
}

// forRegion is cfg aimed at region.
func forRegion(cfg sdkaws.Config, region string) sdkaws.Config {
	c := cfg.Copy()
	c.Region = region
	return c
}

package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/discover/inventory"
	"github.com/untether-dev/untether/discover/policy"
	"github.com/untether-dev/untether/discover/terraform"
	"github.com/untether-dev/untether/graph"
)

// sourceOptions say where the estate comes from: SOURCE files (estate,
// Terraform state or plan JSON, chosen by content), the embedded demo, or
// live discovery; then inventory files are laid over it.
type sourceOptions struct {
	demo        bool
	inventories []string
	strict      bool
	config      string
	aws         awsFlags

	policy *policy.Policy // loaded once, by loadPolicy
}

func (s *sourceOptions) register(fs *pflag.FlagSet) {
	fs.BoolVar(&s.demo, "demo", false, "use the embedded demo estate (no credentials, no network)")
	fs.StringArrayVar(&s.inventories, "inventory", nil, "lay an inventory `FILE` (YAML: services, tiers, SaaS, hidden dependencies) over the estate; repeatable")
	fs.BoolVar(&s.strict, "strict", false, "exit 3 when discovery was incomplete (the estate has coverage gaps)")
	fs.StringVar(&s.config, "config", "", "policy `FILE` (default: .untether.yaml in the working directory or above)")
	s.aws.register(fs)
}

// liveOrDemo reports whether a source other than files was asked for.
func (s *sourceOptions) liveOrDemo() bool { return s.demo || s.aws.enabled() }

// load reads every source and merges them into one validated estate.
func (s *sourceOptions) load(ctx context.Context, ios *IOStreams, files []string) (*graph.Estate, error) {
	if len(files) == 0 && !s.liveOrDemo() {
		return nil, usageError("no SOURCE: give an estate file, a Terraform state or 'terraform show -json' file, --demo, or --aws")
	}
	var parts []*graph.Estate
	if s.demo {
		e, err := demo.Estate()
		if err != nil {
			return nil, fmt.Errorf("demo estate: %w", err)
		}
		parts = append(parts, e)
	}
	for _, f := range files {
		e, err := readSourceFile(ios, f)
		if err != nil {
			return nil, err
		}
		parts = append(parts, e)
	}
	if s.aws.enabled() {
		e, err := s.aws.collect(ctx, ios.ErrOut, ios.ErrIsTerminal)
		if err != nil {
			return nil, err
		}
		parts = append(parts, e)
	}
	e := parts[0]
	if len(parts) > 1 {
		b := graph.NewBuilder()
		for _, p := range parts {
			b.Merge(p)
		}
		var err error
		if e, err = b.Estate(); err != nil {
			return nil, fmt.Errorf("merge sources: %w", err)
		}
	}
	for _, path := range s.inventories {
		inv, err := inventory.Load(path)
		if err != nil {
			return nil, err
		}
		if e, err = inv.Apply(e); err != nil {
			return nil, err
		}
	}
	pol, err := s.loadPolicy(ios)
	if err != nil {
		return nil, err
	}
	// Tags the policy names turn tagged resources into business services.
	tierTag := ""
	if len(pol.Tags.Tier) > 0 {
		tierTag = pol.Tags.Tier[0]
	}
	for _, key := range pol.Tags.Service {
		if e, err = inventory.DeriveServices(e, key, tierTag); err != nil {
			return nil, fmt.Errorf("%s: services from tag %q: %w", pol.File, key, err)
		}
	}
	return e, nil
}

// loadPolicy reads --config, or .untether.yaml found from the working
// directory upward, once.
func (s *sourceOptions) loadPolicy(ios *IOStreams) (*policy.Policy, error) {
	if s.policy == nil {
		p, err := loadPolicy(s.config, ios)
		if err != nil {
			return nil, err
		}
		s.policy = p
	}
	return s.policy, nil
}

// describe names the sources in words, for reports' appendices.
func (s *sourceOptions) describe(files []string) []string {
	var out []string
	if s.demo {
		out = append(out, "the embedded demo estate")
	}
	out = append(out, files...)
	if s.aws.enabled() {
		out = append(out, "live AWS discovery")
	}
	for _, inv := range s.inventories {
		out = append(out, "inventory "+inv)
	}
	if s.policy != nil && s.policy.File != "" {
		out = append(out, "policy "+s.policy.File)
	}
	return out
}

// checkStrict turns coverage gaps into exit status 3 under --strict. It is
// called after the outputs were written, so the gaps are reported too.
func (s *sourceOptions) checkStrict(e *graph.Estate) error {
	if !s.strict || len(e.Gaps) == 0 {
		return nil
	}
	return &exitError{code: ExitIncomplete, err: fmt.Errorf("discovery incomplete: %d coverage gap(s) and --strict was given", len(e.Gaps))}
}

// readSourceFile reads one SOURCE file, choosing the reader by content.
func readSourceFile(ios *IOStreams, path string) (*graph.Estate, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(ios.In)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, &graph.InputError{File: path, Msg: "cannot read: " + strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	switch {
	case graph.IsEstate(data):
		return graph.Decode(data, path)
	case terraform.Detect(data):
		return terraform.Decode(data, path)
	case !json.Valid(data):
		// Say where the JSON breaks, so a truncated or hand-edited file is
		// easy to fix.
		_, err := graph.Decode(data, path)
		var ie *graph.InputError
		if errors.As(err, &ie) {
			ie.Msg += " (a SOURCE is an estate file, a Terraform state, or 'terraform show -json' output)"
		}
		return nil, err
	}
	return nil, &graph.InputError{File: path, Msg: "not a SOURCE untether reads: expected an estate file (\"untether_estate\"), a Terraform state, or 'terraform show -json' output"}
}

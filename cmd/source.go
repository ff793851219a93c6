package cmd

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/all"
	"github.com/untether-dev/untether/discover/policy"
	"github.com/untether-dev/untether/graph"
)

// sourceOptions say where the estate comes from: SOURCE files (estate,
// Terraform state or plan JSON, chosen by content), the embedded demo, or
// live collectors (every one of discover/all, each with its own flags);
// then inventory files are laid over it.
type sourceOptions struct {
	demo        bool
	inventories []string
	strict      bool
	config      string
	run         discover.RunOptions
	collectors  []discover.Collector

	// now is the clock of the progress display (tests inject one).
	now func() time.Time

	policy *policy.Policy // loaded once, by loadPolicy
}

func (s *sourceOptions) register(fs *pflag.FlagSet) {
	fs.BoolVar(&s.demo, "demo", false, "use the embedded demo estate (no credentials, no network)")
	fs.StringArrayVar(&s.inventories, "inventory", nil, "lay an inventory `FILE` (YAML: services, tiers, SaaS, hidden dependencies) over the estate; repeatable")
	fs.BoolVar(&s.strict, "strict", false, "exit 3 when discovery was incomplete (the estate has coverage gaps)")
	fs.StringVar(&s.config, "config", "", "policy `FILE` (default: .untether.yaml in the working directory or above)")
	s.collectors = all.Collectors()
	for _, c := range s.collectors {
		c.Flags(fs)
	}
	s.run.Flags(fs)
}

// liveOrDemo reports whether a source other than files was asked for.
func (s *sourceOptions) liveOrDemo() bool {
	return s.demo || discover.Spec{Collectors: s.collectors}.Live()
}

// load reads every source and merges them into one validated estate.
func (s *sourceOptions) load(ctx context.Context, ios *IOStreams, files []string) (*graph.Estate, error) {
	if len(files) == 0 && !s.liveOrDemo() {
		return nil, usageError("no SOURCE: give an estate file, a Terraform state or 'terraform show -json' file, --demo, or a live collector (--aws, --gcp-project ...)")
	}
	if (discover.Spec{Collectors: s.collectors}).Live() {
		if err := s.run.Check(); err != nil {
			return nil, usageError("%s", err)
		}
	}
	pol, err := s.loadPolicy(ios)
	if err != nil {
		return nil, err
	}
	spec := discover.Spec{Demo: s.demo, Files: files, Stdin: ios.In, Collectors: s.collectors, Run: s.run,
		Inventories: s.inventories, ServiceTags: pol.Tags.Service, PolicyFile: pol.File}
	if len(pol.Tags.Tier) > 0 {
		spec.TierTag = pol.Tags.Tier[0]
	}
	var lines []*progressLine
	if ios.ErrIsTerminal {
		spec.Progress = func(string) func(discover.Progress) {
			l := &progressLine{w: ios.ErrOut, now: s.now, every: 100 * time.Millisecond}
			lines = append(lines, l)
			return l.update
		}
	}
	ios.Progress("reading the estate (%d file(s)%s)", len(files), liveWord(spec))
	e, err := discover.Load(ctx, spec)
	for _, l := range lines {
		l.finish()
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// liveWord names the live collectors of a load for its progress line.
func liveWord(spec discover.Spec) string {
	out := ""
	for _, c := range spec.Collectors {
		if c.Enabled() {
			out += ", " + c.Name()
		}
	}
	return out
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
	for _, c := range s.collectors {
		if c.Enabled() {
			out = append(out, c.Describe())
		}
	}
	for _, inv := range s.inventories {
		out = append(out, "inventory "+inv)
	}
	if s.policy != nil && s.policy.File != "" {
		out = append(out, "policy "+s.policy.File)
	}
	return out
}

// live describes the enabled live collectors, for the results themselves
// (what a live inventory cannot see belongs beside the figures).
func (s *sourceOptions) live() []string {
	var out []string
	for _, c := range s.collectors {
		if c.Enabled() {
			out = append(out, c.Describe())
		}
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

package cmd

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate/gate"
)

// CheckOptions are the inputs of `untether check`.
type CheckOptions struct {
	IO *IOStreams
	// Now is the clock, for waiver expiry; tests set it.
	Now      func() time.Time
	Source   sourceOptions
	Model    modelOptions
	Report   reportOptions
	Baseline string
	FailOn   []string
	TFDir    string
	Today    string
	Files    []string
}

func newCheckCmd(ios *IOStreams, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: ios, Now: time.Now}
	c := &cobra.Command{
		Use:   "check [SOURCE...] --baseline FILE",
		Short: "CI gate: fail when a change adds a SPOF or makes the scores worse",
		Long: `Audit an estate and compare it with a baseline (untether baseline): findings
are new, fixed, unchanged or waived, and every score shows its change.

The gate fails (exit 1) when a finding not in the baseline is at or above
--fail-on, or a score crosses its threshold. --fail-on takes a severity
(critical, high, medium, low, none) or a class: new-spof (a node that was not a
SPOF is one now), score-drop=N (resilience fell more than N points), lockin>X
(estate lock-in above X, 0-1), hhi>Y (a concentration index above Y, 0-10000).
Repeat it or join terms with commas; all of them apply. Without --fail-on the
policy's gate.fail_on is used, else "high,new-spof".

Everything is reported whether or not the gate fails. Waivers in the policy
file (.untether.yaml, or --config) accept findings by id or selector until
their expiry date; an expired waiver no longer waives and is reported, and so
is a waiver that matches nothing. With GITHUB_ACTIONS=true the findings are
also written to standard error as GitHub annotations; --tf-dir points them,
and the sarif report, at the Terraform file and line of each resource.`,
		Example: `  terraform show -json plan.out > plan.json
  untether check plan.json --baseline .untether-baseline.json
  untether check plan.json --baseline .untether-baseline.json --fail-on high,score-drop=5 \
      --tf-dir . --output sarif=untether.sarif --output markdown=summary.md`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runCheck(c, opts)
		},
	}
	fs := c.Flags()
	opts.Source.register(fs)
	opts.Model.register(fs)
	opts.Report.register(fs)
	fs.StringVar(&opts.Baseline, "baseline", "", "baseline `FILE` written by 'untether baseline' (required)")
	fs.StringArrayVar(&opts.FailOn, "fail-on", nil, "fail on `TERM`: critical|high|medium|low|none, new-spof, score-drop=N, lockin>X, hhi>Y; repeatable")
	fs.StringVar(&opts.TFDir, "tf-dir", "", "Terraform configuration `DIR`: point sarif and GitHub annotations at each resource's file and line")
	fs.StringVar(&opts.Today, "today", "", "judge waiver expiry as of `DATE` (YYYY-MM-DD; default: today)")
	return c
}

func runCheck(c *cobra.Command, opts *CheckOptions) error {
	if opts.Baseline == "" {
		return usageError("--baseline FILE is required (create one with: untether baseline SOURCE -o .untether-baseline.json)")
	}
	_, err := opts.Report.targets()
	if err != nil {
		return err
	}
	today := opts.Now()
	if opts.Today != "" {
		if today, err = time.Parse(time.DateOnly, opts.Today); err != nil {
			return usageError("--today %q: expected a date YYYY-MM-DD", opts.Today)
		}
	}
	data, err := os.ReadFile(opts.Baseline)
	if err != nil {
		return &graph.InputError{File: opts.Baseline, Msg: "cannot read the baseline: " + err.Error()}
	}
	base, err := gate.ParseBaseline(data, opts.Baseline)
	if err != nil {
		return err
	}
	pol, err := opts.Source.loadPolicy(opts.IO)
	if err != nil {
		return err
	}
	g, err := gateFrom(opts.FailOn, pol)
	if err != nil {
		return err
	}
	e, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	in := opts.Report.auditInput(e, opts.Source.describe(opts.Files))
	if opts.TFDir != "" {
		if in.Locate, err = locator(opts.TFDir, e); err != nil {
			return err
		}
	}
	audit := m.Audit()
	result := gate.Check(audit, base, g, today)
	// The check's report carries the audit's: the HTML shows the check
	// inside it, and sarif and github take source locations from it.
	rep := report.NewCheck(result, report.NewAudit(audit, in))

	if err := opts.Report.write(c.Context(), opts.IO, rep); err != nil {
		return err
	}
	if opts.IO.Getenv != nil && opts.IO.Getenv("GITHUB_ACTIONS") == "true" {
		if err := report.Write(opts.IO.ErrOut, report.GitHubWriter{}, "github", rep, report.Options{}); err != nil {
			return err
		}
	}
	if result.Failed() {
		// The report said everything; the error is the one-line verdict.
		return &exitError{code: ExitFindings, err: fmt.Errorf("the gate failed: %d reason(s), %d new finding(s)", len(result.Reasons), len(result.New))}
	}
	return opts.Source.checkStrict(e)
}

package cmd

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate/gate"
)

// BaselineOptions are the inputs of `untether baseline`.
type BaselineOptions struct {
	IO      *IOStreams
	Source  sourceOptions
	Model   modelOptions
	OutFile string
	Files   []string
}

func newBaselineCmd(ios *IOStreams, runF func(*BaselineOptions) error) *cobra.Command {
	opts := &BaselineOptions{IO: ios}
	c := &cobra.Command{
		Use:   "baseline [SOURCE...] -o FILE",
		Short: "Record the current findings and scores for the CI gate",
		Long: `Audit an estate and record its findings (by stable id) and scores in a
baseline file. 'untether check' compares a later estate with it: findings not
in the baseline are new, findings gone from it are fixed.

Commit the baseline next to the infrastructure code and refresh it when the
team accepts the current state. The policy file (.untether.yaml, found from the
working directory upward, or --config) sets the critical tier and the lock-in
catalog, so the baseline and the check see the same findings.`,
		Example: `  terraform show -json plan.out > plan.json
  untether baseline plan.json -o .untether-baseline.json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runBaseline(c, opts)
		},
	}
	opts.Source.register(c.Flags())
	opts.Model.register(c.Flags())
	c.Flags().StringVarP(&opts.OutFile, "output-file", "o", "", "write the baseline to `FILE` (atomically) instead of standard output")
	return c
}

func runBaseline(c *cobra.Command, opts *BaselineOptions) error {
	e, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	b := gate.NewBaseline(m.Audit())
	if err := writeFile(c.Context(), opts.IO, opts.OutFile, func(w io.Writer) error { return report.InertJSON(w, b.Encode) }); err != nil {
		return err
	}
	score := fmt.Sprintf("resilience %.1f (%s)", b.Score.Resilience, b.Score.Grade)
	if b.Score.NotScored {
		score = "resilience not scored: nothing to score"
	}
	fmtFprintf(opts.IO.ErrOut, "untether: baseline of %d finding(s), %d SPOF(s), %s\n", len(b.Findings), len(b.SPOFs), score)
	return opts.Source.checkStrict(e)
}

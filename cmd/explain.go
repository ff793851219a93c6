package cmd

import (
	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/report"
)

// ExplainOptions are the inputs of `untether explain`.
type ExplainOptions struct {
	IO     *IOStreams
	Source sourceOptions
	Model  modelOptions
	Report reportOptions
	Files  []string
	NodeID string
}

func newExplainCmd(ios *IOStreams, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{IO: ios}
	c := &cobra.Command{
		Use:   "explain [SOURCE...] NODE",
		Short: "Say why a node is, or is not, a single point of failure",
		Long: `Explain one node: fail it alone, and show every critical service that goes
down with the dependency chain that proves it (each edge with its evidence),
and every critical service that depends on it but survives, with the
redundancy group that absorbed the failure. The last argument is the node: its
id, or its name as the reports print it (quote names with spaces).`,
		Example: `  untether explain --demo aws/us-east-1/use1-az1
  untether explain --demo "AWS us-east-1 zone use1-az1"
  untether explain estate.json arn:aws:rds:us-east-1:111122223333:db:orders --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("explain needs a NODE-ID (see 'untether explain --help')")
			}
			opts.Files, opts.NodeID = args[:len(args)-1], args[len(args)-1]
			if runF != nil {
				return runF(opts)
			}
			return runExplain(c, opts)
		},
	}
	opts.Source.register(c.Flags())
	opts.Model.register(c.Flags())
	opts.Report.register(c.Flags())
	return c
}

func runExplain(c *cobra.Command, opts *ExplainOptions) error {
	if _, err := opts.Report.targets(); err != nil {
		return err
	}
	_, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	id := opts.NodeID
	if named, ok := m.NodeByName(id); ok {
		id = named // a display name, as the reports print it
	}
	ex, err := m.Explain(id)
	if err != nil {
		return &exitError{code: ExitBadInput, err: err}
	}
	return opts.Report.write(c.Context(), opts.IO, report.NewExplanation(ex))
}

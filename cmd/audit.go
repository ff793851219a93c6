package cmd

import (
	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/report"
)

// AuditOptions are the inputs of `untether audit`.
type AuditOptions struct {
	IO     *IOStreams
	Source sourceOptions
	Model  modelOptions
	Report reportOptions
	Files  []string
}

func newAuditCmd(ios *IOStreams, runF func(*AuditOptions) error) *cobra.Command {
	opts := &AuditOptions{IO: ios}
	c := &cobra.Command{
		Use:   "audit [SOURCE...] [--demo]",
		Short: "Run every outage sweep and score resilience, SPOFs, lock-in and concentration",
		Long: `Audit an estate: simulate the failure of every provider, region, zone and
managed service, and of every single resource and placement (the SPOF scan);
find pairs that fail critical services together (double points of failure);
and score resilience (0-100, graded A-F), lock-in and concentration. Every
report says how each number was computed.`,
		Example: `  untether audit --demo
  untether audit estate.json --format json -o audit.json
  untether audit plan.json --inventory services.yaml --output markdown=audit.md`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runAudit(c, opts)
		},
	}
	opts.Source.register(c.Flags())
	opts.Model.register(c.Flags())
	opts.Report.register(c.Flags())
	return c
}

func runAudit(c *cobra.Command, opts *AuditOptions) error {
	if _, err := opts.Report.targets(); err != nil {
		return err
	}
	e, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	strict := opts.Source.checkStrict(e)
	in := opts.Report.auditInput(e, opts.Source.describe(opts.Files))
	if in.Estate == nil {
		// The audit reads the edges only as the model compiled them (it
		// never explains one), and no format asked for the estate: the
		// edge list (a quarter of the memory at 1M resources) goes now,
		// before simulating needs the room.
		e.Edges = nil
	}
	// e is not used below: the estate is reachable only through the model
	// (and the input, for an HTML map), so once the audit is done the
	// collector may free it while the report is built and written. At 1M
	// resources that is most of the memory.
	audit := m.Audit()
	audit.Live = opts.Source.live()
	result := report.NewAudit(audit, in)
	if err := opts.Report.write(c.Context(), opts.IO, result); err != nil {
		return err
	}
	return strict
}

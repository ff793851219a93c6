package cmd

import (
	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/report"
)

// SimulateOptions are the inputs of `untether simulate`.
type SimulateOptions struct {
	IO     *IOStreams
	Source sourceOptions
	Model  modelOptions
	Report reportOptions
	Files  []string
	Fail   []string
}

func newSimulateCmd(ios *IOStreams, runF func(*SimulateOptions) error) *cobra.Command {
	opts := &SimulateOptions{IO: ios}
	c := &cobra.Command{
		Use:   "simulate [SOURCE...] --fail SELECTOR [--fail SELECTOR ...]",
		Short: "Fail what the selectors name and show everything that goes down",
		Long: `Inject failures and propagate them through the estate with the three rules:
an injected node is DOWN; a resource, placement or service is DOWN if
anything it needs is DOWN; a group is DOWN when fewer than 'need' of its
members are UP.

Selectors:
  provider:aws                      a whole provider
  region:aws/us-east-1              a region
  zone:aws/us-east-1/use1-az1       a zone
  service:aws/us-east-1/dynamodb    a managed service in a region (or aws/global/iam)
  node:ID                           any one node by its exact id
  tag:team=payments                 every resource with that tag
  kind:database                     every resource of that kind
  name:orders-db                    every resource with that name
A selector that matches nothing is an error (exit 2).`,
		Example: `  untether simulate --demo --fail region:aws/us-east-1
  untether simulate estate.json --fail zone:aws/us-east-1/use1-az1 --fail provider:stripe --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if len(opts.Fail) == 0 {
				return usageError("simulate needs at least one --fail SELECTOR (see 'untether simulate --help')")
			}
			if runF != nil {
				return runF(opts)
			}
			return runSimulate(c, opts)
		},
	}
	c.Flags().StringArrayVar(&opts.Fail, "fail", nil, "fail what `SELECTOR` names; repeatable")
	opts.Source.register(c.Flags())
	opts.Model.register(c.Flags())
	opts.Report.register(c.Flags())
	return c
}

func runSimulate(c *cobra.Command, opts *SimulateOptions) error {
	if _, err := opts.Report.targets(); err != nil {
		return err
	}
	e, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	sim, err := m.Simulate(opts.Fail)
	if err != nil {
		return &exitError{code: ExitBadInput, err: err}
	}
	if err := opts.Report.write(c.Context(), opts.IO, report.NewSimulation(sim)); err != nil {
		return err
	}
	return opts.Source.checkStrict(e)
}

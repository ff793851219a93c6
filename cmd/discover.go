package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/graph"
)

// DiscoverOptions are the inputs of `untether discover`.
type DiscoverOptions struct {
	IO        *IOStreams
	Source    sourceOptions
	Terraform []string
	OutFile   string
}

func newDiscoverCmd(ios *IOStreams, runF func(*DiscoverOptions) error) *cobra.Command {
	opts := &DiscoverOptions{IO: ios}
	c := &cobra.Command{
		Use:   "discover (--aws | --terraform FILE ... | --demo) [--inventory FILE] -o estate.json",
		Short: "Inventory live accounts or Terraform into an estate file",
		Long: `Discover the estate and write it as an estate file, the seam every other
command reads, so an audit can be re-run offline and shared. Sources merge:
live AWS accounts (read-only calls through the SDK's standard credential
chain), Terraform states and 'terraform show -json' plans, and inventory
files for what no API shows (business services, SaaS, on-prem). Parts that
could not be collected are recorded as coverage gaps; --strict makes them
exit 3 (the estate is still written).`,
		Example: `  untether discover --aws --aws-regions us-east-1,eu-west-1 -o estate.json
  untether discover --terraform prod.tfstate --terraform network.json --inventory services.yaml -o estate.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDiscover(c, opts)
		},
	}
	c.Flags().StringArrayVar(&opts.Terraform, "terraform", nil, "read a Terraform state or 'terraform show -json' `FILE`; repeatable")
	c.Flags().StringVarP(&opts.OutFile, "output-file", "o", "-", "write the estate to `FILE` (atomically); - is standard output")
	opts.Source.register(c.Flags())
	return c
}

func runDiscover(c *cobra.Command, opts *DiscoverOptions) error {
	e, err := opts.Source.load(c.Context(), opts.IO, opts.Terraform)
	if err != nil {
		return err
	}
	err = writeFile(c.Context(), opts.IO, opts.OutFile, func(w io.Writer) error { return graph.Encode(w, e) })
	if err != nil {
		return err
	}
	return opts.Source.checkStrict(e)
}

package cmd

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate"
)

// ExportOptions are the inputs of `untether export`.
type ExportOptions struct {
	IO      *IOStreams
	Source  sourceOptions
	Model   modelOptions
	Files   []string
	Format  string
	OutFile string
	NoSPOFs bool
}

func newExportCmd(ios *IOStreams, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: ios}
	c := &cobra.Command{
		Use:   "export [SOURCE...] --format dot|mermaid|graphml|json",
		Short: "Write the estate graph for Graphviz, Mermaid, graph tools or as an estate file",
		Long: `Export the estate's dependency graph. SPOFs found by the audit are
highlighted (red) unless --no-spofs is given. 'json' writes the estate file
itself, which is how a Terraform plan or a live discovery is frozen for
later offline runs.`,
		Example: `  untether export --demo --format dot | dot -Tsvg > estate.svg
  untether export plan.json --format json -o estate.json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runExport(c, opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "dot", "`FORMAT`: "+strings.Join(report.ExportFormats(), ", "))
	c.Flags().StringVarP(&opts.OutFile, "output-file", "o", "", "write to `FILE` instead of standard output (atomically)")
	c.Flags().BoolVar(&opts.NoSPOFs, "no-spofs", false, "do not run the audit to highlight SPOFs")
	opts.Source.register(c.Flags())
	opts.Model.register(c.Flags())
	return c
}

func runExport(c *cobra.Command, opts *ExportOptions) error {
	if !slices.Contains(report.ExportFormats(), opts.Format) {
		return usageError("--format %q: expected one of %s", opts.Format, strings.Join(report.ExportFormats(), ", "))
	}
	highlight := map[string]bool{}
	var e *graph.Estate
	var err error
	if opts.NoSPOFs || opts.Format == "json" {
		// Nothing to highlight: read the estate without simulating it.
		e, err = opts.Source.load(c.Context(), opts.IO, opts.Files)
	} else {
		var m *simulate.Model
		e, m, err = loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
		if m != nil {
			for _, s := range m.Audit().SPOFs {
				highlight[s.Node] = true
			}
		}
	}
	if err != nil {
		return err
	}
	return writeFile(c.Context(), opts.IO, opts.OutFile, func(w io.Writer) error {
		return report.Export(w, opts.Format, e, highlight)
	})
}

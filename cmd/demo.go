package cmd

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
)

// DemoOptions are the inputs of `untether demo`.
type DemoOptions struct {
	IO      *IOStreams
	OutFile string
	Size    int
	Seed    int64
	Shape   string
}

func newDemoCmd(ios *IOStreams, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{IO: ios}
	c := &cobra.Command{
		Use:   "demo [-o estate.json] [--size N --seed S --shape SHAPE]",
		Short: "Write the embedded demo estate, or a synthetic one of any size",
		Long: `Write the embedded demo estate (a fictional company on AWS, GCP, Azure,
on-prem and SaaS) as an estate file. With --size, write instead a
deterministic synthetic estate of N resources with the same shape, for
scale tests: the same --size and --seed always give the same bytes.

--shape chooses the synthetic estate's shape: synthetic (the demo's
shape, the default), chain (one service over a linear chain of N
resources: every resource is a SPOF with an N-long proof), cycle (the
same chain closed into a cycle), or fault-tree (N basic events in k-of-n
pools under shared zone, region and database events: the cut-set
benchmark).`,
		Example: `  untether demo -o demo.json
  untether demo --size 100000 --seed 7 -o big.json && untether audit big.json
  untether demo --shape fault-tree --size 30000 -o ft.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDemo(c.Context(), opts)
		},
	}
	c.Flags().StringVarP(&opts.OutFile, "output-file", "o", "-", "write the estate to `FILE` (atomically); - is standard output")
	c.Flags().IntVar(&opts.Size, "size", 0, "generate a synthetic estate of `N` resources instead of the demo")
	c.Flags().Int64Var(&opts.Seed, "seed", 1, "random `SEED` of the synthetic estate")
	c.Flags().StringVar(&opts.Shape, "shape", demo.ShapeSynthetic, "`SHAPE` of the synthetic estate: "+strings.Join(demo.Shapes, ", "))
	return c
}

func runDemo(ctx context.Context, opts *DemoOptions) error {
	var e *graph.Estate
	var err error
	switch {
	case opts.Size < 0:
		return usageError("--size %d: expected a positive number of resources", opts.Size)
	case !slices.Contains(demo.Shapes, opts.Shape):
		return usageError("--shape %q: expected one of %s", opts.Shape, strings.Join(demo.Shapes, ", "))
	case opts.Size > 0:
		opts.IO.Progress("generating %d resources", opts.Size)
		e, err = demo.ByShape(opts.Shape, opts.Size, opts.Seed)
		opts.IO.ProgressDone()
	case opts.Shape != demo.ShapeSynthetic:
		return usageError("--shape %s needs --size N", opts.Shape)
	default:
		e, err = demo.Estate()
	}
	if err != nil {
		return err
	}
	return writeFile(ctx, opts.IO, opts.OutFile, func(w io.Writer) error { return report.EncodeEstate(w, e) })
}

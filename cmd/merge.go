package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
)

// MergeOptions are the inputs of `untether merge`.
type MergeOptions struct {
	IO      *IOStreams
	Shards  []string
	OutFile string
}

func newMergeCmd(ios *IOStreams, runF func(*MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{IO: ios}
	c := &cobra.Command{
		Use:   "merge SHARD... -o estate.json",
		Short: "Union estate shards (one per account, project or subscription) into one estate",
		Long: `Merge estate shards into one estate exactly as one discovery run over all of
them would have written it, so a CI matrix can discover each account, project
or subscription in its own job and one last job merges them.

A node found in several shards (a zone, a region, a global service) appears
once. A reference into another shard's account, which its own shard could
only record as a placeholder, resolves to the node the other shard
collected. Every coverage gap is kept. Two shards that disagree on a fact the
simulation uses (a node's region, zones, kind, need, tier, a tag value ...)
are a conflict: the merge fails with exit 2 and names both files.

A SHARD is any SOURCE: an estate file, a Terraform state or 'terraform show
-json' output. Every other command merges several SOURCE files the same way.`,
		Example: `  untether merge shards/*.json -o estate.json
  untether discover --aws --aws-role-arn "$ROLE_A" --aws-role-arn "$ROLE_B" -o 'shards/{account}.json'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Shards = args
			if runF != nil {
				return runF(opts)
			}
			return runMerge(c, opts)
		},
	}
	c.Flags().StringVarP(&opts.OutFile, "output-file", "o", "-", "write the merged estate to `FILE` (atomically); - is standard output")
	return c
}

func runMerge(c *cobra.Command, opts *MergeOptions) error {
	shards := make([]graph.Shard, 0, len(opts.Shards))
	for _, path := range opts.Shards {
		e, err := discover.ReadSource(path, opts.IO.In)
		if err != nil {
			return err
		}
		shards = append(shards, graph.Shard{Name: path, Estate: e})
	}
	e, err := graph.Merge(shards...)
	if err != nil {
		return err
	}
	fmtFprintf(opts.IO.ErrOut, "untether: merged %d shard(s): %d nodes, %d edges, %d gap(s)\n", len(shards), len(e.Nodes), len(e.Edges), len(e.Gaps))
	return writeFile(c.Context(), opts.IO, opts.OutFile, func(w io.Writer) error { return report.EncodeEstate(w, e) })
}

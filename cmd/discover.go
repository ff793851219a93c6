package cmd

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
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
		Use:   "discover (--aws | --azure | --gcp-project ID ... | --terraform FILE ... | --demo) [--inventory FILE] -o estate.json",
		Short: "Inventory live accounts or Terraform into an estate file",
		Long: `Discover the estate and write it as an estate file, the seam every other
command reads, so an audit can be re-run offline and shared. Sources merge:
live AWS accounts (read-only calls through the SDK's standard credential
chain), live Azure subscriptions (one Resource Graph query; the Reader role
is enough), live GCP projects, folders or organizations (Cloud Asset
Inventory, Application Default Credentials), Terraform states and
'terraform show -json' plans, and inventory
files for what no API shows (business services, SaaS, on-prem). Parts that
could not be collected are recorded as coverage gaps; --strict makes them
exit 3 (the estate is still written).

With {account} in the output file name, discover writes one estate per
account, project or subscription instead (all or none of them), which
'untether merge' unions back exactly; a CI matrix can as well run one
discover per account and merge the results.`,
		Example: `  untether discover --aws --aws-regions us-east-1,eu-west-1 -o estate.json
  untether discover --azure-management-group mg-prod -o 'shards/{account}.json'
  untether discover --gcp-project shop-prod --gcp-quota-project billing-proj -o estate.json
  untether discover --terraform prod.tfstate --terraform network.json --inventory services.yaml -o estate.json
  untether discover --aws --aws-role-arn "$ROLE_A" --aws-role-arn "$ROLE_B" -o 'shards/{account}.json'`,
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
	if strings.Contains(opts.OutFile, accountPlaceholder) {
		err = writeShards(c.Context(), opts.IO, opts.OutFile, e)
	} else {
		err = writeFile(c.Context(), opts.IO, opts.OutFile, func(w io.Writer) error { return report.EncodeEstate(w, e) })
	}
	if err != nil {
		return err
	}
	return opts.Source.checkStrict(e)
}

// accountPlaceholder in discover's output file name asks for one estate
// per account.
const accountPlaceholder = "{account}"

// writeShards writes one estate per account (graph.SplitByAccount), each
// to pattern with {account} replaced, all or none of them.
func writeShards(ctx context.Context, ios *IOStreams, pattern string, e *graph.Estate) error {
	split := graph.SplitByAccount(e)
	outs := make([]graph.Output, 0, len(split))
	for _, account := range slices.Sorted(maps.Keys(split)) {
		shard, path := split[account], strings.ReplaceAll(pattern, accountPlaceholder, fileSafe(account))
		// A pattern like shards/{account}.json: make the directory.
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		outs = append(outs, graph.Output{Path: path, Write: func(w io.Writer) error { return report.EncodeEstate(w, shard) }})
	}
	fmtFprintf(ios.ErrOut, "untether: %d estate(s), one per account\n", len(outs))
	return graph.WriteFiles(ctx, ios.Out, outs...)
}

// fileSafe makes an account id (digits, a project id, a GUID) safe in a
// file name whatever a source said it was.
func fileSafe(account string) string {
	if account == "" {
		return "no-account"
	}
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return r
		}
		return '_'
	}, strings.TrimLeft(account, "."))
}

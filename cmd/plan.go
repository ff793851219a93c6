package cmd

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate/planner"
)

// PlanOptions are the inputs of `untether plan`.
type PlanOptions struct {
	IO      *IOStreams
	Source  sourceOptions
	Model   modelOptions
	Report  reportOptions
	Files   []string
	Goals   []string
	Tier    int
	Actions string // action catalog file laid over the built-in one
	ApplyTo string // write the transformed estate here
	Waves   int
}

func newPlanCmd(ios *IOStreams, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: ios}
	c := &cobra.Command{
		Use:   "plan [SOURCE...] --goal GOAL [--goal GOAL ...]",
		Short: "Plan the cheapest ordered path to a goal, proven by re-simulation",
		Long: `Plan remediation toward one or more goals:

  no-spof            no single resource, zone, region, managed service or
                     provider takes down a service of tier 1 to --tier
  survive-zone       no single zone outage does
  survive-region     no single region outage does
  survive-provider   no single provider outage does
  lockin<=X          estate lock-in at most X (0 portable to 1 captive)
  hhi<=Y             provider concentration index at most Y (0 to 10000)

Actions come from a catalog (enable Multi-AZ, spread a node pool over zones,
add a replica or a second region behind DNS failover, add a secondary DNS,
CDN or identity provider, replace a proprietary store with a portable one,
move a workload ...), each a real change to the estate graph with effort in
person-days and a recurring-cost class. The planner groups actions into
waves, dependencies first, and re-simulates the changed estate after every
wave: a goal is reported met only when the simulation confirms it. Residency
pins are never crossed. What stays out of reach is listed with the reason,
and the command still exits 0.

--apply-to writes the transformed estate, so you can audit the target state
yourself: untether audit after.json. --actions lays your own catalog (YAML,
same shape as the built-in one) over the built-in actions.`,
		Example: `  untether plan --demo --goal survive-zone
  untether plan estate.json --goal no-spof --tier 1 --apply-to after.json
  untether plan estate.json --goal survive-region --goal lockin<=0.3 --format markdown -o plan.md`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if len(opts.Goals) == 0 {
				return usageError("plan needs at least one --goal (no-spof, survive-zone, survive-region, survive-provider, lockin<=X, hhi<=Y)")
			}
			if opts.Tier < 1 || opts.Tier > 4 {
				return usageError("--tier %d: expected 1 to 4", opts.Tier)
			}
			if opts.Waves < 1 {
				return usageError("--max-waves %d: expected at least 1", opts.Waves)
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlan(c, opts)
		},
	}
	fs := c.Flags()
	fs.StringArrayVar(&opts.Goals, "goal", nil, "reach `GOAL`; repeatable (no-spof, survive-zone, survive-region, survive-provider, lockin<=X, hhi<=Y)")
	fs.IntVar(&opts.Tier, "tier", planner.DefaultPlanTier, "resilience goals protect services of tier 1 to `N`")
	fs.StringVar(&opts.Actions, "actions", "", "lay an action catalog `FILE` (YAML) over the built-in actions")
	fs.StringVar(&opts.ApplyTo, "apply-to", "", "write the transformed estate to `FILE` (atomically)")
	fs.IntVar(&opts.Waves, "max-waves", planner.DefaultPlanMaxWaves, "stop searching after `N` waves")
	opts.Source.register(fs)
	opts.Model.register(fs)
	opts.Report.register(fs)
	return c
}

func runPlan(c *cobra.Command, opts *PlanOptions) error {
	if _, err := opts.Report.targets(); err != nil {
		return err
	}
	goals, err := planner.ParseGoals(opts.Goals)
	if err != nil {
		var ge *planner.GoalError
		if errors.As(err, &ge) {
			return usageError("--goal: %v", err)
		}
		return err
	}
	catalog, err := loadActions(opts.Actions)
	if err != nil {
		return err
	}
	e, m, err := loadModel(c, &opts.Source, &opts.Model, opts.IO, opts.Files)
	if err != nil {
		return err
	}
	opts.IO.Progress("planning over %d nodes", len(e.Nodes))
	plan, after, err := planner.BuildPlan(e, m.Options(), planner.PlanRequest{
		Goals: goals, Tier: opts.Tier, Catalog: catalog, MaxWaves: opts.Waves,
	})
	opts.IO.ProgressDone()
	if err != nil {
		return err
	}
	// The HTML report shows the plan inside the audit of the estate before it.
	var before *report.AuditReport
	if opts.Report.wants("html") {
		before = report.NewAudit(m.Audit(), opts.Report.auditInput(e, opts.Source.describe(opts.Files)))
	}
	var applied []graph.Output
	if opts.ApplyTo != "" {
		applied = append(applied, graph.Output{Path: opts.ApplyTo, Write: func(w io.Writer) error { return report.EncodeEstate(w, after) }})
	}
	if err := opts.Report.write(c.Context(), opts.IO, report.NewPlan(plan, before), applied...); err != nil {
		return err
	}
	return opts.Source.checkStrict(e)
}

// loadActions reads an action catalog file and lays it over the built-in one.
func loadActions(path string) (*planner.ActionCatalog, error) {
	base := planner.DefaultActionCatalog()
	if path == "" {
		return base, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &graph.InputError{File: path, Msg: "cannot read action catalog: " + strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	over, err := planner.ParseActionCatalog(data, path)
	if err != nil {
		return nil, err
	}
	return base.Merge(over), nil
}

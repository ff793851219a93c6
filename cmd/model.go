package cmd

import (
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// modelOptions tune the simulation model.
type modelOptions struct {
	criticalTier        int
	maxDoublePoints     string
	lockinCatalog       string
	availabilityCatalog string
}

func (m *modelOptions) register(fs *pflag.FlagSet) {
	fs.IntVar(&m.criticalTier, "critical-tier", 2, "services of tier 1 to `N` are critical (SPOFs and concentration count them)")
	fs.StringVar(&m.maxDoublePoints, "max-double-points", strconv.Itoa(simulate.DefaultMaxDoublePoints),
		"list at most `N` double points, most harmful first, or all (the total is always given)")
	fs.StringVar(&m.lockinCatalog, "lockin-catalog", "", "override lock-in classes with a catalog `FILE` (YAML or JSON)")
	fs.StringVar(&m.availabilityCatalog, "availability-catalog", "", "override SLAs with an availability catalog `FILE` (YAML or JSON)")
}

func (m *modelOptions) build(e *graph.Estate) (*simulate.Model, error) {
	if m.criticalTier < 1 || m.criticalTier > 4 {
		return nil, usageError("--critical-tier %d: expected 1 to 4", m.criticalTier)
	}
	opt := simulate.Options{CriticalTier: m.criticalTier}
	switch n, err := strconv.Atoi(m.maxDoublePoints); {
	case m.maxDoublePoints == "all":
		opt.MaxDoublePoints = simulate.AllDoublePoints
	case err != nil || n < 1:
		return nil, usageError("--max-double-points %q: expected a number of at least 1, or all", m.maxDoublePoints)
	default:
		opt.MaxDoublePoints = n
	}
	if m.lockinCatalog != "" {
		data, err := os.ReadFile(m.lockinCatalog)
		if err != nil {
			return nil, &graph.InputError{File: m.lockinCatalog, Msg: "cannot read lock-in catalog: " + err.Error()}
		}
		if opt.Lockin, err = simulate.ParseLockinCatalog(data, m.lockinCatalog); err != nil {
			return nil, err
		}
	}
	if m.availabilityCatalog != "" {
		data, err := os.ReadFile(m.availabilityCatalog)
		if err != nil {
			return nil, &graph.InputError{File: m.availabilityCatalog, Msg: "cannot read availability catalog: " + err.Error()}
		}
		if opt.Availability, err = simulate.ParseAvailabilityCatalog(data, m.availabilityCatalog); err != nil {
			return nil, err
		}
	}
	return simulate.NewModel(e, opt)
}

// loadModel loads the sources, lets the policy set what no flag did, and
// builds the simulation model: the first steps of every reporting command.
func loadModel(c *cobra.Command, src *sourceOptions, mo *modelOptions, ios *IOStreams, files []string) (*graph.Estate, *simulate.Model, error) {
	pol, err := src.loadPolicy(ios)
	if err != nil {
		return nil, nil, err
	}
	applyPolicyModel(c.Flags(), mo, pol)
	e, err := src.load(c.Context(), ios, files)
	if err != nil {
		return nil, nil, err
	}
	// The phase runs on through the sweeps the command asks of the model;
	// writing the reports starts the next one.
	ios.Progress("simulating %d nodes", len(e.Nodes))
	m, err := mo.build(e)
	if err != nil {
		return nil, nil, err
	}
	return e, m, nil
}

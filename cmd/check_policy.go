package cmd

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover/policy"
	"github.com/untether-dev/untether/discover/tflocate"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate/gate"
)

// loadPolicy reads --config, or the policy file found from the working
// directory upward; no policy file is an empty policy.
func loadPolicy(config string, ios *IOStreams) (*policy.Policy, error) {
	path := config
	if path == "" {
		found, err := policy.Find(".")
		if err != nil {
			return nil, err
		}
		if found == "" {
			return &policy.Policy{Version: 1}, nil
		}
		path = found
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, found); err == nil {
				path = rel
			}
		}
	}
	p, err := policy.Load(path)
	if err != nil {
		var ie *graph.InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, usageError("--config: %v", err)
	}
	fmtFprintf(ios.ErrOut, "untether: policy %s\n", path)
	return p, nil
}

// applyPolicyModel lets the policy set what a flag did not.
func applyPolicyModel(fs *pflag.FlagSet, m *modelOptions, p *policy.Policy) {
	if p.CriticalTier != 0 && !flagChanged(fs, "critical-tier") {
		m.criticalTier = p.CriticalTier
	}
	if p.Catalog.Lockin != "" && !flagChanged(fs, "lockin-catalog") {
		m.lockinCatalog = p.Catalog.Lockin
	}
}

// gateFrom builds the gate: --fail-on terms win over the policy's, which
// win over the default. A bad term in the policy names its line.
func gateFrom(flagTerms []string, p *policy.Policy) (gate.Gate, error) {
	var g gate.Gate
	var err error
	switch {
	case len(flagTerms) > 0:
		if g, err = gate.ParseFailOn(flagTerms); err != nil {
			return g, usageError("--fail-on: %v", err)
		}
	case len(p.Gate.FailOn) > 0:
		for i, term := range p.Gate.FailOn {
			if _, err := gate.ParseFailOn([]string{term}); err != nil {
				return g, p.ErrorAt(p.Gate.FailOnAt[i], "gate.fail_on: "+err.Error())
			}
		}
		g, _ = gate.ParseFailOn(p.Gate.FailOn)
	default:
		g, _ = gate.ParseFailOn(gate.DefaultFailOn)
	}
	for _, w := range p.Waivers {
		g.Waivers = append(g.Waivers, gate.Waiver{
			ID: w.ID, Rule: w.Rule, Node: w.Node, Service: w.Service,
			Reason: w.Reason, Owner: w.Owner, Expires: w.Expires, Source: w.Source(p.File),
		})
	}
	return g, nil
}

// locator maps node ids to the Terraform file and line that declare them:
// the node's Terraform address (attrs.address, else its id) looked up in the
// HCL of dir. File names are given relative to the working directory, as
// code scanning expects paths relative to the repository root.
func locator(dir string, e *graph.Estate) (func(string) (string, int, bool), error) {
	ix, err := tflocate.Scan(dir)
	if err != nil {
		return nil, err
	}
	addr := make(map[string]string, len(e.Nodes))
	for _, n := range e.Nodes {
		a := n.ID
		if s, ok := n.Attrs["address"].(string); ok && s != "" {
			a = s
		}
		addr[n.ID] = a
	}
	return func(node string) (string, int, bool) {
		a, ok := addr[node]
		if !ok {
			a = node
		}
		loc, ok := ix.Lookup(a)
		if !ok {
			return "", 0, false
		}
		return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(loc.File))), loc.Line, true
	}, nil
}

package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/untether-dev/untether/graph"
)

// FileName is the policy file looked for from the working directory upward.
const FileName = ".untether.yaml"

// Policy is a parsed .untether.yaml.
type Policy struct {
	// File is the path the policy was read from.
	File    string
	Version int
	Tags    Tags
	// CriticalTier: services of this tier or better (lower) are critical;
	// 0 means the default (tiers 1-2).
	CriticalTier int
	Gate         Gate
	Catalog      Catalog
	Waivers      []Waiver
}

// Tags name the tag keys that carry a resource's service and tier.
type Tags struct {
	Service []string
	Tier    []string
}

// Gate holds the fail-on terms, each with where it was written.
type Gate struct {
	FailOn   []string
	FailOnAt []Pos
}

// Catalog holds catalog overrides; paths are resolved against the policy
// file's directory.
type Catalog struct {
	Lockin       string
	Availability string
}

// Waiver accepts findings until it expires. At least one of ID, Rule, Node
// or Service is set; * is a wildcard in each.
type Waiver struct {
	ID, Rule, Node, Service string
	Reason, Owner           string
	Expires                 string // YYYY-MM-DD, or "" for never
	At                      Pos
}

// Pos is a place in the policy file (1-based).
type Pos struct{ Line, Col int }

// Source is "file:line" for reports.
func (w Waiver) Source(file string) string {
	return fmt.Sprintf("%s:%d", file, w.At.Line)
}

// ErrorAt returns an input error at a place in the policy file, for problems
// found after parsing (a fail-on term the gate does not accept).
func (p *Policy) ErrorAt(at Pos, msg string) error {
	return &graph.InputError{File: p.File, Line: at.Line, Col: at.Col, Msg: msg}
}

// Find looks for FileName in dir and each parent directory and returns its
// path, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find policy: %w", err)
	}
	for {
		p := filepath.Join(dir, FileName)
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() {
			return p, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("find policy: %w", err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and parses a policy file.
func Load(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read policy: %w", err)
	}
	p, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	if p.Catalog.Lockin != "" && !filepath.IsAbs(p.Catalog.Lockin) {
		p.Catalog.Lockin = filepath.Join(filepath.Dir(path), p.Catalog.Lockin)
	}
	if p.Catalog.Availability != "" && !filepath.IsAbs(p.Catalog.Availability) {
		p.Catalog.Availability = filepath.Join(filepath.Dir(path), p.Catalog.Availability)
	}
	return p, nil
}

// Parse parses policy YAML. Unknown keys, wrong types, bad dates and waivers
// without a match or a reason are *graph.InputError with line and column.
func Parse(data []byte, name string) (*Policy, error) {
	top, err := graph.ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	p := &Policy{File: name, Version: 1}
	if top == nil {
		return p, nil // an empty file is an empty policy
	}
	ps := parser{file: name}
	if err := ps.policy(top, p); err != nil {
		return nil, err
	}
	return p, nil
}

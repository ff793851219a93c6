package gate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Gate is what makes `untether check` fail, and which findings are waived.
// The zero Gate fails on nothing.
type Gate struct {
	// FailOn holds the terms as written, for the report.
	FailOn []string
	// Severity: a new finding at or above it fails ("" never).
	Severity string
	// NewSPOF: a new SPOF (a node not accepted as one in the baseline) fails.
	NewSPOF bool
	// ScoreDrop, when set, fails when resilience fell by more than it.
	ScoreDrop *float64
	// MaxLockin, when set, fails when estate lock-in (0-1) is above it.
	MaxLockin *float64
	// MaxHHI, when set, fails when any concentration index is above it.
	MaxHHI *float64
	// Waivers accept findings by id or selector until they expire.
	Waivers []Waiver
}

// DefaultFailOn is the gate when neither the flag nor the policy sets one.
var DefaultFailOn = []string{"high", "new-spof"}

// FailOnError is a --fail-on term that does not parse.
type FailOnError struct {
	Term string
	Msg  string
}

func (e *FailOnError) Error() string { return fmt.Sprintf("fail-on %q: %s", e.Term, e.Msg) }

const failOnHelp = "expected a severity (critical, high, medium, low, none), new-spof, score-drop=N, lockin>X or hhi>Y"

// ParseFailOn parses fail-on terms into a Gate. Terms may also be given
// comma-separated in one string ("high,new-spof").
func ParseFailOn(terms []string) (Gate, error) {
	var g Gate
	for _, raw := range terms {
		for _, t := range strings.Split(raw, ",") {
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			if err := g.addTerm(t); err != nil {
				return Gate{}, err
			}
			g.FailOn = append(g.FailOn, t)
		}
	}
	return g, nil
}

func (g *Gate) addTerm(t string) error {
	lower := strings.ToLower(t)
	if SeverityRank(lower) > 0 {
		if g.Severity == "" || SeverityRank(lower) < SeverityRank(g.Severity) {
			g.Severity = lower
		}
		return nil
	}
	number := func(s string, lo, hi float64) (*float64, error) {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || v < lo || v > hi {
			return nil, &FailOnError{t, fmt.Sprintf("expected a number from %g to %g after the operator", lo, hi)}
		}
		return &v, nil
	}
	var err error
	switch {
	case lower == "none" || lower == "never":
	case lower == "new-spof":
		g.NewSPOF = true
	case strings.HasPrefix(lower, "score-drop="):
		g.ScoreDrop, err = number(lower[len("score-drop="):], 0, 100)
	case strings.HasPrefix(lower, "lockin>"):
		g.MaxLockin, err = number(lower[len("lockin>"):], 0, 1)
	case strings.HasPrefix(lower, "hhi>"):
		g.MaxHHI, err = number(lower[len("hhi>"):], 0, 10000)
	default:
		return &FailOnError{t, failOnHelp}
	}
	return err
}

// Waiver accepts findings until it expires. At least one of ID, Rule, Node
// or Service is set; each set field must match, and each may use * as a
// wildcard for any run of characters (slashes included).
type Waiver struct {
	ID      string `json:"id,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Node    string `json:"node,omitempty"`
	Service string `json:"service,omitempty"` // matches any of the finding's services
	Reason  string `json:"reason"`
	Owner   string `json:"owner,omitempty"`
	Expires string `json:"expires,omitempty"` // YYYY-MM-DD, last day it waives
	// Source is where the waiver was written (file:line), for reports.
	Source string `json:"source,omitempty"`
}

// Selector is the waiver's match written as one string, for reports.
func (w Waiver) Selector() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+":"+v)
		}
	}
	add("id", w.ID)
	add("rule", w.Rule)
	add("node", w.Node)
	add("service", w.Service)
	return strings.Join(parts, " ")
}

// Matches reports whether the waiver covers the finding.
func (w Waiver) Matches(f simulate.Finding) bool {
	if w.ID == "" && w.Rule == "" && w.Node == "" && w.Service == "" {
		return false
	}
	if w.ID != "" && !globMatch(w.ID, f.ID) {
		return false
	}
	if w.Rule != "" && !globMatch(w.Rule, f.Rule) {
		return false
	}
	if w.Node != "" && !globMatch(w.Node, f.Node) {
		return false
	}
	if w.Service != "" {
		ok := false
		for _, s := range f.Services {
			if globMatch(w.Service, s) || globMatch(w.Service, graph.ServiceName(s)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Expired reports whether the waiver no longer waives on day today
// (YYYY-MM-DD): it waives through its expiry date and not after.
func (w Waiver) Expired(today string) bool {
	return w.Expires != "" && today > w.Expires
}

// globMatch matches s against pattern where * is any run of characters.
func globMatch(pattern, s string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == s
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}

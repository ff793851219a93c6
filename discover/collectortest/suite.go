package collectortest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// Suite describes one collector under test.
type Suite struct {
	// Collect runs the collector against a healthy fake source.
	Collect func(ctx context.Context) (*graph.Estate, error)
	// Secrets are values the fake source holds (tags, environment
	// variables, connection strings) that must never reach the estate.
	Secrets []string
	// IDPrefixes, when set, are the prefixes every resource id starts with
	// ("arn:" for AWS; stubs for referenced endpoints may add "dns:").
	IDPrefixes []string
	// Failing runs the collector against a source whose APIs fail.
	Failing func(ctx context.Context) (*graph.Estate, error)
	// WantGaps are gaps Failing must report; fields left empty match anything.
	WantGaps []graph.Gap
}

// Run checks every promise of the package comment.
func Run(t *testing.T, s Suite) {
	t.Helper()
	ctx := context.Background()
	first, err := s.Collect(ctx)
	if err != nil {
		t.Fatalf("collect: %v", err)
	}
	t.Run("Deterministic", func(t *testing.T) { deterministic(t, s, first) })
	t.Run("Valid", func(t *testing.T) {
		if err := graph.Validate(first); err != nil {
			t.Errorf("estate does not validate: %v", err)
		}
	})
	t.Run("Evidence", func(t *testing.T) { evidence(t, first) })
	t.Run("IDs", func(t *testing.T) { ids(t, s, first) })
	t.Run("NoSecrets", func(t *testing.T) { noSecrets(t, s, first) })
	if s.Failing != nil {
		t.Run("FailuresBecomeGaps", func(t *testing.T) { failures(t, s) })
	}
}

func encode(t *testing.T, e *graph.Estate) []byte {
	var b bytes.Buffer
	if err := graph.Encode(&b, e); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b.Bytes()
}

func deterministic(t *testing.T, s Suite, first *graph.Estate) {
	second, err := s.Collect(context.Background())
	if err != nil {
		t.Fatalf("second collect: %v", err)
	}
	a, b := encode(t, first), encode(t, second)
	if !bytes.Equal(a, b) {
		t.Errorf("two runs differ:\n%s", firstDiff(a, b))
	}
}

// firstDiff shows the first differing line of two encodings.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d and %d lines", len(la), len(lb))
}

func evidence(t *testing.T, e *graph.Estate) {
	for _, n := range e.Nodes {
		if (n.Class == graph.ClassResource || n.Class == graph.ClassGroup) && n.Evidence == "" {
			t.Errorf("%s node %q has no evidence", n.Class, n.ID)
		}
	}
	for _, ed := range e.Edges {
		if ed.Evidence == "" {
			t.Errorf("edge %q -> %q has no evidence", ed.From, ed.To)
		}
	}
}

func ids(t *testing.T, s Suite, e *graph.Estate) {
	resources := 0
	for _, n := range e.Nodes {
		if n.Class != graph.ClassResource {
			continue
		}
		resources++
		if strings.TrimSpace(n.ID) != n.ID || n.Provider == "" {
			t.Errorf("resource %q: id with spaces or no provider", n.ID)
		}
		if len(s.IDPrefixes) > 0 && !slices.ContainsFunc(s.IDPrefixes, func(p string) bool { return strings.HasPrefix(n.ID, p) }) {
			t.Errorf("resource id %q does not start with any of %v", n.ID, s.IDPrefixes)
		}
	}
	if resources == 0 {
		t.Errorf("the fake source yielded no resources")
	}
}

func noSecrets(t *testing.T, s Suite, e *graph.Estate) {
	out := encode(t, e)
	for _, secret := range s.Secrets {
		if bytes.Contains(out, []byte(secret)) {
			t.Errorf("secret %q appears in the estate", secret)
		}
	}
}

func failures(t *testing.T, s Suite) {
	e, err := s.Failing(context.Background())
	if err != nil {
		t.Fatalf("a failing source must yield gaps, not an error: %v", err)
	}
	for _, g := range e.Gaps {
		switch g.Status {
		case graph.GapDenied, graph.GapNotEnabled, graph.GapFailed, graph.GapUnsupported:
		default:
			t.Errorf("gap %+v has unknown status %q", g, g.Status)
		}
	}
	for _, want := range s.WantGaps {
		if !slices.ContainsFunc(e.Gaps, func(g graph.Gap) bool { return gapMatches(g, want) }) {
			t.Errorf("no gap matching %+v; gaps: %+v", want, e.Gaps)
		}
	}
}

func gapMatches(g, want graph.Gap) bool {
	eq := func(a, b string) bool { return b == "" || a == b }
	return eq(g.Provider, want.Provider) && eq(g.Account, want.Account) && eq(g.Region, want.Region) &&
		eq(g.Service, want.Service) && eq(g.Status, want.Status) && (want.Detail == "" || strings.Contains(g.Detail, want.Detail))
}

package simulate

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// spec builds a small estate from lines, for tests worked out by hand:
//
//	svc NAME [TIER] [COST] a service node "NAME" (tier 3 when omitted)
//	res NAME [k=v ...]     a resource node; keys kind, type, provider,
//	                       region, zones (a,b), role, bytes (stored_bytes)
//	grp NAME NEED M1 M2..  a group with its members
//	zone P/R/Z             a zone placement (and its region and provider)
//	need A B C...          A needs B, A needs C ...
func spec(t testing.TB, text string) *graph.Estate {
	t.Helper()
	b := graph.NewBuilder()
	for ln, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		bad := func() { t.Fatalf("spec line %d: %q", ln+1, line) }
		switch f[0] {
		case "svc":
			n := graph.Node{ID: f[1], Class: graph.ClassService, Name: f[1]}
			if len(f) > 2 {
				n.Tier, _ = strconv.Atoi(f[2])
			}
			if len(f) > 3 {
				n.DowntimeCostPerHour, _ = strconv.ParseFloat(f[3], 64)
			}
			b.Node(n)
		case "res":
			n := graph.Node{ID: f[1], Class: graph.ClassResource, Kind: "instance", Provider: "aws"}
			for _, kv := range f[2:] {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "kind":
					n.Kind = v
				case "type":
					n.Type = v
				case "provider":
					n.Provider = v
				case "region":
					n.Region = v
				case "zones":
					n.Zones = strings.Split(v, ",")
				case "role":
					n.Role = graph.Role(v)
				case "bytes":
					x, _ := strconv.ParseFloat(v, 64)
					n.Attrs = map[string]any{"stored_bytes": x}
				default:
					bad()
				}
			}
			b.Node(n)
		case "grp":
			need, err := strconv.Atoi(f[2])
			if err != nil {
				bad()
			}
			b.Group(f[1], need, f[3:], "test group")
		case "zone":
			p := strings.Split(f[1], "/")
			b.Zone(p[0], p[1], p[2])
		case "need":
			for _, to := range f[2:] {
				b.Edge(f[1], to, f[1]+" needs "+to)
			}
		default:
			bad()
		}
	}
	e, err := b.Estate()
	if err != nil {
		t.Fatalf("spec: %v", err)
	}
	return e
}

func model(t testing.TB, text string) *Model {
	t.Helper()
	m, err := NewModel(spec(t, text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func idx(t testing.TB, m *Model, ids ...string) []int32 {
	t.Helper()
	var out []int32
	for _, id := range ids {
		i, ok := m.c.Index(id)
		if !ok {
			t.Fatalf("no node %q", id)
		}
		out = append(out, i)
	}
	return out
}

// downAfter fails ids and returns the sorted ids of every DOWN node.
func downAfter(t testing.TB, m *Model, ids ...string) []string {
	t.Helper()
	return m.Propagate(idx(t, m, ids...)).DownIDs()
}

func eq(t testing.TB, what string, got, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if got == nil {
		got = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

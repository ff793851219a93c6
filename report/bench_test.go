package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// bigAudit is an audit shaped like one of a 100,000-resource estate: the
// writers must stay fast because they show top-N lists, not everything.
func bigAudit() *simulate.Audit {
	a := fixtureAudit()
	for i := range 5000 {
		id := fmt.Sprintf("arn:aws:ec2:us-east-1:111122223333:instance/i-%017x", i)
		a.SPOFs = append(a.SPOFs, simulate.SPOF{Node: id, Level: "resource", Services: []string{"service:checkout"},
			Chain: []string{"service:checkout", "lb", "asg", id}})
	}
	for i := range 2000 {
		a.Scenarios = append(a.Scenarios, simulate.Scenario{Name: fmt.Sprintf("zone %d", i), Kind: "zone",
			Fail: []string{fmt.Sprintf("zone:aws/r%d/z%d", i/3, i)}, ServicesDown: []string{"service:search"}, CriticalDown: 1, ResourcesDown: i})
	}
	for i := range 500 {
		a.DoublePoints = append(a.DoublePoints, simulate.DoublePoint{Nodes: [2]string{fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i)}, Services: []string{"service:login"}})
	}
	for i := range 60000 {
		a.Lockin.Resources = append(a.Lockin.Resources, simulate.ResourceLockin{Node: fmt.Sprintf("res-%d", i), Provider: "aws",
			Product: "DynamoDB", Class: "proprietary", Value: float64(i%3) / 2, Alternatives: []string{"Cassandra"}})
	}
	return a
}

// bigEstate is n resources over 3 providers x 4 regions x 3 zones, each
// needing its zone, with 100 services needing 1-of-2 groups of resources.
func bigEstate(n int) *graph.Estate {
	e := &graph.Estate{}
	add := func(nd graph.Node) { e.Nodes = append(e.Nodes, nd) }
	edge := func(from, to string) { e.Edges = append(e.Edges, graph.Edge{From: from, To: to, Evidence: "bench"}) }
	var zones []string
	for _, p := range []string{"aws", "gcp", "azure"} {
		add(graph.Node{ID: p, Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: p})
		for r := range 4 {
			rid := fmt.Sprintf("%s/r%d", p, r)
			add(graph.Node{ID: rid, Class: graph.ClassPlacement, Level: graph.LevelRegion, Provider: p, Region: fmt.Sprintf("r%d", r)})
			edge(rid, p)
			for z := range 3 {
				zid := fmt.Sprintf("%s/z%d", rid, z)
				add(graph.Node{ID: zid, Class: graph.ClassPlacement, Level: graph.LevelZone, Provider: p, Region: fmt.Sprintf("r%d", r)})
				edge(zid, rid)
				zones = append(zones, zid)
			}
		}
	}
	for i := range n {
		z := zones[i%len(zones)]
		id := fmt.Sprintf("res-%07d", i)
		add(graph.Node{ID: id, Class: graph.ClassResource, Kind: "instance", Provider: e.Nodes[0].Provider, Region: "r0", Name: id})
		edge(id, z)
	}
	for s := range 100 {
		sid := fmt.Sprintf("service:s%d", s)
		gid := fmt.Sprintf("group:s%d", s)
		add(graph.Node{ID: sid, Class: graph.ClassService, Tier: 1 + s%4})
		add(graph.Node{ID: gid, Class: graph.ClassGroup, Need: 1})
		edge(sid, gid)
		edge(gid, fmt.Sprintf("res-%07d", s))
		edge(gid, fmt.Sprintf("res-%07d", s+100))
	}
	return e
}

func BenchmarkWriteAudit(b *testing.B) {
	a := NewAudit(bigAudit(), AuditInput{})
	for _, w := range []struct {
		name string
		w    Writer
	}{{"table", TableWriter{}}, {"markdown", MarkdownWriter{}}, {"json", JSONWriter{}}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, w.w, w.name, a, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewAudit is the work every format shares, done once per run.
func BenchmarkNewAudit(b *testing.B) {
	a := bigAudit()
	b.ReportAllocs()
	for b.Loop() {
		NewAudit(a, AuditInput{})
	}
}

func BenchmarkExport100k(b *testing.B) {
	e := bigEstate(100_000)
	hl := map[string]bool{"res-0000001": true, "aws/r0": true}
	for _, f := range ExportFormats() {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Export(io.Discard, f, e, hl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package report

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// htmlLarge is a 100,000-resource estate and an audit with an entry for
// every resource: 100,000 SPOFs, lock-in entries and scenarios.
func htmlLarge(tb testing.TB) (*AuditReport, *htmlExtras) {
	tb.Helper()
	const resources, services = 100_000, 500
	e := &graph.Estate{}
	a := &simulate.Audit{Version: simulate.AuditVersion, Score: simulate.Score{Resilience: 64.2, Grade: "D", Method: "m"}}
	e.Nodes = append(e.Nodes, graph.Node{ID: "aws", Class: graph.ClassPlacement, Level: graph.LevelProvider, Provider: "aws"})
	for r := range 20 {
		region := fmt.Sprintf("aws/region-%02d", r)
		e.Nodes = append(e.Nodes, graph.Node{ID: region, Class: graph.ClassPlacement, Level: graph.LevelRegion, Provider: "aws", Region: region})
		e.Edges = append(e.Edges, graph.Edge{From: region, To: "aws"})
		for z := range 5 {
			zone := fmt.Sprintf("%s/zone-%d", region, z)
			e.Nodes = append(e.Nodes, graph.Node{ID: zone, Class: graph.ClassPlacement, Level: graph.LevelZone, Provider: "aws"})
			e.Edges = append(e.Edges, graph.Edge{From: zone, To: region})
			a.Scenarios = append(a.Scenarios, simulate.Scenario{Name: zone, Kind: "zone", Fail: []string{"zone:" + zone}, Nodes: []string{zone}, ServicesDown: []string{"service:s-0001"}, CriticalDown: 1})
		}
	}
	for s := range services {
		id := fmt.Sprintf("service:s-%04d", s)
		e.Nodes = append(e.Nodes, graph.Node{ID: id, Class: graph.ClassService, Name: id[8:], Tier: 1 + s%4})
		a.Services = append(a.Services, simulate.ServiceScore{Service: id, Name: id[8:], Tier: 1 + s%4, Critical: s%4 < 2, Score: float64(s % 100)})
		a.Lockin.Services = append(a.Lockin.Services, simulate.ServiceLockin{Service: id, Lockin: float64(s%10) / 10})
	}
	for i := range resources {
		id := fmt.Sprintf("arn:aws:ec2:region-%02d:111122223333:instance/i-%08d", i%20, i)
		svc := fmt.Sprintf("service:s-%04d", i%services)
		zone := fmt.Sprintf("aws/region-%02d/zone-%d", i%20, i%5)
		e.Nodes = append(e.Nodes, graph.Node{ID: id, Class: graph.ClassResource, Kind: "instance", Provider: "aws", Name: fmt.Sprintf("web-%d", i)})
		e.Edges = append(e.Edges, graph.Edge{From: svc, To: id}, graph.Edge{From: id, To: zone})
		a.SPOFs = append(a.SPOFs, simulate.SPOF{Node: id, Level: "resource", Services: []string{svc}, Chain: []string{svc, id}})
		a.Lockin.Resources = append(a.Lockin.Resources, simulate.ResourceLockin{Node: id, Provider: "aws", Kind: "instance", Product: fmt.Sprintf("Product %d", i%300), Class: "proprietary", Value: 1, Alternatives: []string{"Kubernetes"}})
		a.Scenarios = append(a.Scenarios, simulate.Scenario{Name: id, Kind: "custom", Fail: []string{"node:" + id}, Nodes: []string{id}, ServicesDown: []string{svc}, CriticalDown: 1})
		a.Concentration.Zones.Shares = append(a.Concentration.Zones.Shares, simulate.Share{Key: id, Share: 0.001})
		if i%10 == 0 {
			a.Gaps = append(a.Gaps, graph.Gap{Provider: "aws", Region: fmt.Sprintf("r-%d", i), Service: "ec2", Status: "denied"})
			a.DoublePoints = append(a.DoublePoints, simulate.DoublePoint{Nodes: [2]string{id, zone}, Services: []string{svc}})
		}
	}
	a.Estate = simulate.EstateSummary{Nodes: len(e.Nodes), Resources: resources, Services: services, Critical: services / 2, Edges: len(e.Edges)}
	return NewAudit(a, AuditInput{Estate: e}), &htmlExtras{}
}

func TestHTMLLargeEstate(t *testing.T) {
	if testing.Short() {
		t.Skip("large estate skipped in -short mode")
	}
	a, x := htmlLarge(t)
	start := time.Now()
	var buf bytes.Buffer
	if err := writeHTML(&buf, a, x); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("100,000 resources: %d bytes in %v", buf.Len(), took)
	if buf.Len() > 1<<20 {
		t.Errorf("report is %d bytes, want under 1 MiB", buf.Len())
	}
	if took > 30*time.Second { // generous: CI machines are shared
		t.Errorf("rendering took %v", took)
	}
}

func BenchmarkHTMLWrite(b *testing.B) {
	for _, size := range []string{"fixture", "100k"} {
		b.Run(size, func(b *testing.B) {
			a, x := fullExtras(b)
			if size == "100k" {
				a, x = htmlLarge(b)
			}
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := writeHTML(&buf, a, x); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/report")
		})
	}
}

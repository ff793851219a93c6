package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// fixtureEstate is a small estate: a multi-AZ database behind a service, a
// single-zone cache and a SaaS dependency.
func fixtureEstate(t *testing.T, name string) *graph.Estate {
	t.Helper()
	b := graph.NewBuilder()
	db := "arn:aws:rds:us-east-1:111122223333:db:orders"
	b.Node(graph.Node{ID: db, Class: graph.ClassResource, Kind: "database", Type: "AWS::RDS::DBInstance", Provider: "aws",
		Account: "111122223333", Region: "us-east-1", Zones: []string{"use1-az1", "use1-az2"}, Name: name})
	b.Place(db, "aws", "us-east-1", []string{"use1-az1", "use1-az2"}, "MultiAZ=true")
	cache := "arn:aws:elasticache:us-east-1:111122223333:cluster:sessions"
	b.Node(graph.Node{ID: cache, Class: graph.ClassResource, Kind: "cache", Provider: "aws", Region: "us-east-1", Zones: []string{"use1-az1"}, Name: "sessions"})
	b.Place(cache, "aws", "us-east-1", []string{"use1-az1"}, "PreferredAvailabilityZone")
	b.Node(graph.Node{ID: "saas:stripe", Class: graph.ClassResource, Kind: "saas", Provider: "stripe", Name: "Stripe"})
	b.Node(graph.Node{ID: "service:checkout", Class: graph.ClassService, Name: "checkout", Tier: 1})
	b.Edge("service:checkout", db, "inventory.yaml:12")
	b.Edge("service:checkout", cache, "inventory.yaml:13")
	b.Edge("service:checkout", "saas:stripe", "inventory.yaml:14")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var fixtureSPOFs = map[string]bool{"saas:stripe": true, "aws/us-east-1/use1-az1": true}

func exportString(t *testing.T, format string, e *graph.Estate) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, format, e, fixtureSPOFs); err != nil {
		t.Fatalf("Export(%s): %v", format, err)
	}
	return buf.String()
}

func TestExportGolden(t *testing.T) {
	for _, format := range ExportFormats() {
		t.Run(format, func(t *testing.T) {
			got := exportString(t, format, fixtureEstate(t, "orders"))
			golden(t, "estate."+format, []byte(got))
		})
	}
}

func TestExportOrderIndependent(t *testing.T) {
	for _, format := range ExportFormats() {
		e := fixtureEstate(t, "orders")
		want := exportString(t, format, e)
		slices.Reverse(e.Nodes)
		slices.Reverse(e.Edges)
		if got := exportString(t, format, e); got != want {
			t.Errorf("%s: output depends on node order:\n%s", format, lineDiff(want, got))
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	err := Export(io.Discard, "png", fixtureEstate(t, "x"), nil)
	if err == nil || !strings.Contains(err.Error(), "dot, graphml, json, mermaid") {
		t.Fatalf("err = %v, want the list of formats", err)
	}
	if err := Export(io.Discard, "dot", nil, nil); err == nil {
		t.Fatal("nil estate: no error")
	}
}

func TestExportGroupGate(t *testing.T) {
	dot := exportString(t, "dot", fixtureEstate(t, "orders"))
	if !strings.Contains(dot, `label="1 of 2`) || !strings.Contains(dot, "shape=invhouse") {
		t.Errorf("dot: group not drawn as a 1 of 2 gate:\n%s", dot)
	}
	if !strings.Contains(dot, `"saas:stripe" [label="Stripe\nsaas", tooltip="saas:stripe", penwidth=2`) &&
		!strings.Contains(dot, `color="#cc0000"`) {
		t.Errorf("dot: SPOF not highlighted:\n%s", dot)
	}
	mm := exportString(t, "mermaid", fixtureEstate(t, "orders"))
	if !strings.Contains(mm, `{{"1 of 2`) || !strings.Contains(mm, " spof\n") {
		t.Errorf("mermaid: gate or spof class missing:\n%s", mm)
	}
}

// wellFormedXML fails the test unless s parses as XML to the end.
func wellFormedXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("graphml is not well-formed XML: %v", err)
		}
	}
}

func TestExportGraphMLWellFormed(t *testing.T) {
	wellFormedXML(t, exportString(t, "graphml", fixtureEstate(t, "orders")))
}

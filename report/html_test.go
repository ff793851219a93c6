package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

var updateHTML = flag.Bool("update-html", false, "rewrite report/testdata/html golden files")

// renderHTML renders an audit report with extras (nil: none).
func renderHTML(t testing.TB, r *AuditReport, x *htmlExtras) []byte {
	t.Helper()
	if x == nil {
		x = &htmlExtras{}
	}
	var buf bytes.Buffer
	if err := writeHTML(&buf, r, x); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fullExtras is the fixture audit's report with the estate, and every extra
// a page can show: a baseline, a plan and a title.
func fullExtras(t testing.TB) (*AuditReport, *htmlExtras) {
	e := htmlEstate(t)
	base := simulate.Score{Resilience: 61.8, Grade: "D"}
	r := NewAudit(htmlAudit(e), AuditInput{Estate: e, Inputs: []string{"estate.json (untether_estate 1)", "inventory.yaml"}})
	return r, &htmlExtras{Baseline: &base, Plan: htmlPlanFixture(), Title: "Shop estate: resilience report"}
}

func TestHTMLGolden(t *testing.T) {
	a, x := fullExtras(t)
	got := renderHTML(t, a, x)
	path := filepath.Join("testdata", "html", "audit.golden.html")
	if *updateHTML {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run TestHTMLGolden -update-html)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("html report differs from %s; run with -update-html and review the diff", path)
	}
}

func TestHTMLDeterministic(t *testing.T) {
	a, x := fullExtras(t)
	first := renderHTML(t, a, x)
	for range 5 {
		a2, x2 := fullExtras(t)
		if !bytes.Equal(first, renderHTML(t, a2, x2)) {
			t.Fatal("same input gave different bytes")
		}
	}
}

func TestHTMLSectionsInOrder(t *testing.T) {
	a, x := fullExtras(t)
	page := string(renderHTML(t, a, x))
	last := -1
	for _, id := range []string{`id="headline"`, `id="risks"`, `id="scenarios"`, `id="lockin"`, `id="plan"`, `id="map"`, `id="appendix"`} {
		i := strings.Index(page, id)
		if i < 0 || i < last {
			t.Fatalf("section %s missing or out of order", id)
		}
		last = i
	}
	for _, want := range []string{
		"If AWS us-east-1 fails, 2 of 4 critical services stop, costing $50,000 per hour.",
		"-3.5 points", "against the baseline of 61.8 / 100 (grade D)",
		"Enable multi-AZ on orders", "DynamoDB", "Apache Cassandra", "AccessDenied",
		"class=\"n-res n-spof\"", "<svg", "Content-Security-Policy",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestHTMLWithoutExtras(t *testing.T) {
	r := NewAudit(htmlAudit(htmlEstate(t)), AuditInput{})
	page := string(renderHTML(t, r, nil))
	for _, absent := range []string{`id="plan"`, `id="map"`, "baseline"} {
		if strings.Contains(page, absent) {
			t.Errorf("report without extras shows %q", absent)
		}
	}
	// The writer renders the same page.
	var buf bytes.Buffer
	if err := Write(&buf, HTMLWriter{}, "html", r, Options{}); err != nil || buf.String() != page {
		t.Errorf("the writer rendered differently (err %v)", err)
	}
}

func TestHTMLUnsupported(t *testing.T) {
	var ue *UnsupportedError
	err := Write(&bytes.Buffer{}, HTMLWriter{}, "html", NewExplanation(&simulate.Explanation{}), Options{})
	if !errors.As(err, &ue) || ue.Format != "html" {
		t.Fatalf("got %v, want an *UnsupportedError for html", err)
	}
	if err := Write(&bytes.Buffer{}, HTMLWriter{}, "html", NewAudit(nil, AuditInput{}), Options{}); !errors.As(err, &ue) {
		t.Fatalf("nil audit: got %v, want an *UnsupportedError", err)
	}
	// A plan or a check without the audit it was computed against has no page.
	if err := Write(&bytes.Buffer{}, HTMLWriter{}, "html", &CheckReport{Check: &gate.CheckResult{}}, Options{}); !errors.As(err, &ue) {
		t.Fatalf("check without its audit: got %v, want an *UnsupportedError", err)
	}
}

func TestHTMLEmptyAudit(t *testing.T) {
	page := string(renderHTML(t, NewAudit(&simulate.Audit{}, AuditInput{}), &htmlExtras{Plan: &htmlPlan{}}))
	if !strings.Contains(page, "The audit ran no outage scenarios.") {
		t.Error("empty audit does not say it ran no scenarios")
	}
}

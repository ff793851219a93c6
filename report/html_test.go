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
)

var updateHTML = flag.Bool("update-html", false, "rewrite report/testdata/html golden files")

// renderHTML renders the fixture audit with every extra.
func renderHTML(t testing.TB, a *simulate.Audit, x *HTMLExtras) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (HTMLWriter{Extras: x}).Write(&buf, a, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fullExtras(t testing.TB) (*simulate.Audit, *HTMLExtras) {
	e := htmlEstate(t)
	base := simulate.Score{Resilience: 61.8, Grade: "D"}
	return htmlAudit(e), &HTMLExtras{Estate: e, Baseline: &base, Plan: htmlPlanFixture(),
		Inputs: []string{"estate.json (untether_estate 1)", "inventory.yaml"}, Title: "Shop estate: resilience report"}
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
	a := htmlAudit(htmlEstate(t))
	page := string(renderHTML(t, a, nil))
	for _, absent := range []string{`id="plan"`, `id="map"`, "baseline"} {
		if strings.Contains(page, absent) {
			t.Errorf("report without extras shows %q", absent)
		}
	}
	// An audit value renders the same as a pointer to it.
	var buf bytes.Buffer
	if err := (HTMLWriter{}).Write(&buf, *a, Options{}); err != nil || buf.String() != page {
		t.Errorf("Audit value rendered differently (err %v)", err)
	}
}

func TestHTMLUnsupported(t *testing.T) {
	var ue *UnsupportedError
	err := HTMLWriter{}.Write(&bytes.Buffer{}, &simulate.Explanation{}, Options{})
	if !errors.As(err, &ue) || ue.Format != "html" {
		t.Fatalf("got %v, want an *UnsupportedError for html", err)
	}
	if err := (HTMLWriter{}).Write(&bytes.Buffer{}, (*simulate.Audit)(nil), Options{}); !errors.As(err, &ue) {
		t.Fatalf("nil audit: got %v, want an *UnsupportedError", err)
	}
}

func TestHTMLEmptyAudit(t *testing.T) {
	page := string(renderHTML(t, &simulate.Audit{}, &HTMLExtras{Plan: &HTMLPlan{}}))
	if !strings.Contains(page, "The audit ran no outage scenarios.") {
		t.Error("empty audit does not say it ran no scenarios")
	}
}

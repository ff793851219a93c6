package gcp

import (
	"bytes"
	"context"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover/collectortest"
	"github.com/untether-dev/untether/discover/gcp/gcpfake"
	"github.com/untether-dev/untether/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGoldenEstate(t *testing.T) {
	e := collectFixture(t, fixtureFake(t), nil)
	var got bytes.Buffer
	if err := graph.Encode(&got, e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "fixture.golden.json")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("estate differs from %s at line %d:\n got: %s\nwant: %s\n(run with -update if intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("estate differs from %s in length (run with -update if intended)", path)
	}
}

func TestConformance(t *testing.T) {
	f := fixtureFake(t)
	collectortest.Run(t, collectortest.Suite{
		Collect: func(ctx context.Context) (*graph.Estate, error) {
			return Collect(ctx, fakeOptions(f, gcpfake.ProdProject, gcpfake.EUProject))
		},
		Secrets:    gcpfake.Secrets,
		IDPrefixes: []string{"https://", "//"},
		Failing: func(ctx context.Context) (*graph.Estate, error) {
			return Collect(ctx, fakeOptions(f, gcpfake.ProdProject, gcpfake.DeniedProject))
		},
		WantGaps: []graph.Gap{{Provider: "gcp", Account: "projects/" + gcpfake.DeniedProject, Service: "cloudasset",
			Status: graph.GapDenied, Detail: "roles/cloudasset.viewer"}},
	})
}

// TestFaultsBecomeGaps: every way a listing fails is a gap that says what
// happened and how to fix it, and the healthy project is still read.
func TestFaultsBecomeGaps(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fault  func(f *gcpfake.Server, o *Options)
		status string
		detail string
	}{
		{"denied", func(f *gcpfake.Server, o *Options) { f.Denied = []string{gcpfake.EUProject} }, graph.GapDenied, "grant the caller roles/cloudasset.viewer"},
		{"api not enabled", func(f *gcpfake.Server, o *Options) { f.NotEnabled = []string{gcpfake.EUProject} }, graph.GapNotEnabled, "enable cloudasset.googleapis.com in projects/424242424242"},
		{"no quota project", func(f *gcpfake.Server, o *Options) { f.NoQuotaProject = []string{gcpfake.EUProject} }, graph.GapDenied, "--gcp-quota-project"},
		{"invalid asset type", func(f *gcpfake.Server, o *Options) { f.RejectType = "redis.googleapis.com/Instance" }, graph.GapUnsupported, "Invalid asset type: redis.googleapis.com/Instance"},
		{"malformed page", func(f *gcpfake.Server, o *Options) { f.Malformed = true }, graph.GapFailed, "malformed response"},
		{"looping tokens", func(f *gcpfake.Server, o *Options) { f.LoopTokens = true }, graph.GapFailed, "already given"},
		{"endless pages", func(f *gcpfake.Server, o *Options) { f.PageSize = 1; o.Run.MaxPages = 4 }, graph.GapFailed, "--max-pages"},
		{"429 storm", func(f *gcpfake.Server, o *Options) { f.Throttle429 = 1 << 20; o.Run.MaxAttempts = 3 }, graph.GapFailed, "HTTP 429"},
		{"slow page", func(f *gcpfake.Server, o *Options) {
			f.SlowPage, f.Slow = 2, time.Minute
			o.Run.CallTimeout, o.Run.MaxAttempts = 300*time.Millisecond, 2
		}, graph.GapFailed, "timed out"},
		{"deadline", func(f *gcpfake.Server, o *Options) {
			f.SlowPage, f.Slow = 2, time.Minute
			o.Run.Deadline = 300 * time.Millisecond
		}, graph.GapFailed, "--deadline"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := fixtureFake(t)
			var opt Options
			e := collectFixture(t, f, func(o *Options) { tc.fault(f, o); opt = *o })
			_ = opt
			if !slices.ContainsFunc(e.Gaps, func(g graph.Gap) bool {
				return g.Provider == "gcp" && g.Status == tc.status && strings.Contains(g.Detail, tc.detail)
			}) {
				t.Errorf("want a %s gap saying %q, got %+v", tc.status, tc.detail, e.Gaps)
			}
		})
	}
}

// TestThrottlingIsRetried: a few 429s (the Go client does not retry them)
// are absorbed by the runner, leaving no gap.
func TestThrottlingIsRetried(t *testing.T) {
	f := fixtureFake(t)
	f.Throttle429 = 3
	e := collectFixture(t, f, nil)
	if len(e.Gaps) != 0 {
		t.Errorf("throttling must be retried, got gaps %+v", e.Gaps)
	}
}

// TestReadOnly proves the collector calls assets.list only, and that the
// fake refuses anything else.
func TestReadOnly(t *testing.T) {
	f := fixtureFake(t)
	collectFixture(t, f, func(o *Options) { o.Folders = []string{"7001"}; o.QuotaProject = "billing-proj" })
	calls := f.Calls()
	if len(calls) < 4 {
		t.Fatalf("only %d calls reached the fake", len(calls))
	}
	for _, c := range calls {
		if !strings.HasPrefix(c, "GET /v1/") || !strings.HasSuffix(c, "/assets") {
			t.Errorf("collector made %q, which is not assets.list", c)
		}
	}
	if r := f.Rejected(); len(r) > 0 {
		t.Errorf("the fake refused %v", r)
	}
	if q := f.QuotaProjects(); len(q) != len(calls) || q[0] != "billing-proj" {
		t.Errorf("quota project header on %d of %d calls: %v", len(q), len(calls), q)
	}
	resp, err := http.Post(f.URL+"/v1/projects/shop-prod/assets", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || len(f.Rejected()) != 1 {
		t.Errorf("the fake must refuse a write: %d, %v", resp.StatusCode, f.Rejected())
	}
}

// TestFolderReadsEveryProjectOnce: a folder and a project under it give
// each asset once.
func TestFolderReadsEveryProjectOnce(t *testing.T) {
	f := fixtureFake(t)
	a := collectFixture(t, f, nil)
	b := collectFixture(t, f, func(o *Options) { o.Folders = []string{"folders/7001"} })
	resources := func(e *graph.Estate) (n int) {
		for _, nd := range e.Nodes {
			if nd.Class == graph.ClassResource && !strings.Contains(nd.ID, gcpfake.DeniedProject) {
				n++
			}
		}
		return n
	}
	if resources(a) != resources(b) {
		t.Errorf("projects gave %d resources, projects and their folder %d", resources(a), resources(b))
	}
}

func TestWindowLimiter(t *testing.T) {
	l := newWindowLimiter(3, 200*time.Millisecond)
	start := time.Now()
	for range 4 {
		if err := l.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("the 4th call of 3 per window started after %v", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.Wait(ctx); err == nil {
		t.Errorf("a cancelled wait must fail")
	}
}

package gcp

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/gcp/gcpfake"
)

const benchLatency = 50 * time.Millisecond

// benchFixture: 3 projects, each with the golden project's resources
// copied into 4 regions, served 100 assets a page with 50 ms per call.
func benchFixture(projects int) map[string][]gcpfake.Asset {
	out := map[string][]gcpfake.Asset{}
	for i := range projects {
		var assets []gcpfake.Asset
		for r, region := range []string{"us-central1", "us-east1", "europe-west1", "asia-east1"} {
			for j, a := range gcpfake.Fixture()[gcpfake.ProdProject] {
				a.Name = fmt.Sprintf("%s-p%d-r%d-%d", a.Name, i, r, j)
				a.Resource.Location = region
				assets = append(assets, a)
			}
		}
		out[fmt.Sprintf("bench-project-%d", i)] = assets
	}
	return out
}

// BenchmarkCollect3x4 reads 3 projects x 4 regions against the fake with
// 50 ms per call. Projects are read at once; the pages of one project
// depend on each other (each needs the previous token), so the longest
// chain is one project's pages: the run must stay within 1.5x of it.
func BenchmarkCollect3x4(b *testing.B) {
	fx := benchFixture(3)
	f := gcpfake.New(fx)
	defer f.Close()
	f.PageSize, f.Latency = 50, benchLatency
	var projects []string
	for p := range fx {
		projects = append(projects, p)
	}
	run := func(projects ...string) time.Duration {
		start := time.Now()
		e, err := Collect(context.Background(), Options{Projects: projects, Endpoint: f.URL, Run: discover.RunOptions{}})
		d := time.Since(start)
		if err != nil || len(e.Gaps) > 0 {
			b.Fatalf("err %v gaps %+v", err, e.Gaps)
		}
		return d
	}
	pages := (len(fx["bench-project-0"]) + f.PageSize - 1) / f.PageSize
	// The longest chain of dependent calls: one project's pages, measured.
	chain := run(projects[0])
	b.ResetTimer()
	for b.Loop() {
		d := run(projects...)
		b.ReportMetric(float64(d)/float64(chain), "x-chain")
		if d > chain*3/2 {
			b.Errorf("took %v, more than 1.5x the %d-page chain of one project (%v)", d, pages, chain)
		}
	}
	b.ReportMetric(float64(pages), "pages/project")
	b.ReportMetric(float64(chain)/1e6, "chain-ms")
}

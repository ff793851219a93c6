//go:build unix

package azure

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/azure/azurefake"
)

// BenchmarkFiveSubscriptions reads 5 subscriptions x 3 regions from the fake
// with 50 ms per page. The query is one chain of dependent page calls, so
// the bound is pages x 50 ms; the run must stay within 1.5x of it.
func BenchmarkFiveSubscriptions(b *testing.B) {
	const delay = 50 * time.Millisecond
	rows := azurefake.Synthetic(5, []string{"eastus", "westeurope", "southeastasia"}, 200)
	s := azurefake.New(rows)
	defer s.Close()
	s.PageDelay = delay
	pages := (len(rows) + DefaultPageSize - 1) / DefaultPageSize
	bound := time.Duration(pages) * delay
	b.ResetTimer()
	cpu0 := cpuTime()
	start := time.Now()
	for b.Loop() {
		e, err := Collect(context.Background(), discover.NewRun(provider, discover.RunOptions{}), fakeOptions(s))
		if err != nil || len(e.Gaps) != 0 {
			b.Fatalf("collect: %v, gaps %+v", err, e.Gaps)
		}
	}
	per := time.Since(start) / time.Duration(b.N)
	cpu := (cpuTime() - cpu0) / time.Duration(b.N)
	b.ReportMetric(float64(cpu)/1e6, "cpu_ms/run")
	ratio := float64(per) / float64(bound)
	b.ReportMetric(float64(len(rows)), "rows")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(ratio, "x_bound")
	if ratio > 1.5 {
		b.Errorf("%s a run (%s of CPU, the fake's included), %.2fx the dependent-call bound %s (%d pages x %s)", per, cpu, ratio, bound, pages, delay)
	}
}

// cpuTime is the process's user and system CPU so far (the fake's share
// included): what a loaded machine stretches, unlike the 50 ms waits.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package simulate

import (
	"testing"

	"github.com/untether-dev/untether/discover/demo"
)

// The audit benchmarks run on `untether demo --size N --seed 1`: the
// synthetic estate of N resources the performance bar names.
func benchmarkAudit(b *testing.B, size int) {
	e, err := demo.Generate(size, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(e.Nodes)), "nodes")
	b.ReportMetric(float64(len(e.Edges)), "edges")
	b.ResetTimer()
	for b.Loop() {
		m, err := NewModel(e, Options{})
		if err != nil {
			b.Fatal(err)
		}
		a := m.Audit()
		if a.Score.Grade == "" {
			b.Fatal("no grade")
		}
	}
}

func BenchmarkAudit10k(b *testing.B)  { benchmarkAudit(b, 10_000) }
func BenchmarkAudit100k(b *testing.B) { benchmarkAudit(b, 100_000) }
func BenchmarkAudit1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M resources: skipped under -short")
	}
	benchmarkAudit(b, 1_000_000)
}

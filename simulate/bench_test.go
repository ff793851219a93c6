package simulate

import (
	"syscall"
	"testing"
	"time"

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
	c0 := cpuTime()
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
	b.ReportMetric((cpuTime()-c0).Seconds()/float64(b.N), "cpu-s/op")
}

func BenchmarkAudit10k(b *testing.B)  { benchmarkAudit(b, 10_000) }
func BenchmarkAudit100k(b *testing.B) { benchmarkAudit(b, 100_000) }
func BenchmarkAudit1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M resources: skipped under -short")
	}
	benchmarkAudit(b, 1_000_000)
}

// The cut-set benchmarks run on `untether demo --shape fault-tree --size N`:
// basic events in k-of-n pools under shared zone, region and database
// events (the fault-tree-shaped estates).
func benchmarkFaultTree(b *testing.B, size int) {
	e := demo.FaultTree(size, 1)
	b.ReportMetric(float64(len(e.Nodes)), "nodes")
	b.ResetTimer()
	for b.Loop() {
		m, err := NewModel(e, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if a := m.Audit(); a.DoublePointsTotal == 0 {
			b.Fatal("no double points")
		}
	}
}

func BenchmarkAuditFaultTree30k(b *testing.B)  { benchmarkFaultTree(b, 30_000) }
func BenchmarkAuditFaultTree100k(b *testing.B) { benchmarkFaultTree(b, 100_000) }

// BenchmarkDoublePointsFaultTree100k times the order-2 cut sets alone (the
// cones that bound them, the single-failure scan they start from, and the
// pair search with its confirming propagations) on 100k basic events.
func BenchmarkDoublePointsFaultTree100k(b *testing.B) {
	e := demo.FaultTree(100_000, 1)
	m, err := NewModel(e, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		cs := m.cones()
		if pairs := m.doublePoints(m.scan(cs.dpCone, nil)); len(pairs) == 0 {
			b.Fatal("no double points")
		}
	}
}

// BenchmarkNewModel100k validates and compiles the synthetic 100k estate:
// the model every command builds before it simulates.
func BenchmarkNewModel100k(b *testing.B) {
	e, err := demo.Generate(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewModel(e, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAvailability100k times the availability estimate of every
// service of the synthetic 100k estate (factoring, enumeration, sampling),
// on the cones and single points the audit computes first. cpu-s/op is the
// CPU time of every thread: wall time on a shared machine measures the
// neighbours.
func BenchmarkAvailability100k(b *testing.B) {
	e, err := demo.Generate(100_000, 3)
	if err != nil {
		b.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		b.Fatal(err)
	}
	sla := m.slaTable()
	sr := m.scan(m.cones().dpCone, sla.p)
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		m.serviceAvailability(sla, sr.single)
	}
	b.ReportMetric((cpuTime()-c0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

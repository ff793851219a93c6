package graph_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// BenchmarkDecode reads estate files of synthetic estates (`untether demo
// --size N --seed 1`) as every command on a saved estate does: streamed
// from a file in a temporary directory, validated once. The 1M case
// writes a 1 GB file first and is skipped with -short. cpu-s/op is the
// CPU time of every thread (GC included): on a loaded machine wall time
// measures the neighbours.
func BenchmarkDecode(b *testing.B) {
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			if size > 100_000 && testing.Short() {
				b.Skip("writes a 1 GB estate file; not with -short")
			}
			path := filepath.Join(b.TempDir(), "estate.json")
			e, err := demo.Generate(size, 1)
			if err != nil {
				b.Fatal(err)
			}
			if err := graph.Save(path, e); err != nil {
				b.Fatal(err)
			}
			e = nil
			info, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(info.Size())
			b.ResetTimer()
			cpu := processCPU()
			for b.Loop() {
				if _, err := graph.Load(path); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkDecodeBytes reads a 100k estate already in memory (the demo
// estate and tests read bytes).
func BenchmarkDecodeBytes100k(b *testing.B) {
	e, err := demo.Generate(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := graph.Encode(&buf, e); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		if _, err := graph.Decode(data, "bench.json"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkValidate checks a synthetic 100k-resource estate: every command
// on a saved estate validates it once when it is read.
func BenchmarkValidate100k(b *testing.B) {
	e, err := demo.Generate(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := graph.Validate(e); err != nil {
			b.Fatal(err)
		}
	}
}

// processCPU is the user and system time of the process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

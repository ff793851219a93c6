package graph_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// BenchmarkDecode reads estate files of synthetic estates: the first step of
// every command on a saved estate.
func BenchmarkDecode(b *testing.B) {
	for _, size := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			e, err := demo.Generate(size, 1)
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
			for b.Loop() {
				if _, err := graph.Decode(data, "bench.json"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
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

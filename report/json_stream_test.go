package report

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// countingWriter counts what reaches it.
type countingWriter struct{ bytes int }

func (c *countingWriter) Write(p []byte) (int, error) { c.bytes += len(p); return len(p), nil }

// The JSON result is encoded into the output as it is walked, never built
// as a whole document first: writing a 19 MB result allocates a small
// fraction of its size (the whole-document encoder allocated three times
// it).
func TestJSONStreamsIntoTheOutput(t *testing.T) {
	result := make([]string, 200000)
	for i := range result {
		result[i] = strings.Repeat("x", 90)
	}
	var out countingWriter
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := writeJSON(&out, &result); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	alloc := int(after.TotalAlloc - before.TotalAlloc)
	if out.bytes < 15e6 || alloc > out.bytes/4 {
		t.Errorf("wrote %d bytes with %d bytes allocated; want under a quarter", out.bytes, alloc)
	}
}

func BenchmarkJSONWrite(b *testing.B) {
	result := make([]string, 100000)
	for i := range result {
		result[i] = strings.Repeat("x", 90)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := writeJSON(io.Discard, &result); err != nil {
			b.Fatal(err)
		}
	}
}

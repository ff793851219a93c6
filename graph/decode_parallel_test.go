package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// encoded is the estate file Encode writes for e, with a gap and a node
// with unusual members added so every part of the layout is there.
func encoded(t testing.TB, e *graph.Estate) []byte {
	t.Helper()
	e.Gaps = append(e.Gaps,
		graph.Gap{Provider: "aws", Account: "1", Service: "rds", Status: graph.GapDenied, Detail: "AccessDenied \"x\""},
		graph.Gap{Provider: "gcp", Status: graph.GapUnknown})
	e.Nodes = append(e.Nodes, graph.Node{ID: "odd \u2028 <id> \\ \"q\"", Class: graph.ClassResource, Tier: 2,
		Owners: []string{"a", "b"}, Residency: []string{"eu"}, DowntimeCostPerHour: 1.5, Placeholder: true,
		Attrs: map[string]any{"n": 1.25, "l": []any{true, nil, "s"}, "m": map[string]any{"k": "v"}},
		Extra: map[string]json.RawMessage{"x_custom": json.RawMessage(`{"b":1,"a":[1,2]}`)}})
	var buf bytes.Buffer
	if err := graph.Encode(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func estates(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	d, err := demo.Estate()
	if err != nil {
		t.Fatal(err)
	}
	out["demo"] = encoded(t, d)
	for _, size := range []int{300, 5000} {
		e, err := demo.Generate(size, 3)
		if err != nil {
			t.Fatal(err)
		}
		out["synthetic"+strings.Repeat("+", size/1000)] = encoded(t, e)
	}
	out["fault-tree"] = encoded(t, demo.FaultTree(2000, 1))
	out["empty"] = encoded(t, &graph.Estate{})
	return out
}

// TestParallelReadsAsTheReference: files laid out as Encode writes them
// are read by the parallel reader, into exactly the estate the reference
// decoder reads, with one core or several.
func TestParallelReadsAsTheReference(t *testing.T) {
	defer graph.ReadAllInParallel()()
	for name, data := range estates(t) {
		t.Run(name, func(t *testing.T) {
			if !graph.DecodedInParallel(data) {
				t.Fatal("not read by the parallel reader")
			}
			want, err := graph.DecodeReference(data, "e.json")
			if err != nil {
				t.Fatal(err)
			}
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			for _, procs := range []int{1, 2, 4} {
				runtime.GOMAXPROCS(procs)
				got, err := graph.Decode(data, "e.json")
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("GOMAXPROCS=%d: the parallel reader read another estate", procs)
				}
				// Equal tag maps are one map, whichever worker read them.
				maps := map[string]map[uintptr]bool{}
				for _, n := range got.Nodes {
					if n.Tags != nil {
						k := fmt.Sprint(n.Tags)
						if maps[k] == nil {
							maps[k] = map[uintptr]bool{}
						}
						maps[k][uintptr(reflect.ValueOf(n.Tags).UnsafePointer())] = true
					}
				}
				for k, ptrs := range maps {
					if len(ptrs) != 1 {
						t.Fatalf("GOMAXPROCS=%d: tags %s are %d maps", procs, k, len(ptrs))
					}
				}
			}
		})
	}
}

// TestCountLines: the first pass counts as many node and edge lines as
// there are, wherever the blocks' ends fall.
func TestCountLines(t *testing.T) {
	for name, data := range estates(t) {
		e, err := graph.DecodeReference(data, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, shift := range []string{"", " ", "  \n"} {
			n, m, err := graph.CountLines(append([]byte(shift), data...))
			if err != nil || n != len(e.Nodes) || m != len(e.Edges) {
				t.Errorf("%s shifted by %q: counted %d nodes and %d edges (%v); there are %d and %d", name, shift, n, m, err, len(e.Nodes), len(e.Edges))
			}
		}
	}
}

// TestParallelErrorsAreTheReferences: a file broken anywhere (a byte
// changed, dropped or added, a line dropped, doubled or moved) gives the
// estate or the error, at the same file:line:column, that the reference
// decoder gives, read from bytes or streamed from a file.
func TestParallelErrorsAreTheReferences(t *testing.T) {
	defer graph.ReadAllInParallel()()
	e, err := demo.Generate(40, 5)
	if err != nil {
		t.Fatal(err)
	}
	data := encoded(t, e)
	path := filepath.Join(t.TempDir(), "bad.json")
	rng := rand.New(rand.NewPCG(1, 2))
	parallel := 0
	for i := range 1000 {
		bad := mutate(rng, data)
		if graph.DecodedInParallel(bad) {
			parallel++
		}
		want, wantErr := graph.DecodeReference(bad, path)
		got, gotErr := graph.Decode(bad, path)
		sameResult(t, i, bad, got, gotErr, want, wantErr)
		if i%10 == 0 {
			os.WriteFile(path, bad, 0o644)
			got, gotErr = graph.Load(path)
			sameResult(t, i, bad, got, gotErr, want, wantErr)
		}
	}
	if parallel < 100 {
		t.Errorf("only %d of the broken files were read in parallel: the test does not test it", parallel)
	}
	t.Logf("%d of 1000 broken files (%d bytes) read in parallel", parallel, len(data))
}

func sameResult(t *testing.T, i int, data []byte, got *graph.Estate, gotErr error, want *graph.Estate, wantErr error) {
	t.Helper()
	switch {
	case (gotErr == nil) != (wantErr == nil):
		t.Fatalf("case %d: error %v, reference %v", i, gotErr, wantErr)
	case gotErr != nil && gotErr.Error() != wantErr.Error():
		t.Fatalf("case %d: error %v, reference %v", i, gotErr, wantErr)
	case gotErr == nil && !reflect.DeepEqual(got, want):
		t.Fatalf("case %d: another estate than the reference's from\n%s", i, data)
	}
}

// mutate breaks data in one place.
func mutate(rng *rand.Rand, data []byte) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	at := rng.IntN(len(data))
	out := bytes.Clone(data)
	const chars = "{}[],:\"\\ \n\t0e-.atnul\xff"
	switch rng.IntN(7) {
	case 0:
		out[at] = chars[rng.IntN(len(chars))]
	case 1:
		out = append(out[:at], out[at+1:]...)
	case 2:
		out = append(out[:at], append([]byte{chars[rng.IntN(len(chars))]}, data[at:]...)...)
	case 3: // drop a line
		i := rng.IntN(len(lines))
		out = bytes.Join(append(lines[:i:i], lines[i+1:]...), nil)
	case 4: // double a line
		i := rng.IntN(len(lines))
		out = bytes.Join(append(lines[:i+1:i+1], lines[i:]...), nil)
	case 5: // swap two lines
		i, j := rng.IntN(len(lines)), rng.IntN(len(lines))
		lines[i], lines[j] = lines[j], lines[i]
		out = bytes.Join(lines, nil)
	case 6: // cut the file short
		out = out[:at]
	}
	return out
}

// FuzzParallelDecode: any bytes read by Decode give what the reference
// decoder gives: the same estate or the same error.
func FuzzParallelDecode(f *testing.F) {
	for _, data := range estates(f) {
		if len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer graph.ReadAllInParallel()()
		want, wantErr := graph.DecodeReference(data, "f.json")
		got, gotErr := graph.Decode(data, "f.json")
		sameResult(t, 0, data, got, gotErr, want, wantErr)
	})
}

package graph_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
	"github.com/untether-dev/untether/graph"
)

// hostileBase is an Encode-laid-out estate file a few blocks long (the
// real block size), so every edit below lands among whole blocks.
func hostileBase(t *testing.T) []byte {
	t.Helper()
	e, err := demo.Generate(6000, 3)
	if err != nil {
		t.Fatal(err)
	}
	return encoded(t, e)
}

// lineAt returns the start and end (before its newline) of the first line
// with prefix at or after byte off.
func lineAt(data []byte, off int, prefix string) (int, int) {
	i := bytes.Index(data[off:], []byte("\n"+prefix))
	if i < 0 {
		panic("no line " + prefix)
	}
	start := off + i + 1
	return start, start + bytes.IndexByte(data[start:], '\n')
}

// replaceIn replaces the first old in the line with prefix at or after off.
func replaceIn(data []byte, off int, prefix, old, new string) []byte {
	s, e := lineAt(data, off, prefix)
	line := strings.Replace(string(data[s:e]), old, new, 1)
	return append(append(bytes.Clone(data[:s]), line...), data[e:]...)
}

// TestParallelHostileFiles: hostile and odd edits of a file several blocks
// long give exactly the reference decoder's estate or error, with one core
// or two, read from bytes or from a file.
func TestParallelHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("reads several-megabyte files")
	}
	base := hostileBase(t)
	if len(base) < 3<<20 {
		t.Fatalf("base file is %d bytes, want several blocks", len(base))
	}
	nodesAt := bytes.Index(base, []byte("\"nodes\": [\n"))
	edgesAt := bytes.Index(base, []byte("\"edges\": [\n"))
	mid, edgeMid := (nodesAt+edgesAt)/2, (edgesAt+len(base))/2
	if !graph.DecodedInParallel(base) {
		t.Fatal("the unbroken file is not read by the parallel reader")
	}
	t.Logf("%d bytes: nodes from %d, edges from %d", len(base), nodesAt, edgesAt)
	node, edge := `  {"id":`, `  {"from":`
	cases := map[string][]byte{
		"valid":         base,
		"crlf":          bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n")),
		"bom":           append([]byte("\xef\xbb\xbf"), base...),
		"long tag":      replaceIn(base, min(1<<20-100, mid), node, `"id":`, `"tags":{"big":"`+strings.Repeat("x", 5<<20)+`"},"id":`),
		"long id":       replaceIn(base, mid, node, `"id":"`, `"id":"`+strings.Repeat("y", 3<<20)),
		"nul":           replaceIn(base, mid, node, `"id":"`, "\"id\":\"\x00"),
		"ctl":           replaceIn(base, mid, node, `"id":"`, "\"id\":\"\x1f"),
		"del":           replaceIn(base, mid, node, `"id":"`, "\"id\":\"\x7f"),
		"bad utf8":      replaceIn(base, mid, node, `"id":"`, "\"id\":\"\xff\xfe"),
		"u0000":         replaceIn(base, mid, node, `"id":"`, `"id":"\u0000`),
		"ud800":         replaceIn(base, mid, node, `"id":"`, `"id":"\ud800`),
		"slash":         replaceIn(base, mid, node, `"id":"`, `"id":"\/`),
		"id escaped":    replaceIn(base, mid, node, `"id":`, `"i\u0064":`),
		"1e400 tier":    replaceIn(base, mid, node, `"id":`, `"tier":1e400,"id":`),
		"-0 tier":       replaceIn(base, mid, node, `"id":`, `"tier":-0,"id":`),
		"1.0 need":      replaceIn(base, mid, node, `"id":`, `"need":1.0,"id":`),
		"1e400 cost":    replaceIn(base, mid, node, `"id":`, `"downtime_cost_per_hour":1e400,"id":`),
		"-0 cost":       replaceIn(base, mid, node, `"id":`, `"downtime_cost_per_hour":-0,"id":`),
		"dup id member": replaceIn(base, mid, node, `"id":"`, `"id":"first","id":"`),
		"dup tags":      replaceIn(base, mid, node, `"id":`, `"tags":{"a":"1","a":"2"},"tags":{"b":"3"},"id":`),
		"unknown":       replaceIn(base, mid, node, `"id":`, `"zzz":[1,{"a":null}],"id":`),
		"edge unknown":  replaceIn(base, edgeMid, edge, `"from":`, `"zzz":1,"from":`),
		"edge null to":  replaceIn(base, edgeMid, edge, `"to":"`, `"to":null,"x":"`),
		"edge dup from": replaceIn(base, edgeMid, edge, `"from":`, `"from":"nope","from":`),
		"edge bad end":  replaceIn(base, edgeMid, edge, `"to":"`, `"to":"nope`),
		"frame spaces":  bytes.Replace(base, []byte(`"nodes": [`), []byte(`"nodes" : [`), 1),
		"unknown top":   bytes.Replace(base, []byte("\"nodes\": [\n"), []byte("\"x_top\": {\"a\":1},\n\"nodes\": [\n"), 1),
		"trailing":      append(bytes.Clone(base), "{}\n"...),
		"trailing nl":   append(bytes.Clone(base), "\n\n"...),
		"no final nl":   bytes.TrimSuffix(base, []byte("\n")),
		"ws before":     append([]byte(" \n"), base...),
	}
	// Duplicate ids blocks apart.
	s, e := lineAt(base, 100, node)
	s2, e2 := lineAt(base, edgesAt-(1<<20), node)
	cases["dup id apart"] = append(append(bytes.Clone(base[:s2]), base[s:e]...), base[e2:]...)
	// Cut at and around block boundaries.
	for _, at := range []int{1 << 20, 1<<20 - 1, 1<<20 + 1, 2 << 20, 3 << 20, len(base) - 1, len(base) - 2} {
		cases["cut at "+strconv.Itoa(at)] = base[:at]
	}
	// A line longer than a block at a block's end.
	cases["long at end"] = replaceIn(base, edgeMid, edge, `"from":`, `"x":"`+strings.Repeat("z", 4<<20)+`","from":`)

	dir := t.TempDir()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, "e.json")
			want, wantErr := graph.DecodeReference(data, path)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2} {
				runtime.GOMAXPROCS(procs)
				got, gotErr := graph.Decode(data, path)
				sameResult(t, procs, nil, got, gotErr, want, wantErr)
				got, gotErr = graph.Load(path)
				sameResult(t, procs, nil, got, gotErr, want, wantErr)
			}
		})
	}
}

// TestParallelCountIsBounded: the first pass counts lines of a block
// whose first and last lines are node lines as node lines all; a hostile
// file of such blocks filled with empty lines must not make the reader
// allocate a node for every byte (320 bytes each) before it finds out.
func TestParallelCountIsBounded(t *testing.T) {
	const block = 1 << 20 // the reader's block size
	nodeLine := `  {"id":` + "\n"
	header := "{\n\"untether_estate\": 1,\n\"nodes\": [\n"
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(strings.Repeat("\n", block-len(header)-len(nodeLine)))
	b.WriteString(nodeLine)
	for range 4 {
		b.WriteString(nodeLine)
		b.WriteString(strings.Repeat("\n", block-2*len(nodeLine)))
		b.WriteString(nodeLine)
	}
	data := b.Bytes()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := graph.Decode(data, "e.json")
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("read a broken file")
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16*uint64(len(data)) {
		t.Fatalf("allocated %d MB reading a %d MB file: %v", alloc>>20, len(data)>>20, err)
	}
}

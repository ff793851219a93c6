package graph

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecodeErrorsNameLineAndColumn: a value of the wrong type, inside a
// node, inside shared tags or at the top, is placed at its line and column,
// whether the file is streamed from disk or read from bytes.
func TestDecodeErrorsNameLineAndColumn(t *testing.T) {
	swap := func(old, new string) string {
		if !strings.Contains(small, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(small, old, new, 1)
	}
	cases := []struct{ name, data, want string }{
		{"tier", swap(`"tier": 1`, `"tier": "gold"`), `bad.json:11:80: $.nodes[6].tier: expected int, got JSON string`},
		{"tag value", swap(`"class": "group", "need": 1`, `"class": "group", "tags": {"a": 1}, "need": 1`), `bad.json:10:62: $.nodes[5].tags: expected string, got JSON number 1`},
		{"nodes twice", swap(`"edges": [`, `"nodes": [], "edges": [`), `bad.json: $.nodes: appears twice`},
		{"invalid UTF-8", swap(`"name": "checkout"`, "\"name\": \"check\xffout\""), `bad.json:11:66: malformed JSON: invalid UTF-8`},
		{"trailing data", small + "{}", `bad.json:24:2: malformed JSON: more data after the estate object`},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.data), "bad.json")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Decode: error %v, want %q", err, c.want)
			}
			path := filepath.Join(dir, "bad.json")
			os.WriteFile(path, []byte(c.data), 0o644)
			_, err = Load(path)
			want := strings.Replace(c.want, "bad.json", path, 1)
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) {
				t.Errorf("Load: error %v, want %q", err, want)
			}
		})
	}
}

// TestDecodeValidatesOnce: a decoded estate compiles without being
// validated again, and the view is the one a fresh validation gives; once
// its lists change (sorted, appended to) it is validated again.
func TestDecodeValidatesOnce(t *testing.T) {
	e, err := Decode([]byte(small), "small.json")
	if err != nil {
		t.Fatal(err)
	}
	if e.validated() == nil {
		t.Fatal("Decode kept nothing of its validation")
	}
	c, err := CompileValid(e)
	if err != nil {
		t.Fatal(err)
	}
	fresh := compileFresh(t, e)
	if got, want := adjacency(c), adjacency(fresh); got != want {
		t.Errorf("compiled from the decoder's validation:\n%s\nfresh:\n%s", got, want)
	}
	e.Edges = append(e.Edges, Edge{From: "db", To: "nope"})
	if _, err := CompileValid(e); err == nil {
		t.Error("an edge added after decoding was not validated")
	}
	e.Edges = e.Edges[:len(e.Edges)-1]
	e.Sort()
	if e.validated() != nil {
		t.Error("sorting kept the positions validation found")
	}
}

// TestDecodeEdgesBeforeNodes: a file listing its edges first (not as
// Encode writes it) reads the same.
func TestDecodeEdgesBeforeNodes(t *testing.T) {
	a, b := strings.Index(small, `"nodes": [`), strings.Index(small, `"edges": [`)
	g := strings.Index(small, `"gaps": [`)
	reordered := small[:a] + small[b:g] + small[a:b] + small[g:]
	e1, err := Decode([]byte(small), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	e2, err := Decode([]byte(reordered), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	var w1, w2 bytes.Buffer
	Encode(&w1, e1)
	Encode(&w2, e2)
	if w1.String() != w2.String() {
		t.Errorf("edges first read differently:\n%s\n---\n%s", w1.String(), w2.String())
	}
}

// TestDecodeSharesRepeatedValues: equal tag maps and zone lists are one
// value, and strings repeat without copies.
func TestDecodeSharesRepeatedValues(t *testing.T) {
	data := `{"untether_estate": 1, "nodes": [
	{"id": "a", "class": "resource", "region": "eu-west-1", "zones": ["z1", "z2"], "tags": {"team": "x"}},
	{"id": "b", "class": "resource", "region": "eu-west-1", "zones": ["z1", "z2"], "tags": {"team": "x"}},
	{"id": "c", "class": "resource", "region": "eu-west-1", "zones": ["z2"], "tags": {"team": "y"}}],
	"edges": [{"from": "a", "to": "b"}]}`
	e, err := Decode([]byte(data), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := e.Nodes[0], e.Nodes[1], e.Nodes[2]
	if &a.Zones[0] != &b.Zones[0] || &a.Zones[0] == &c.Zones[0] {
		t.Error("equal zone lists are not shared, or different ones are")
	}
	a.Tags["probe"] = "1"
	if b.Tags["probe"] != "1" || c.Tags["probe"] != "" {
		t.Error("equal tag maps are not shared, or different ones are")
	}
	if e.Edges[0].From != "a" || e.Edges[0].To != "b" {
		t.Errorf("edge %+v", e.Edges[0])
	}
}

func compileFresh(t *testing.T, e *Estate) *Compiled {
	t.Helper()
	ids, keys, err := validateWith(e, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return compile(e, ids, keys)
}

func adjacency(c *Compiled) string {
	var b strings.Builder
	for i := range c.Nodes {
		b.WriteString(c.Nodes[i].ID + ":")
		for _, j := range c.Needs(int32(i)) {
			b.WriteString(" " + c.Nodes[j].ID)
		}
		b.WriteString("\n")
	}
	return b.String()
}

package graph

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// FuzzFastElement: whatever element line the fast reader takes, the
// tokenizer reads too, into the same node or edge.
func FuzzFastElement(f *testing.F) {
	e, err := Decode([]byte(small), "small.json")
	if err != nil {
		f.Fatal(err)
	}
	e.Nodes[0].DowntimeCostPerHour, e.Nodes[1].Owners, e.Nodes[1].Placeholder = 12.5e3, []string{"a"}, true
	var buf bytes.Buffer
	if err := Encode(&buf, e); err != nil {
		f.Fatal(err)
	}
	for line := range strings.Lines(buf.String()) {
		if elem, _, ok := elementLine([]byte(strings.TrimSuffix(line, "\n")), elementPrefix); ok {
			f.Add(elem[2:])
		}
	}
	f.Add([]byte(`{"id":"a","tier":null,"need":-0,"tags":null,"zones":["z"],"downtime_cost_per_hour":-0.5E+2}`))
	f.Add([]byte(`{"from":"a","to":null,"evidence":"e","relation":"ordering"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast, slow Node
		if newLineDecoder(nil).fastNode(line, &fast) {
			d := newLineDecoder(line)
			if err := d.node(&slow); err != nil || !atEOF(d) {
				t.Fatalf("fast reader took %q, the tokenizer refuses it: %v", line, err)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("%q: fast reader %+v, tokenizer %+v", line, fast, slow)
			}
		}
		var fastE, slowE Edge
		if from, to, ok := newLineDecoder(nil).fastEdge(line, &fastE); ok {
			d := newLineDecoder(line)
			from2, to2, err := d.edge(&slowE)
			if err != nil || !atEOF(d) {
				t.Fatalf("fast reader took %q, the tokenizer refuses it: %v", line, err)
			}
			if !reflect.DeepEqual(fastE, slowE) || from != from2 || to != to2 {
				t.Fatalf("%q: fast reader %+v, tokenizer %+v", line, fastE, slowE)
			}
		}
	})
}

// newLineDecoder is a worker's decoder over one line.
func newLineDecoder(line []byte) *decoder {
	d := &decoder{e: &Estate{}, lastFrom: -1, lastTo: -1, strs: map[string]string{}}
	d.dec = jsontext.NewDecoder(bytes.NewReader(line), jsontext.AllowDuplicateNames(true))
	return d
}

func atEOF(d *decoder) bool {
	_, err := d.dec.ReadToken()
	return err == io.EOF
}

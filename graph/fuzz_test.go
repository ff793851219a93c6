package graph

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzDecode: any bytes give an estate or an *InputError, never a panic; an
// estate that decodes encodes and decodes again to the same bytes, and
// compiles.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(small))
	f.Add([]byte(`{"untether_estate": 1, "nodes": [{"id": "g", "class": "group", "need": 1}, {"id": "a", "class": "resource"}], "edges": [{"from": "g", "to": "a"}, {"from": "a", "to": "g"}]}`))
	f.Add([]byte(`{"untether_estate": 1, "x": {"y": [1, 2, {"z": null}]}, "nodes": null}`))
	f.Add([]byte(`{"untether_estate": 1, "nodes": [{"id": "\u003cscript\u003e", "class": "service", "tier": 4, "extra": "\ud800"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(data, "fuzz.json")
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is not an *InputError: %v", err)
			}
			return
		}
		var first bytes.Buffer
		if err := Encode(&first, e); err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, err := Decode(first.Bytes(), "again.json")
		if err != nil {
			t.Fatalf("our own output does not decode: %v\n%s", err, first.String())
		}
		var second bytes.Buffer
		if err := Encode(&second, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("round trip changed the bytes:\n%s\n---\n%s", first.String(), second.String())
		}
		Compile(again)
	})
}

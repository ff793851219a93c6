package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// IsEstate reports whether data looks like an estate file (see
// IsEstateReader).
func IsEstate(data []byte) bool { return IsEstateReader(bytes.NewBuffer(data)) }

// IsEstateReader reports whether r holds an estate file (a JSON object with
// an "untether_estate" field), so a reader can be chosen by content. It reads
// the top-level keys only, stopping at the version, which Encode writes
// first: choosing a reader costs nothing even for a file of a million nodes.
func IsEstateReader(r io.Reader) bool {
	dec := jsontext.NewDecoder(r, jsontext.AllowDuplicateNames(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	for dec.PeekKind() == '"' {
		key, err := dec.ReadToken()
		if err != nil {
			return false
		}
		if key.String() == "untether_estate" {
			return true
		}
		if dec.SkipValue() != nil {
			return false
		}
	}
	return false
}

func clip(raw []byte) string {
	s := string(raw)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}

// fileOptions write an estate file's elements with go-json-experiment:
// map keys and unknown members sorted (Deterministic), and escaping as the
// files have always had it (<, >, &, U+2028 and U+2029 escaped; invalid
// UTF-8 replaced, never an error; unknown members' escapes kept). Unknown
// members are Extra (`json:",unknown"`), written after the known fields.
var fileOptions = jsonv2.JoinOptions(
	jsonv2.Deterministic(true),
	jsontext.EscapeForHTML(true),
	jsontext.EscapeForJS(true),
	jsontext.AllowInvalidUTF8(true),
	jsontext.PreserveRawStrings(true),
)

// Encode writes the estate sorted, one node, edge or gap per line, so the
// same estate always gives the same bytes and diffs stay readable. The
// frame (one element a line) is written here; each element and each
// unknown top-level member by go-json-experiment (fileOptions).
func Encode(w io.Writer, e *Estate) error {
	e.Sort()
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "{\n\"untether_estate\": %d,\n", FormatVersion)
	if err := writeList(bw, "nodes", e.Nodes); err != nil {
		return err
	}
	bw.WriteString(",\n")
	if err := writeList(bw, "edges", e.Edges); err != nil {
		return err
	}
	bw.WriteString(",\n")
	if err := writeList(bw, "gaps", e.Gaps); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(e.Extra)) {
		bw.WriteString(",\n")
		if err := jsonv2.MarshalWrite(bw, k, fileOptions); err != nil {
			return err
		}
		bw.WriteString(": ")
		if err := jsonv2.MarshalWrite(bw, e.Extra[k], fileOptions); err != nil {
			return fmt.Errorf("field %s: %w", k, err)
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func writeList[T any](w *bufio.Writer, name string, items []T) error {
	fmt.Fprintf(w, "%q: [", name)
	for i := range items {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n  ")
		if err := jsonv2.MarshalWrite(w, &items[i], fileOptions); err != nil {
			return fmt.Errorf("%s[%d]: %w", name, i, err)
		}
	}
	if len(items) > 0 {
		w.WriteString("\n")
	}
	w.WriteString("]")
	return nil
}

// Save writes the estate to path atomically ("-" writes standard output).
func Save(path string, e *Estate) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return Encode(w, e) })
}

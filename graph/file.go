package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"

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

// Plain copies without methods, so marshalling a node does not call itself.
type (
	plainNode Node
	plainEdge Edge
	plainGap  Gap
)

func clip(raw []byte) string {
	s := string(raw)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}

// MarshalJSON writes the known fields, then the unknown ones sorted by name.
func (n Node) MarshalJSON() ([]byte, error) { return marshalWithExtra(plainNode(n), n.Extra) }

// MarshalJSON writes the known fields, then the unknown ones sorted by name.
func (e Edge) MarshalJSON() ([]byte, error) { return marshalWithExtra(plainEdge(e), e.Extra) }

// MarshalJSON writes the known fields, then the unknown ones sorted by name.
func (g Gap) MarshalJSON() ([]byte, error) { return marshalWithExtra(plainGap(g), g.Extra) }

func unknownFields(b []byte, t reflect.Type) (map[string]json.RawMessage, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	for k := range all {
		if _, known := jsonFieldNames(t)[k]; known {
			delete(all, k)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	return all, nil
}

var fieldNameCache = map[reflect.Type]map[string]struct{}{}

func jsonFieldNames(t reflect.Type) map[string]struct{} {
	if names, ok := fieldNameCache[t]; ok {
		return names
	}
	names := map[string]struct{}{}
	for f := range t.Fields() {
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		if tag != "" && tag != "-" {
			names[tag] = struct{}{}
		}
	}
	fieldNameCache[t] = names
	return names
}

func init() {
	// Fill the cache before any goroutine reads it.
	jsonFieldNames(reflect.TypeFor[Node]())
	jsonFieldNames(reflect.TypeFor[Edge]())
	jsonFieldNames(reflect.TypeFor[Gap]())
}

func marshalWithExtra(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1])
	first := len(b) == 2
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		if err := json.Compact(&buf, extra[k]); err != nil {
			return nil, fmt.Errorf("field %s: %w", k, err)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// Encode writes the estate sorted, one node, edge or gap per line, so the
// same estate always gives the same bytes and diffs stay readable.
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
		kb, _ := json.Marshal(k)
		fmt.Fprintf(bw, ",\n%s: ", kb)
		var c bytes.Buffer
		if err := json.Compact(&c, e.Extra[k]); err != nil {
			return fmt.Errorf("field %s: %w", k, err)
		}
		bw.Write(c.Bytes())
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
		b, err := json.Marshal(items[i])
		if err != nil {
			return fmt.Errorf("%s[%d]: %w", name, i, err)
		}
		w.Write(b)
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

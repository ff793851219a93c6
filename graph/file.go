package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
)

// Load reads and validates the estate file at path ("-" reads standard input).
func Load(path string) (*Estate, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read estate: %w", err)
	}
	return Decode(data, path)
}

// IsEstate reports whether data looks like an estate file (a JSON object with
// an "untether_estate" field), so a reader can be chosen by content. It reads
// the top-level keys only, stopping at the version, which Encode writes
// first: choosing a reader costs nothing even for a file of a million nodes.
func IsEstate(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "untether_estate" {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// Decode parses and validates an estate file's bytes; name is used in errors.
func Decode(data []byte, name string) (*Estate, error) {
	e, err := decodeFast(data)
	if err != nil {
		// The fast path cannot say where a problem is, or keep unknown
		// fields; the careful path does both.
		e, err = decodeCareful(data, name)
		if err != nil {
			return nil, err
		}
	}
	if err := Validate(e); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.File = name
		}
		return nil, err
	}
	return e, nil
}

// Plain copies without methods, so the fast path decodes with the standard
// library's reflection and no per-node custom unmarshalling.
type (
	plainNode Node
	plainEdge Edge
	plainGap  Gap
)

// decodeFast succeeds only on a well-formed version-1 file with no unknown
// fields: the common case, decoded in one pass. It uses the JSON v2
// prototype (github.com/go-json-experiment/json), which decodes large files
// about twice as fast as encoding/json and can reject unknown members; any
// file it refuses goes through the careful path, which says where and why.
func decodeFast(data []byte) (*Estate, error) {
	var w struct {
		Version *int   `json:"untether_estate"`
		Nodes   []Node `json:"nodes"`
		Edges   []Edge `json:"edges"`
		Gaps    []Gap  `json:"gaps"`
	}
	// Sizing the lists up front saves copying them as they grow; a count of
	// a key every element carries is a cheap, close upper bound.
	w.Nodes = make([]Node, 0, bytes.Count(data, []byte(`"class":`)))
	w.Edges = make([]Edge, 0, bytes.Count(data, []byte(`"from":`)))
	if err := jsonv2.Unmarshal(data, &w, jsonv2.RejectUnknownMembers(true)); err != nil {
		return nil, err
	}
	if w.Version == nil || *w.Version != FormatVersion {
		return nil, errors.New("not a plain version-1 estate")
	}
	return &Estate{Nodes: w.Nodes, Edges: w.Edges, Gaps: w.Gaps}, nil
}

func decodeCareful(data []byte, name string) (*Estate, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, JSONError(data, name, "$", err)
	}
	if top == nil {
		return nil, &InputError{File: name, Path: "$", Msg: "expected a JSON object with \"untether_estate\", got null"}
	}
	rawVersion, ok := top["untether_estate"]
	if !ok {
		return nil, &InputError{File: name, Path: "$", Msg: "not an untether estate file: no \"untether_estate\" version field"}
	}
	var version int
	if err := json.Unmarshal(rawVersion, &version); err != nil {
		return nil, &InputError{File: name, Path: "$.untether_estate", Msg: fmt.Sprintf("expected an integer version, got %s", clip(rawVersion))}
	}
	if version != FormatVersion {
		return nil, &InputError{File: name, Path: "$.untether_estate", Msg: fmt.Sprintf("unsupported estate version %d: this build reads version %d; upgrade untether", version, FormatVersion)}
	}
	e := &Estate{}
	var err error
	if e.Nodes, err = decodeList(top["nodes"], data, name, "$.nodes", func(p plainNode, extra map[string]json.RawMessage) Node {
		n := Node(p)
		n.Extra = extra
		return n
	}); err != nil {
		return nil, err
	}
	if e.Edges, err = decodeList(top["edges"], data, name, "$.edges", func(p plainEdge, extra map[string]json.RawMessage) Edge {
		ed := Edge(p)
		ed.Extra = extra
		return ed
	}); err != nil {
		return nil, err
	}
	if e.Gaps, err = decodeList(top["gaps"], data, name, "$.gaps", func(p plainGap, extra map[string]json.RawMessage) Gap {
		g := Gap(p)
		g.Extra = extra
		return g
	}); err != nil {
		return nil, err
	}
	for _, k := range []string{"untether_estate", "nodes", "edges", "gaps"} {
		delete(top, k)
	}
	if len(top) > 0 {
		e.Extra = top
	}
	return e, nil
}

// decodeList decodes a list element by element, so an error names its
// index, and keeps each element's unknown fields.
func decodeList[P, T any](raw json.RawMessage, data []byte, name, path string, build func(P, map[string]json.RawMessage) T) ([]T, error) {
	if raw == nil || string(raw) == "null" {
		return nil, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, &InputError{File: name, Path: path, Msg: "expected an array, got " + clip(raw)}
	}
	out := make([]T, len(items))
	for i, item := range items {
		at := fmt.Sprintf("%s[%d]", path, i)
		var p P
		if err := json.Unmarshal(item, &p); err != nil {
			return nil, JSONError(nil, name, at, err) // offsets are the element's, not the file's
		}
		extra, err := unknownFields(item, reflect.TypeFor[T]())
		if err != nil {
			return nil, JSONError(nil, name, at, err)
		}
		out[i] = build(p, extra)
	}
	return out, nil
}

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

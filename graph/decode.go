package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// Load reads and validates the estate file at path ("-" reads standard
// input), streaming it: the file is never held in memory whole.
func Load(path string) (*Estate, error) {
	if path == "-" {
		return DecodeReader(os.Stdin, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read estate: %w", err)
	}
	defer f.Close()
	return DecodeReader(f, path)
}

// Decode parses and validates an estate file's bytes; name is used in errors.
func Decode(data []byte, name string) (*Estate, error) {
	return decode(bytes.NewBuffer(data), bytes.NewReader(data), name)
}

// sizeHint counts the member names every node ("class") and every edge
// ("from") carries, reading at through a buffer: a close upper bound to
// size the lists with, so they are never copied (copying a million nodes
// while the collector runs cost two CPU seconds in write barriers). A
// file written by hand with spaces before the colons gets no hint.
func sizeHint(at io.ReaderAt) (nodes, edges int) {
	size, ok := sizeOf(at)
	if !ok {
		size = 1 << 20
	}
	buf := make([]byte, min(size+8, 1<<20)) // room beyond the bytes carried over
	var pos int64
	keep := 0 // bytes carried over, so a name across two reads counts
	for {
		n, err := at.ReadAt(buf[keep:], pos)
		b := buf[:keep+n]
		nodes += bytes.Count(b, []byte(`"class":`))
		edges += bytes.Count(b, []byte(`"from":`))
		pos += int64(n)
		if err != nil || n == 0 {
			// No node or edge is shorter than {"class":"x","id":"y"},
			// so a file of names alone cannot ask for more.
			return min(nodes, int(pos/24)), min(edges, int(pos/22))
		}
		keep = copy(buf, b[max(0, len(b)-7):]) // shorter than either name
	}
}

// DecodeReader parses and validates an estate file read from r as a stream
// of tokens through a buffer, so memory holds the decoded estate, never the
// file. name is used in errors; when r can also be read at an offset (a
// regular file) an error names its line and column, else its byte offset.
func DecodeReader(r io.Reader, name string) (*Estate, error) {
	at, _ := r.(io.ReaderAt)
	return decode(bufio.NewReaderSize(r, 1<<20), at, name)
}

// decode reads the estate from r (at, when not nil, reads the same bytes
// at an offset, for an error's line and column) and validates it once,
// keeping what validation learnt for compiling the estate later.
func decode(r io.Reader, at io.ReaderAt, name string) (*Estate, error) {
	if size, ok := sizeOf(at); ok && size >= parallelMin {
		if e, ids, keys, ok := decodeParallel(at, size); ok {
			return validated(e, ids, keys, name)
		}
	}
	return decodeStream(r, at, name)
}

// decodeStream is the reference decoder: it reads any estate file as a
// stream of tokens, on one core, and says where any problem is.
func decodeStream(r io.Reader, at io.ReaderAt, name string) (*Estate, error) {
	d := &decoder{
		dec:  jsontext.NewDecoder(r, jsontext.AllowDuplicateNames(true)),
		file: name, at: at, e: &Estate{}, lastFrom: -1, lastTo: -1,
		strs: map[string]string{}, ids: map[string]int{}, keysOK: true,
	}
	if at != nil {
		d.nodeHint, d.edgeHint = sizeHint(at)
	}
	e, err := d.estate()
	if err != nil {
		return nil, err
	}
	ids := d.ids
	if d.dupID || len(ids) != len(e.Nodes) {
		ids = nil // validation finds the duplicate and says where
	}
	keys := d.keys
	if !d.keysOK || ids == nil || len(keys) != len(e.Edges) {
		keys = nil
	}
	return validated(e, ids, keys, name)
}

// validated validates a decoded estate once (with the id map and edge
// keys when the reader has them whole) and keeps what it learnt.
func validated(e *Estate, ids map[string]int, keys []uint64, name string) (*Estate, error) {
	ids, keys, err := validateWith(e, ids, keys)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.File = name
		}
		return nil, err
	}
	e.remember(ids, keys)
	return e, nil
}

// sizeOf is the size of what at reads, when it is a regular file or bytes
// in memory.
func sizeOf(at io.ReaderAt) (int64, bool) {
	switch at := at.(type) {
	case interface{ Size() int64 }:
		return at.Size(), true
	case interface{ Stat() (os.FileInfo, error) }:
		if info, err := at.Stat(); err == nil && info.Mode().IsRegular() {
			return info.Size(), true
		}
	}
	return 0, false
}

// decoder turns the tokens of an estate file into an Estate. Strings that
// repeat (classes, providers, regions, kinds, tag keys and values, edge
// evidence) are stored once; an edge's ends share their node's id string.
type decoder struct {
	dec  *jsontext.Decoder
	file string
	at   io.ReaderAt

	e *Estate // what was read so far
	// nodeHint, edgeHint: how many nodes and edges the file seems to hold.
	nodeHint, edgeHint int

	strs   map[string]string // interned strings
	recent [1021]string      // of strs, by a cheap hash
	// ids maps a node id to its position; dupID says one was seen twice.
	ids   map[string]int
	dupID bool
	// keys[k] is edge k's (from, to) positions as from<<32|to, while
	// keysOK (every edge named nodes already read).
	keys   []uint64
	keysOK bool
	// lastFrom, lastTo: the node an edge's from and to named last, or -1.
	lastFrom, lastTo int
	scratch          []byte
	idBytes          *idBytes // where a worker keeps ids; nil: each its own

	// Tag maps, attribute maps and zone lists by their bytes in the file.
	tagSets  sharedSet[map[string]string]
	attrSets sharedSet[map[string]any]
	zoneSets sharedSet[[]string]
	sub      jsontext.Decoder // decodes one of them the first time
	base     int64            // where sub's input starts in the file
	where    position
}

func (d *decoder) estate() (*Estate, error) {
	if err := d.open('{', "a JSON object with \"untether_estate\""); err != nil {
		return nil, err
	}
	e := d.e
	version := false
	seen := map[string]bool{} // the version and the lists, each once
	for d.dec.PeekKind() != '}' {
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, &InputError{File: d.file, Path: "$." + name, Msg: "appears twice in the estate object"}
		}
		switch name {
		case "untether_estate":
			if err := d.version(); err != nil {
				return nil, err
			}
			version, seen[name] = true, true
		case "nodes":
			nodes := chunks[Node]{hint: d.nodeHint}
			err = d.list("$.nodes", func(i int) error {
				n := nodes.next()
				err := d.node(n)
				d.enter(n.ID, i)
				return err
			})
			e.Nodes, seen[name] = nodes.slice(), true
		case "edges":
			edges := chunks[Edge]{hint: d.edgeHint}
			err = d.list("$.edges", func(k int) error {
				from, to, err := d.edge(edges.next())
				d.key(k, from, to)
				return err
			})
			e.Edges, seen[name] = edges.slice(), true
		case "gaps":
			var gaps chunks[Gap]
			err = d.list("$.gaps", func(i int) error { return d.gap(gaps.next()) })
			e.Gaps, seen[name] = gaps.slice(), true
		default:
			var raw []byte
			if raw, err = d.raw(); err == nil {
				if e.Extra == nil {
					e.Extra = map[string]json.RawMessage{}
				}
				e.Extra[name] = raw
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return nil, d.syntax(err)
	}
	if _, err := d.dec.ReadToken(); err == nil {
		ie := &InputError{File: d.file, Msg: "malformed JSON: more data after the estate object"}
		d.place(ie, d.dec.InputOffset()-1)
		return nil, ie
	} else if err != io.EOF {
		return nil, d.syntax(err)
	}
	if !version {
		return nil, &InputError{File: d.file, Path: "$", Msg: "not an untether estate file: no \"untether_estate\" version field"}
	}
	return e, nil
}

func (d *decoder) version() error {
	const path = "$.untether_estate"
	d.where = position{list: path, index: -1}
	raw, err := d.dec.ReadValue()
	if err != nil {
		return d.syntax(err)
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil {
		return d.typeError(path, raw, "an integer version")
	}
	if v != FormatVersion {
		return &InputError{File: d.file, Path: path, Msg: fmt.Sprintf("unsupported estate version %d: this build reads version %d; upgrade untether", v, FormatVersion)}
	}
	return nil
}

// list reads a JSON array (or null) at path, calling item for each element.
func (d *decoder) list(path string, item func(i int) error) error {
	d.where = position{list: path, index: -1}
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadToken()
		return d.syntax(err)
	}
	if err := d.open('[', "an array"); err != nil {
		return err
	}
	for i := 0; d.dec.PeekKind() != ']'; i++ {
		d.where = position{list: path, index: i}
		if err := item(i); err != nil {
			return err
		}
	}
	d.where = position{}
	_, err := d.dec.ReadToken()
	return d.syntax(err)
}

// position is where the decoder is, for errors: $.nodes[3].tier.
type position struct {
	list  string // "$.nodes"; "" at the top level
	index int    // element of the list, or -1
	field string // member of the element, or ""
}

// path is the JSON path of the value being read.
func (d *decoder) path() string {
	w := d.where
	if w.list == "" {
		return "$"
	}
	p := w.list
	if w.index >= 0 {
		p += "[" + strconv.Itoa(w.index) + "]"
	}
	if w.field != "" {
		p += "." + w.field
	}
	return p
}

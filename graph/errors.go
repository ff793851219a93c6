package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// InputError is bad input: a file that is not what it should be. It names the
// file and the place in it (a JSON path, or a line and column) and what was
// expected. Commands map it to exit status 2; other readers of untether (the
// inventory, Terraform) return it too, so one rule covers every input.
type InputError struct {
	File string // the file, or "-" for standard input
	Path string // JSON path such as $.nodes[3].need, when known
	Line int    // 1-based line, when known
	Col  int    // 1-based column, when known
	Msg  string // what was wrong, and what was expected
}

func (e *InputError) Error() string {
	var b bytes.Buffer
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// JSONError turns an encoding/json error into an InputError: a syntax error
// at its line and column ("truncated JSON" when the file ends before the
// document), a type error at the JSON path of the field with what was
// expected. data is what was decoded, so offsets can become lines; pass nil
// when the offsets are not the file's (an element decoded on its own).
func JSONError(data []byte, name, path string, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := LineCol(data, syn.Offset)
		if syn.Error() == "unexpected end of JSON input" {
			return &InputError{File: name, Line: line, Col: col, Msg: "truncated JSON: the file ends before the document does"}
		}
		return &InputError{File: name, Line: line, Col: col, Msg: "malformed JSON: " + syn.Error()}
	case errors.As(err, &typ):
		p := path
		if typ.Field != "" {
			p += "." + typ.Field
		}
		ie := &InputError{File: name, Path: p, Msg: fmt.Sprintf("expected %s, got JSON %s", typ.Type, typ.Value)}
		if data != nil {
			ie.Line, ie.Col = LineCol(data, typ.Offset)
		}
		return ie
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := LineCol(data, int64(len(data)))
		return &InputError{File: name, Line: line, Col: col, Msg: "truncated JSON: the file ends before the document does"}
	}
	return &InputError{File: name, Path: path, Msg: err.Error()}
}

// LineCol turns a byte offset into data into a 1-based line and column.
func LineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	head := data[:offset]
	line = bytes.Count(head, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(head, '\n') + 1) + 1
	return line, col
}

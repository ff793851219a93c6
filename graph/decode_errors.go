package graph

import (
	"errors"
	"fmt"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// syntax turns the JSON reader's error into an InputError at the line and
// column where the file breaks (nil stays nil).
func (d *decoder) syntax(err error) error {
	if err == nil {
		return nil
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	var se *jsontext.SyntacticError
	off := d.dec.InputOffset()
	msg := err.Error()
	if errors.As(err, &se) {
		off, msg = se.ByteOffset, se.Err.Error()
		err = se.Err
	}
	ie = &InputError{File: d.file, Msg: "malformed JSON: " + msg}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		ie.Msg = "truncated JSON: the file ends before the document does"
	}
	d.place(ie, off)
	return ie
}

// typeError says a value at path is not what was expected; raw is the
// value just read.
func (d *decoder) typeError(path string, raw jsontext.Value, want string) error {
	kind := raw.Kind().String()
	switch raw.Kind() {
	case '{':
		kind = "object"
	case '[':
		kind = "array"
	case 't', 'f':
		kind = "bool"
	}
	ie := &InputError{File: d.file, Path: path, Msg: fmt.Sprintf("expected %s, got JSON %s", want, kind)}
	if raw.Kind() == '0' {
		ie.Msg += " " + clip(raw)
	}
	d.place(ie, d.dec.InputOffset()-int64(len(raw)))
	return ie
}

// place sets the error's line and column from a byte offset, reading the
// file again up to there (errors are rare; counting lines as the file
// streams by would cost every read). Without a way to read again, the
// message names the byte offset.
func (d *decoder) place(ie *InputError, off int64) {
	off += d.base
	if d.at == nil {
		ie.Msg += fmt.Sprintf(" (at byte %d)", off)
		return
	}
	line, col, err := lineColAt(d.at, off)
	if err != nil {
		ie.Msg += fmt.Sprintf(" (at byte %d)", off)
		return
	}
	ie.Line, ie.Col = line, col
}

// lineColAt is LineCol over a reader, a block at a time.
func lineColAt(r io.ReaderAt, offset int64) (line, col int, err error) {
	buf := make([]byte, 1<<16)
	line, last := 1, int64(-1) // last newline's offset
	for pos := int64(0); pos < offset; {
		n, err := r.ReadAt(buf[:min(int64(len(buf)), offset-pos)], pos)
		for i, c := range buf[:n] {
			if c == '\n' {
				line++
				last = pos + int64(i)
			}
		}
		pos += int64(n)
		if err != nil {
			if err == io.EOF {
				break
			}
			return 0, 0, err
		}
	}
	return line, int(offset - last), nil
}

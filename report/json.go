package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/untether-dev/untether/report/escape"
)

// JSONWriter writes the json format: the result itself, indented by two
// spaces, ending in a newline. It is the versioned machine-readable form
// (the field names of DESIGN.md §6) from which every other format is
// rendered, so it shows any result type. Lists are never null: an empty
// list is written as [] so scripts can iterate without a check. The same
// result always gives the same bytes.
type JSONWriter struct{}

// Write implements Writer.
func (JSONWriter) Write(w io.Writer, result any, opts Options) error {
	if result == nil {
		return &UnsupportedError{Format: "json", Result: result}
	}
	v := reflect.ValueOf(result)
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return &UnsupportedError{Format: "json", Result: result}
	}
	// JSON is read by programs, not browsers: "lockin<=0.3" stays readable
	// instead of becoming "lockin\u003c=0.3".
	var compactBuf bytes.Buffer
	enc := json.NewEncoder(&compactBuf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(emptyLists(v).Interface()); err != nil {
		return fmt.Errorf("encode %T as json: %w", result, err)
	}
	compact := escape.JSON(bytes.TrimSuffix(compactBuf.Bytes(), []byte("\n")))
	// Indent while writing: a large audit is tens of megabytes, and
	// indenting into a second buffer doubles the memory and the time.
	bw := bufio.NewWriterSize(w, 1<<16)
	writeIndented(bw, compact)
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// writeIndented writes compact JSON (as json.Marshal makes it) indented by
// two spaces, byte for byte as json.Indent would, with empty objects and
// arrays kept as {} and [].
func writeIndented(w *bufio.Writer, data []byte) {
	depth := 0
	inString, escaped := false, false
	newline := func() {
		w.WriteByte('\n')
		for i := 0; i < depth; i++ {
			w.WriteString("  ")
		}
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			w.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			w.WriteByte(c)
		case '{', '[':
			w.WriteByte(c)
			if i+1 < len(data) && (data[i+1] == '}' || data[i+1] == ']') {
				w.WriteByte(data[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			newline()
		case ':':
			w.WriteString(": ")
		default:
			w.WriteByte(c)
		}
	}
}

// emptyLists returns a copy of v in which every nil slice reachable through
// structs, pointers and slices is an empty one. The caller's value is never
// changed; maps are kept as they are (encoding/json sorts their keys).
func emptyLists(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(emptyLists(v.Elem()))
		return p
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			out.Field(i).Set(emptyLists(v.Field(i)))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return v // []byte encodes as a string
			}
			return reflect.MakeSlice(v.Type(), 0, 0)
		}
		if !needsCopy(v.Type().Elem()) {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(emptyLists(v.Index(i)))
		}
		return out
	}
	return v
}

// needsCopy reports whether values of t can hold a nil slice to replace.
func needsCopy(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer:
		return true
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && needsCopy(f.Type) {
				return true
			}
		}
	case reflect.Array:
		return needsCopy(t.Elem())
	}
	return false
}

package graph

import (
	"bytes"
	"fmt"
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

package graph

import (
	"bytes"
	"errors"
	"io"
	"strconv"
)

// The parallel reader (decode_parallel.go) reads only the layout Encode
// writes: the frame on lines of its own, one node, edge or gap a line.
//
//	{
//	"untether_estate": 1,
//	"nodes": [
//	  {"id":...},
//	  {"id":...}
//	],
//	"edges": [
//	  {"from":...}
//	],
//	"gaps": []
//	}
//
// A JSON string cannot hold a raw newline, so every line break falls
// between tokens; what the frame says about the lines is checked as they
// are read, and a file laid out any other way is read by the reference
// decoder instead.

// lineKind is what a line of an estate file holds.
type lineKind int8

const (
	otherLine lineKind = iota
	nodeLine           // `  {"id":...}` with or without a comma
	edgeLine           // `  {"from":...}`
)

var (
	nodePrefix    = []byte(`  {"id":`)
	edgePrefix    = []byte(`  {"from":`)
	elementPrefix = []byte(`  {`)
	versionLine   = []byte(`"untether_estate": ` + strconv.Itoa(FormatVersion) + `,`)
)

func kindOf(line []byte) lineKind {
	switch {
	case bytes.HasPrefix(line, nodePrefix):
		return nodeLine
	case bytes.HasPrefix(line, edgePrefix):
		return edgeLine
	}
	return otherLine
}

// The shortest node and edge lines Encode can write, newline included.
const minNodeLine, minEdgeLine = int64(len(`  {"id":""}`) + 1), int64(len(`  {"from":""}`) + 1)

var errNotLaidOut = errors.New("not laid out as Encode writes an estate")

// countLines counts the node lines and the edge lines of the file (size
// bytes, read at through a buffer), so the lists can be made their exact
// length before they are read. A block whose first and last lines are both
// node lines, or both edge lines, holds only lines of that kind in an
// Encode layout (each kind's lines are together), so most blocks cost one
// newline count; other blocks are looked at line by line. For another layout the counts
// may be wrong, and reading finds that out.
func countLines(at io.ReaderAt, size int64) (nodes, edges int, err error) {
	var counts [3]int
	buf := make([]byte, min(size+1, int64(blockSize)))
	var pos int64
	keep := 0 // a line begun in the last block
	for {
		n, rerr := at.ReadAt(buf[keep:], pos)
		pos += int64(n)
		data := buf[:keep+n]
		end := bytes.LastIndexByte(data, '\n') + 1 // after the last whole line
		if rerr != nil || n == 0 {
			if rerr != io.EOF && rerr != nil {
				return 0, 0, rerr
			}
			countBlock(data, &counts) // the last line needs no newline
			nodes, edges = counts[nodeLine], counts[edgeLine]
			// Blocks are counted by their newlines, so a hostile file
			// can count a node for every byte (320 bytes to make each):
			// more lines than fit, `  {"id":""}` or `  {"from":""}` and a
			// newline at least, is not an Encode layout.
			if int64(nodes)*minNodeLine+int64(edges)*minEdgeLine > pos {
				return 0, 0, errNotLaidOut
			}
			return nodes, edges, nil
		}
		if end == 0 && keep+n == len(buf) { // a line longer than the buffer
			buf = append(buf, make([]byte, len(buf))...)
			keep += n
			continue
		}
		countBlock(data[:end], &counts)
		keep = copy(buf, data[end:])
	}
}

// countBlock adds the kinds of whole lines (the last may lack its newline).
func countBlock(data []byte, counts *[3]int) {
	if len(data) == 0 {
		return
	}
	lastStart := bytes.LastIndexByte(data[:len(data)-1], '\n') + 1
	if k := kindOf(data); k != otherLine && k == kindOf(data[lastStart:]) {
		counts[k] += bytes.Count(data[:lastStart], []byte{'\n'}) + 1
		return
	}
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			i = len(data) - 1
		}
		counts[kindOf(data)]++
		data = data[i+1:]
	}
}

// elementLine reports whether line (without its newline) is one element
// of a list as Encode writes it, `  {...}` and a comma unless it is the
// last, and returns it without the comma.
func elementLine(line []byte, prefix []byte) (elem []byte, comma, ok bool) {
	if !bytes.HasPrefix(line, prefix) {
		return nil, false, false
	}
	if n := len(line); line[n-1] == ',' {
		line, comma = line[:n-1], true
	}
	return line, comma, line[len(line)-1] == '}'
}

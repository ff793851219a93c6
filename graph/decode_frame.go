package graph

import (
	"bytes"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// framer follows the frame of an Encode-laid-out file line by line (see
// decode_lines.go) for the parallel reader, cutting node and edge lines
// into batches and decoding the few gap lines itself.
type framer struct {
	p     *pipeline
	state frameState
	more  bool // the open list's next line is an element (after "[" or a comma)
	count int  // elements of the open list so far

	// The batch being gathered from the current block.
	batchAt, batchFirst, batchN int

	gaps chunks[Gap]
	g    decoder // decodes gap lines
	dec  jsontext.Decoder
}

type frameState int8

const (
	wantOpen frameState = iota
	wantVersion
	wantNodes
	inNodes
	wantEdges
	inEdges
	wantGaps
	inGaps
	wantClose
	wantEOF
)

// frame reads the file a block at a time and hands each block's whole
// lines to lines; the part line at a block's end starts the next block.
// It returns false at anything not laid out as Encode writes it, and
// when a worker failed.
func (p *pipeline) frame() bool {
	f := &framer{p: p}
	f.g = decoder{dec: &f.dec, strs: map[string]string{}}
	var pos int64
	var carry []byte // the last block's part line
	var prev *block
	defer func() {
		if prev != nil {
			p.release(prev)
		}
	}()
	for !p.failed.Load() {
		blk := p.getBlock()
		if len(carry) > len(blk.buf)/2 { // a line longer than half a block
			blk.buf = make([]byte, 2*len(carry))
		}
		k := copy(blk.buf, carry)
		if prev != nil {
			p.release(prev)
		}
		prev = blk
		n, err := p.at.ReadAt(blk.buf[k:], pos)
		pos += int64(n)
		data := blk.buf[:k+n]
		if err != nil && err != io.EOF {
			return false
		}
		eof := err != nil || n == 0
		end := len(data)
		if !eof {
			end = bytes.LastIndexByte(data, '\n') + 1
		}
		if !f.lines(blk, data[:end]) {
			return false
		}
		if eof {
			p.e.Gaps = f.gaps.slice()
			return f.state == wantEOF
		}
		carry = data[end:]
	}
	return false
}

// lines reads the whole lines of a block (the last may lack its newline
// at the end of the file).
func (f *framer) lines(blk *block, data []byte) bool {
	f.batchN = 0
	for off := 0; off < len(data); {
		i := bytes.IndexByte(data[off:], '\n')
		next := off + i + 1
		if i < 0 {
			i, next = len(data)-off, len(data)
		}
		line := data[off : off+i]
		if f.state == inNodes || f.state == inEdges {
			prefix := nodePrefix
			if f.state == inEdges {
				prefix = edgePrefix
			}
			if _, comma, ok := elementLine(line, prefix); ok {
				if !f.element(off, comma) {
					return false
				}
				off = next
				continue
			}
			f.flush(blk, data[:off])
		}
		if !f.frameLine(line) {
			return false
		}
		off = next
	}
	if f.state == inNodes || f.state == inEdges {
		f.flush(blk, data)
	}
	return true
}

// element notes one more element line at off of the open node or edge
// list.
func (f *framer) element(off int, comma bool) bool {
	size := len(f.p.e.Nodes)
	if f.state == inEdges {
		size = len(f.p.e.Edges)
	}
	if !f.more || f.count >= size {
		return false
	}
	if f.batchN == 0 {
		f.batchAt, f.batchFirst = off, f.count
	}
	f.batchN++
	f.count++
	f.more = comma
	return true
}

// flush hands the batch gathered so far (it ends where data does) to a
// worker, and node batches also to enterIDs.
func (f *framer) flush(blk *block, data []byte) {
	if f.batchN == 0 {
		return
	}
	kind := nodeLine
	if f.state == inEdges {
		kind = edgeLine
	}
	blk.refs.Add(1)
	b := &batch{kind: kind, first: f.batchFirst, n: f.batchN, lines: data[f.batchAt:], blk: blk}
	if kind == nodeLine {
		b.done = make(chan struct{})
	}
	f.p.work <- b
	if kind == nodeLine {
		f.p.merge <- b
	}
	f.batchN = 0
}

// frameLine reads a line of the frame, or of the gaps.
func (f *framer) frameLine(line []byte) bool {
	switch s := string(line); f.state {
	case wantOpen:
		return f.to(s == "{", wantVersion)
	case wantVersion:
		return f.to(bytes.Equal(line, versionLine), wantNodes)
	case wantNodes:
		if s == `"nodes": [],` {
			return f.endNodes()
		}
		return f.open(s == `"nodes": [`, inNodes)
	case inNodes:
		return s == "]," && f.closed(len(f.p.e.Nodes)) && f.endNodes()
	case wantEdges:
		if s == `"edges": [],` {
			return f.to(len(f.p.e.Edges) == 0, wantGaps)
		}
		return f.open(s == `"edges": [`, inEdges)
	case inEdges:
		return s == "]," && f.closed(len(f.p.e.Edges)) && f.to(true, wantGaps)
	case wantGaps:
		if s == `"gaps": []` {
			return f.to(true, wantClose)
		}
		return f.open(s == `"gaps": [`, inGaps)
	case inGaps:
		if s == "]" {
			return f.closed(f.count) && f.to(true, wantClose)
		}
		return f.gap(line)
	case wantClose:
		return f.to(s == "}", wantEOF)
	}
	return false // after the estate object
}

func (f *framer) to(ok bool, next frameState) bool {
	f.state = next
	return ok
}

// open starts a list, when ok.
func (f *framer) open(ok bool, next frameState) bool {
	f.more, f.count = true, 0
	return f.to(ok, next)
}

// closed says whether the open list may end here holding size elements.
func (f *framer) closed(size int) bool {
	return !f.more && f.count == size
}

// endNodes ends the nodes: once their batches are decoded, their ids
// are entered and the edges can be read.
func (f *framer) endNodes() bool {
	f.p.merge <- nil
	return f.to(f.count == len(f.p.e.Nodes), wantEdges)
}

// gap decodes one gap line.
func (f *framer) gap(line []byte) bool {
	elem, comma, ok := elementLine(line, elementPrefix)
	if !ok || !f.more {
		return false
	}
	f.more = comma
	f.count++
	f.dec.Reset(bytes.NewReader(elem), jsontext.AllowDuplicateNames(true))
	if f.g.gap(f.gaps.next()) != nil {
		return false
	}
	_, err := f.dec.ReadToken()
	return err == io.EOF
}

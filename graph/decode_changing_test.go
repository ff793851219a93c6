package graph

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// changing reads as a until switchAt reads were made, then as b: a file
// rewritten while it is read.
type changing struct {
	a, b     []byte
	reads    int
	switchAt int
}

func (c *changing) ReadAt(p []byte, off int64) (int, error) {
	c.reads++
	d := c.a
	if c.reads > c.switchAt {
		d = c.b
	}
	if off >= int64(len(d)) {
		return 0, io.EOF
	}
	n := copy(p, d[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// TestParallelFileChangingWhileRead: a file that grows, shrinks or has
// lines added or dropped between or during the reader's passes is read or
// given up (for the reference decoder), never a panic, hang or race.
func TestParallelFileChangingWhileRead(t *testing.T) {
	defer ReadAllInParallel()()
	e := &Estate{}
	for i := range 300 {
		e.Nodes = append(e.Nodes, Node{ID: fmt.Sprintf("n%03d", i), Class: ClassResource, Tags: map[string]string{"k": fmt.Sprint(i % 3)}})
		if i > 0 {
			e.Edges = append(e.Edges, Edge{From: fmt.Sprintf("n%03d", i), To: fmt.Sprintf("n%03d", i-1)})
		}
	}
	var buf bytes.Buffer
	Encode(&buf, e)
	a := buf.Bytes()
	lines := bytes.SplitAfter(a, []byte("\n"))
	variants := [][]byte{a[:len(a)/2], append(bytes.Clone(a), a...), bytes.Join(append(lines[:5:5], lines[3:]...), nil), bytes.Join(append(lines[:5:5], lines[6:]...), nil)}
	for _, b := range variants {
		for sw := 0; sw < 400; sw += 7 {
			c := &changing{a: a, b: b, switchAt: sw}
			decodeParallel(c, int64(len(a)))
			c = &changing{a: b, b: a, switchAt: sw}
			decodeParallel(c, int64(len(b)))
		}
	}
}

package graph

import "unsafe"

// idBytes holds the ids a parallel reader's worker reads, one after the
// other in blocks of memory, instead of a allocation each: a million ids
// are 100-150 MB, and a block hinted to huge pages is a few page faults
// where separate strings were tens of thousands, each costing microseconds
// of kernel time. The ids live as long as their nodes, so a block is
// never kept alive by one id alone for long. Its bytes are never written
// again once an id is made of them.
type idBytes struct {
	buf  []byte
	next int // where the next id goes
}

// maxIDBlock is the largest block; blocks start small, so a small estate
// holds little unused.
const maxIDBlock = 8 << 20

// string returns b as a string kept in the current block.
func (a *idBytes) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(a.buf)-a.next < len(b) {
		size := min(max(2*len(a.buf), 256<<10), maxIDBlock)
		if len(b) > size/4 {
			return string(b) // a long id: its own allocation
		}
		a.buf, a.next = make([]byte, size), 0
		hugePages(a.buf)
	}
	n := copy(a.buf[a.next:], b)
	s := unsafe.String(&a.buf[a.next], n)
	a.next += n
	return s
}

// keepID returns a node id read as a string: in the worker's blocks of
// ids, or (the reference decoder) its own allocation.
func (d *decoder) keepID(b []byte) string {
	if d.idBytes == nil {
		return string(b)
	}
	return d.idBytes.string(b)
}

package graph

// chunks is a list grown a block at a time (up to chunkLen elements) and copied once into a slice
// of its exact length: append's growth by a quarter would allocate five
// times the final size of a million nodes.
type chunks[T any] struct {
	full [][]T
	cur  []T
	n    int
	hint int // size of the first block: when right, there is one block, never copied
}

const chunkLen = 4096

// next adds a zero element and returns it.
func (c *chunks[T]) next() *T {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		size := min(max(16, 2*cap(c.cur)), chunkLen) // small files stay small
		if c.n == 0 && c.hint > 0 {
			size = c.hint
		}
		c.cur = make([]T, 0, size)
	}
	c.cur = c.cur[:len(c.cur)+1]
	c.n++
	return &c.cur[len(c.cur)-1]
}

// slice returns the elements in one slice (nil when there are none) and
// empties c.
func (c *chunks[T]) slice() []T {
	if c.n == 0 {
		return nil
	}
	if len(c.full) == 0 {
		out := c.cur // one block: the hint was right
		*c = chunks[T]{}
		return out
	}
	out := make([]T, 0, c.n)
	for _, b := range c.full {
		out = append(out, b...)
	}
	out = append(out, c.cur...)
	*c = chunks[T]{}
	return out
}

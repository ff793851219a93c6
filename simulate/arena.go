package simulate

// int32Arena hands out short int32 lists carved from large blocks: one
// allocation per block instead of one (and its growth) per list, and
// blocks hold no pointers, so the collector need not scan them. A list
// stays valid as long as the arena's results are kept.
type int32Arena struct {
	block []int32
}

// arenaBlock is the size of a block, in int32s (256 KiB).
const arenaBlock = 64 << 10

// clone returns a copy of s in the arena (nil for an empty s), capped at
// its length so an append to it never writes into a neighbour.
func (a *int32Arena) clone(s []int32) []int32 {
	if len(s) == 0 {
		return nil
	}
	if len(s) > cap(a.block)-len(a.block) {
		if len(s) >= arenaBlock/4 {
			return append([]int32(nil), s...) // a long list: a block of its own
		}
		a.block = make([]int32, 0, arenaBlock)
	}
	lo := len(a.block)
	a.block = append(a.block, s...)
	return a.block[lo:len(a.block):len(a.block)]
}

// chunked is an append-only list kept in fixed-size chunks: growing it
// never copies, and so leaves no garbage behind.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

const chunkLen = 32 << 10

func (c *chunked[T]) add(v T) {
	if c.n%chunkLen == 0 {
		c.chunks = append(c.chunks, make([]T, 0, chunkLen))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
}

// each calls fn on every element in the order added.
func (c *chunked[T]) each(fn func(T)) {
	for _, ch := range c.chunks {
		for _, v := range ch {
			fn(v)
		}
	}
}

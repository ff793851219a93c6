package graph

import "sync"

// maxShared bounds each table of shared values: an estate whose values
// seldom repeat stops filling it.
const maxShared = 1 << 16

// sharedSet is what one decoder knows of the values of one kind (tag maps,
// attribute maps, zone lists) decoded so far: the table of them by their
// bytes in the file, which a parallel reader's workers share, so equal
// values are one value across the estate; and the one it met last (nodes
// of one service sit next to each other), checked without the lock.
type sharedSet[T any] struct {
	table   *sharedTable[T]
	last    T
	lastKey string // its bytes
}

type sharedTable[T any] struct {
	mu sync.Mutex
	m  map[string]sharedValue[T]
}

type sharedValue[T any] struct {
	key string
	v   T
}

// find returns the value decoded before from raw.
func (s *sharedSet[T]) find(raw []byte) (T, bool) {
	if s.lastKey != "" && string(raw) == s.lastKey {
		return s.last, true
	}
	var e sharedValue[T]
	ok := false
	if t := s.table; t != nil {
		t.mu.Lock()
		e, ok = t.m[string(raw)]
		t.mu.Unlock()
	}
	if ok {
		s.last, s.lastKey = e.v, e.key
	}
	return e.v, ok
}

// add keeps v, decoded from raw, while the table is not full, and returns
// the value kept for raw: another worker's, when it decoded the same bytes
// first.
func (s *sharedSet[T]) add(raw []byte, v T) T {
	if s.table == nil {
		s.table = &sharedTable[T]{}
	}
	t := s.table
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[string(raw)]; ok {
		s.last, s.lastKey = e.v, e.key
		return e.v
	}
	if len(t.m) >= maxShared {
		return v
	}
	if t.m == nil {
		t.m = map[string]sharedValue[T]{}
	}
	key := string(raw)
	t.m[key] = sharedValue[T]{key, v}
	s.last, s.lastKey = v, key
	return v
}

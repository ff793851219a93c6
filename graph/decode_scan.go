package graph

import (
	"bytes"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// The fast reader's scanner of compact element lines (see decode_fast.go).

// plain marks the bytes a string can hold as they are: printable ASCII
// except the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// scan reads one compact element line.
type scan struct {
	s []byte
	i int
}

// str reads a plain string, returning its contents. (Finding the quote
// with IndexByte and checking eight bytes at a time measured slower on
// ids of 100-150 bytes.)
func (sc *scan) str() ([]byte, bool) {
	s, i := sc.s, sc.i
	if i >= len(s) || s[i] != '"' {
		return nil, false
	}
	j := i + 1
	for j < len(s) && plain[s[j]] {
		j++
	}
	if j >= len(s) || s[j] != '"' {
		return nil, false
	}
	sc.i = j + 1
	return s[i+1 : j], true
}

// lit reads a literal (null, true, false) when it comes next.
func (sc *scan) lit(word string) bool {
	if bytes.HasPrefix(sc.s[sc.i:], []byte(word)) {
		sc.i += len(word)
		return true
	}
	return false
}

// next reads the comma or the closing brace after a member, reporting
// whether another member follows.
func (sc *scan) next() (more, ok bool) {
	if sc.i >= len(sc.s) {
		return false, false
	}
	c := sc.s[sc.i]
	sc.i++
	return c == ',', c == ',' || c == '}'
}

// composite returns the bytes of the object or array that comes next, by
// its brackets (strings skipped); the tokenizer checks them.
func (sc *scan) composite() ([]byte, bool) {
	s, start := sc.s, sc.i
	depth := 0
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				sc.i = i + 1
				return s[start:sc.i], true
			}
		case '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		}
		if depth == 0 {
			return nil, false // not an object or array
		}
	}
	return nil, false
}

// integer reads an integer as JSON writes one.
func (sc *scan) integer() (int, bool) {
	s, i := sc.s, sc.i
	j := i
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j || (s[j] == '0' && k > j+1) || (k < len(s) && (s[k] == '.' || s[k] == 'e' || s[k] == 'E')) {
		return 0, false
	}
	v, err := strconv.Atoi(string(s[i:k]))
	sc.i = k
	return v, err == nil
}

// float reads a number as JSON writes one (the grammar checked here, as
// strconv reads more: hexadecimal, "Inf", underscores).
func (sc *scan) float() (float64, bool) {
	s, i := sc.s, sc.i
	j := i
	digits := func() bool {
		k := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j > k
	}
	if j < len(s) && s[j] == '-' {
		j++
	}
	if j < len(s) && s[j] == '0' {
		j++
	} else if !digits() {
		return 0, false
	}
	if j < len(s) && s[j] == '.' {
		j++
		if !digits() {
			return 0, false
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if !digits() {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(string(s[i:j]), 64)
	sc.i = j
	return v, err == nil
}

// sub decodes raw, one whole value, with read on a decoder of its own.
func sub[T any](d *decoder, raw []byte, read func() (T, error)) (T, bool) {
	main := d.dec
	d.sub.Reset(bytes.NewBuffer(raw), jsontext.AllowDuplicateNames(true))
	d.dec = &d.sub
	v, err := read()
	if err == nil {
		_, err = d.dec.ReadToken()
		if err == io.EOF {
			err = nil
		} else if err == nil {
			err = io.ErrUnexpectedEOF // more after the value
		}
	}
	d.dec = main
	return v, err == nil
}

// sharedRaw is shared for bytes found by their brackets.
func sharedRaw[T any](d *decoder, seen *sharedSet[T], raw []byte, kind byte, read func() (T, error)) (T, bool) {
	if raw[0] != kind {
		var zero T
		return zero, false
	}
	if v, ok := seen.find(raw); ok {
		return v, true
	}
	v, ok := sub(d, raw, read)
	if ok {
		v = seen.add(raw, v)
	}
	return v, ok
}

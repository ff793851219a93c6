package graph

import (
	"bytes"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// The parallel reader's workers read most element lines without the JSON
// tokenizer: Encode writes each element compact (no spaces), and most
// strings are plain printable ASCII without escapes. fastNode and fastEdge
// read exactly that and say false at anything else (an escape, a byte
// outside printable ASCII, an unknown member, a fraction or exponent), and
// the line is then read by the tokenizer, as the reference decoder would.
// Objects and arrays (tags, attributes, zones, owners) are found by their
// brackets and decoded by the tokenizer, or taken from the values decoded
// before from the same bytes.

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
	if string(raw) == seen.lastKey && seen.lastKey != "" {
		return seen.last, true
	}
	if e, ok := seen.m[string(raw)]; ok {
		seen.last, seen.lastKey = e.v, e.key
		return e.v, true
	}
	v, ok := sub(d, raw, read)
	if ok {
		seen.add(raw, v)
	}
	return v, ok
}

// fastNode reads a node line (see above); on false n is left part read.
func (d *decoder) fastNode(line []byte, n *Node) bool {
	sc := scan{s: line}
	if !sc.lit("{") {
		return false
	}
	for more := sc.lit("}") == false; more; {
		name, ok := sc.str()
		if !ok || !sc.lit(":") {
			return false
		}
		if !d.fastMember(&sc, string(name), n) {
			return false
		}
		if more, ok = sc.next(); !ok {
			return false
		}
	}
	return sc.i == len(line)
}

// fastMember reads the value of the node member name.
func (d *decoder) fastMember(sc *scan, name string, n *Node) bool {
	var s *string
	switch name {
	case "id":
		if sc.lit("null") {
			n.ID = ""
			return true
		}
		b, ok := sc.str()
		n.ID = d.keepID(b)
		return ok
	case "class":
		s = (*string)(&n.Class)
	case "level":
		s = (*string)(&n.Level)
	case "kind":
		s = &n.Kind
	case "type":
		s = &n.Type
	case "role":
		s = (*string)(&n.Role)
	case "provider":
		s = &n.Provider
	case "account":
		s = &n.Account
	case "region":
		s = &n.Region
	case "service":
		s = &n.Service
	case "name":
		s = &n.Name
	case "evidence":
		s = &n.Evidence
	case "need", "tier":
		v, ok := 0, sc.lit("null")
		if !ok {
			v, ok = sc.integer()
		}
		if name == "need" {
			n.Need = v
		} else {
			n.Tier = v
		}
		return ok
	case "downtime_cost_per_hour":
		v, ok := 0.0, sc.lit("null")
		if !ok {
			v, ok = sc.float()
		}
		n.DowntimeCostPerHour = v
		return ok
	case "placeholder":
		switch {
		case sc.lit("true"):
			n.Placeholder = true
		case sc.lit("false"), sc.lit("null"):
			n.Placeholder = false
		default:
			return false
		}
		return true
	case "zones", "tags", "attrs", "owners", "residency":
		return d.fastComposite(sc, name, n)
	default:
		return false // an unknown member
	}
	if sc.lit("null") {
		*s = ""
		return true
	}
	b, ok := sc.str()
	*s = d.intern(b)
	return ok
}

// fastComposite reads a node member that is an object or array (or null).
func (d *decoder) fastComposite(sc *scan, name string, n *Node) bool {
	null := sc.lit("null")
	var raw []byte
	if !null {
		var ok bool
		if raw, ok = sc.composite(); !ok {
			return false
		}
	}
	ok := true
	switch name {
	case "zones":
		n.Zones = nil
		if !null {
			n.Zones, ok = sharedRaw(d, &d.zoneSets, raw, '[', d.strList)
		}
	case "tags":
		n.Tags = nil
		if !null {
			n.Tags, ok = sharedRaw(d, &d.tagSets, raw, '{', d.tagMap)
		}
	case "attrs":
		n.Attrs = nil
		if !null {
			n.Attrs, ok = sharedRaw(d, &d.attrSets, raw, '{', d.attrMap)
		}
	case "owners":
		n.Owners = nil
		if !null {
			n.Owners, ok = sub(d, raw, d.strList)
		}
	case "residency":
		n.Residency = nil
		if !null {
			n.Residency, ok = sub(d, raw, d.strList)
		}
	}
	return ok
}

// fastEdge reads an edge line (see above), returning its ends' positions.
func (d *decoder) fastEdge(line []byte, ed *Edge) (from, to int, ok bool) {
	from, to = -1, -1
	sc := scan{s: line}
	if !sc.lit("{") {
		return from, to, false
	}
	for more := !sc.lit("}"); more; {
		name, ok := sc.str()
		if !ok || !sc.lit(":") {
			return from, to, false
		}
		null := sc.lit("null")
		var b []byte
		if !null {
			if b, ok = sc.str(); !ok {
				return from, to, false
			}
		}
		switch string(name) {
		case "from":
			ed.From, from = "", -1
			if !null {
				ed.From, from = d.resolve(b, &d.lastFrom)
			}
		case "to":
			ed.To, to = "", -1
			if !null {
				ed.To, to = d.resolve(b, &d.lastTo)
			}
		case "evidence":
			ed.Evidence = d.intern(b)
		case "relation":
			ed.Relation = d.intern(b)
		default:
			return from, to, false
		}
		if more, ok = sc.next(); !ok {
			return from, to, false
		}
	}
	return from, to, sc.i == len(line)
}

package graph

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// object reads a JSON object at path, calling member for each name; null
// reads as nothing.
func (d *decoder) object(member func(name string) error) error {
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadToken()
		return d.syntax(err)
	}
	if err := d.open('{', "an object"); err != nil {
		return err
	}
	for d.dec.PeekKind() != '}' {
		name, err := d.name()
		if err != nil {
			return err
		}
		if err := member(name); err != nil {
			return err
		}
	}
	_, err := d.dec.ReadToken()
	return d.syntax(err)
}

// open reads the opening delimiter of an object or array, or says what
// was there instead.
func (d *decoder) open(delim jsontext.Kind, want string) error {
	if k := d.dec.PeekKind(); k != delim && k != 0 {
		raw, err := d.dec.ReadValue()
		if err != nil {
			return d.syntax(err)
		}
		return d.typeError(d.path(), raw, want)
	}
	_, err := d.dec.ReadToken()
	return d.syntax(err)
}

// name reads an object member's name. The name is only valid until the
// next read (it may point into a scratch buffer).
func (d *decoder) name() (string, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return "", d.syntax(err)
	}
	b, err := d.unquote(raw)
	if err != nil {
		return "", d.syntax(err)
	}
	return d.intern(b), nil
}

// unquote returns the contents of a JSON string without copying when it
// holds no escape.
func (d *decoder) unquote(raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], nil
	}
	var err error
	d.scratch, err = jsontext.AppendUnquote(d.scratch[:0], raw)
	return d.scratch, err
}

// intern returns b as a string stored once for every equal one. A small
// table indexed by a cheap hash answers most lookups (member names,
// classes, providers, regions repeat line after line) before the map.
func (d *decoder) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	slot := &d.recent[cheapHash(b)%uint32(len(d.recent))]
	if *slot == string(b) {
		return *slot
	}
	s, ok := d.strs[string(b)]
	if !ok {
		s = string(b)
		d.strs[s] = s
	}
	*slot = s
	return s
}

// cheapHash mixes the length and the first and last eight bytes: two
// loads, where a byte-at-a-time hash cost a tenth of the reading. Strings
// alike there share a slot and go to the map.
func cheapHash(b []byte) uint32 {
	n := len(b)
	var h uint64
	if n >= 8 {
		h = binary.LittleEndian.Uint64(b) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(b[n-8:]), 29)
	} else {
		for _, c := range b {
			h = h<<8 | uint64(c)
		}
	}
	h = (h ^ uint64(n)) * 0x9e3779b97f4a7c15
	return uint32(h >> 32)
}

// str reads a string value (null reads as ""), interned.
func (d *decoder) str() (string, error) {
	b, null, err := d.stringValue()
	if err != nil || null {
		return "", err
	}
	return d.intern(b), nil
}

// stringValue reads a value that must be a string or null: its contents
// (valid until the next read), or null true.
func (d *decoder) stringValue() (b []byte, null bool, err error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return nil, false, d.syntax(err)
	}
	switch raw.Kind() {
	case 'n':
		return nil, true, nil
	case '"':
		b, err := d.unquote(raw)
		return b, false, d.syntax(err)
	}
	return nil, false, d.typeError(d.path(), raw, "string")
}

// strs reads a list of strings (null reads as none).
func (d *decoder) strList() ([]string, error) {
	var out []string
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadToken()
		return nil, d.syntax(err)
	}
	if err := d.open('[', "an array of strings"); err != nil {
		return nil, err
	}
	out = []string{}
	for d.dec.PeekKind() != ']' {
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	_, err := d.dec.ReadToken()
	return out, d.syntax(err)
}

// integer reads an integer (null reads as 0).
func (d *decoder) integer() (int, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return 0, d.syntax(err)
	}
	if raw.Kind() == 'n' {
		return 0, nil
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil {
		return 0, d.typeError(d.path(), raw, "int")
	}
	return v, nil
}

// float reads a number (null reads as 0).
func (d *decoder) float() (float64, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return 0, d.syntax(err)
	}
	if raw.Kind() == 'n' {
		return 0, nil
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	if raw.Kind() != '0' || err != nil {
		return 0, d.typeError(d.path(), raw, "float64")
	}
	return v, nil
}

// boolean reads true or false (null reads as false).
func (d *decoder) boolean() (bool, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return false, d.syntax(err)
	}
	switch raw.Kind() {
	case 'n', 'f':
		return false, nil
	case 't':
		return true, nil
	}
	return false, d.typeError(d.path(), raw, "bool")
}

// raw reads any value verbatim (copied: the decoder's buffer moves on).
func (d *decoder) raw() (json.RawMessage, error) {
	raw, err := d.dec.ReadValue()
	if err != nil {
		return nil, d.syntax(err)
	}
	return json.RawMessage(bytes.Clone(raw)), nil
}

// value reads any value as encoding/json would into an `any`: objects as
// map[string]any, arrays as []any, numbers as float64.
func (d *decoder) value() (any, error) {
	switch d.dec.PeekKind() {
	case '{':
		m := map[string]any{}
		err := d.object(func(name string) error {
			v, err := d.value()
			m[name] = v
			return err
		})
		return m, err
	case '[':
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, d.syntax(err)
		}
		list := []any{}
		for d.dec.PeekKind() != ']' {
			v, err := d.value()
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := d.dec.ReadToken()
		return list, d.syntax(err)
	}
	raw, err := d.dec.ReadValue()
	if err != nil {
		return nil, d.syntax(err)
	}
	switch raw.Kind() {
	case 'n':
		return nil, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case '0':
		v, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return nil, d.typeError(d.path(), raw, "float64")
		}
		return v, nil
	}
	b, err := d.unquote(raw)
	if err != nil {
		return nil, d.syntax(err)
	}
	return d.intern(b), nil
}

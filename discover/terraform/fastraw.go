package terraform

import (
	"bytes"
	"errors"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
)

// The fast reader of raw states, the largest files the reader meets. It
// reads the same document as rawState with encoding/json, but streams
// tokens (github.com/go-json-experiment/json/jsontext, no separate
// validation pass), shares the strings of repeated attribute names, and
// decodes resources on every core. It accepts only what it is sure
// encoding/json reads the same way: anything unusual (a wrong type, an
// invalid UTF-8 byte, a number out of range, a name in another case) makes
// it give up, and decodeRawState reads the file the careful way, which
// also says where the file is wrong.

// errSlowPath: the fast reader gives the file to encoding/json.
var errSlowPath = errors.New("raw state needs the careful reader")

// rawResource is one element of a raw state's resources.
type rawResource struct {
	module, mode, typ, name, provider string
	instances                         []rawInstance
}

type rawInstance struct {
	indexKey   any
	deposed    string
	attributes map[string]any
	sensitive  any
	deps       []string
}

// fastRawState reads version and resources; errSlowPath when it cannot
// vouch for the result.
func fastRawState(data []byte) (version int, resources []rawResource, err error) {
	d := jsontext.NewDecoder(bytes.NewBuffer(data))
	if tok, err := d.ReadToken(); err != nil || tok.Kind() != '{' {
		return 0, nil, errSlowPath
	}
	var raws [][]byte
	seenVersion := false
	for d.PeekKind() != '}' {
		name, err := d.ReadToken()
		if err != nil {
			return 0, nil, errSlowPath
		}
		switch name.String() {
		case "version":
			tok, err := d.ReadToken()
			if err != nil || tok.Kind() != '0' {
				return 0, nil, errSlowPath
			}
			v, err := strconv.Atoi(tok.String())
			if err != nil {
				return 0, nil, errSlowPath
			}
			version, seenVersion = v, true
		case "resources":
			if raws, err = splitArray(d, data); err != nil {
				return 0, nil, err
			}
		default:
			if foldsTo(name.String(), "version", "resources") {
				return 0, nil, errSlowPath
			}
			if d.SkipValue() != nil {
				return 0, nil, errSlowPath
			}
		}
	}
	if _, err := d.ReadToken(); err != nil {
		return 0, nil, errSlowPath
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return 0, nil, errSlowPath // something after the document
	}
	if !seenVersion {
		return 0, nil, errSlowPath
	}
	resources, err = decodeResources(raws)
	return version, resources, err
}

// splitArray returns the raw bytes of each element of the array d is at,
// as slices of data (no copy).
func splitArray(d *jsontext.Decoder, data []byte) ([][]byte, error) {
	switch d.PeekKind() {
	case 'n':
		_, err := d.ReadToken()
		return nil, orSlow(err)
	case '[':
	default:
		return nil, errSlowPath
	}
	if _, err := d.ReadToken(); err != nil {
		return nil, errSlowPath
	}
	var out [][]byte
	for d.PeekKind() != ']' {
		v, err := d.ReadValue()
		if err != nil || v.Kind() != '{' {
			return nil, errSlowPath
		}
		end := int(d.InputOffset())
		out = append(out, data[end-len(v):end])
	}
	_, err := d.ReadToken()
	return out, orSlow(err)
}

// decodeResources decodes the resources on up to GOMAXPROCS goroutines,
// each into its own slot: the result is the same whatever the schedule.
func decodeResources(raws [][]byte) ([]rawResource, error) {
	out := make([]rawResource, len(raws))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(raws), 8) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &valueReader{names: map[string]string{}}
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(raws) {
					return
				}
				if err := r.resource(raws[i], &out[i]); err != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		return nil, errSlowPath
	}
	return out, nil
}

// valueReader decodes JSON values as encoding/json does into any, sharing
// the strings of object member names (attribute names repeat in every
// instance).
type valueReader struct {
	d     *jsontext.Decoder
	names map[string]string
}

func (r *valueReader) resource(raw []byte, res *rawResource) error {
	if r.d == nil {
		r.d = jsontext.NewDecoder(bytes.NewBuffer(raw))
	} else {
		r.d.Reset(bytes.NewBuffer(raw))
	}
	return r.object(func(name string) error {
		var err error
		switch name {
		case "module":
			res.module, err = r.str()
		case "mode":
			res.mode, err = r.str()
		case "type":
			res.typ, err = r.str()
		case "name":
			res.name, err = r.str()
		case "provider":
			res.provider, err = r.str()
		case "instances":
			res.instances = res.instances[:0]
			if r.d.PeekKind() == 'n' {
				res.instances = nil
				_, err = r.d.ReadToken()
				return err
			}
			err = r.array(func() error {
				var in rawInstance
				if err := r.instance(&in); err != nil {
					return err
				}
				res.instances = append(res.instances, in)
				return nil
			})
		default:
			if foldsTo(name, "module", "mode", "type", "name", "provider", "instances") {
				return errSlowPath
			}
			err = r.d.SkipValue()
		}
		return err
	})
}

func (r *valueReader) instance(in *rawInstance) error {
	if r.d.PeekKind() != '{' {
		return errSlowPath
	}
	return r.object(func(name string) error {
		var err error
		switch name {
		case "index_key":
			in.indexKey, err = r.value()
		case "deposed":
			in.deposed, err = r.str()
		case "attributes":
			var v any
			if v, err = r.value(); err == nil {
				m, ok := v.(map[string]any)
				if v != nil && !ok {
					return errSlowPath
				}
				in.attributes = m
			}
		case "sensitive_attributes":
			in.sensitive, err = r.value()
		case "dependencies":
			in.deps = nil
			if r.d.PeekKind() == 'n' {
				_, err = r.d.ReadToken()
				return err
			}
			in.deps = []string{}
			err = r.array(func() error {
				s, err := r.str()
				in.deps = append(in.deps, s)
				return err
			})
		default:
			if foldsTo(name, "index_key", "deposed", "attributes", "sensitive_attributes", "dependencies") {
				return errSlowPath
			}
			err = r.d.SkipValue()
		}
		return err
	})
}

// object reads an object, calling member for each name with the decoder
// at its value.
func (r *valueReader) object(member func(name string) error) error {
	if tok, err := r.d.ReadToken(); err != nil || tok.Kind() != '{' {
		return errSlowPath
	}
	for r.d.PeekKind() != '}' {
		name, err := r.name()
		if err != nil {
			return err
		}
		if err := member(name); err != nil {
			return errSlowPath
		}
	}
	_, err := r.d.ReadToken()
	return orSlow(err)
}

func (r *valueReader) array(elem func() error) error {
	if tok, err := r.d.ReadToken(); err != nil || tok.Kind() != '[' {
		return errSlowPath
	}
	for r.d.PeekKind() != ']' {
		if err := elem(); err != nil {
			return errSlowPath
		}
	}
	_, err := r.d.ReadToken()
	return orSlow(err)
}

// name reads an object member name, shared with earlier equal names.
func (r *valueReader) name() (string, error) {
	v, err := r.d.ReadValue()
	if err != nil || v.Kind() != '"' {
		return "", errSlowPath
	}
	if q := v[1 : len(v)-1]; bytes.IndexByte(q, '\\') < 0 {
		if s, ok := r.names[string(q)]; ok { // no allocation for the lookup
			return s, nil
		}
		s := string(q)
		r.names[s] = s
		return s, nil
	}
	b, err := jsontext.AppendUnquote(nil, v)
	return string(b), orSlow(err)
}

// str reads a string or null ("", as encoding/json leaves a string field).
func (r *valueReader) str() (string, error) {
	tok, err := r.d.ReadToken()
	if err != nil {
		return "", errSlowPath
	}
	switch tok.Kind() {
	case '"':
		return tok.String(), nil
	case 'n':
		return "", nil
	}
	return "", errSlowPath
}

// value reads any JSON value into the types encoding/json gives an any:
// map[string]any, []any, string, float64, bool, nil.
func (r *valueReader) value() (any, error) {
	switch r.d.PeekKind() {
	case '{':
		m := map[string]any{}
		err := r.object(func(name string) error {
			v, err := r.value()
			m[name] = v
			return err
		})
		return m, err
	case '[':
		l := []any{}
		err := r.array(func() error {
			v, err := r.value()
			l = append(l, v)
			return err
		})
		return l, err
	}
	tok, err := r.d.ReadToken()
	if err != nil {
		return nil, errSlowPath
	}
	switch tok.Kind() {
	case '"':
		return tok.String(), nil
	case '0':
		f, err := strconv.ParseFloat(tok.String(), 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, errSlowPath // encoding/json refuses it, and says where
		}
		return f, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	}
	return nil, errSlowPath
}

func orSlow(err error) error {
	if err != nil {
		return errSlowPath
	}
	return nil
}

// foldsTo reports whether name differs from one of fields only in case:
// encoding/json would match it, so the fast reader must not ignore it.
func foldsTo(name string, fields ...string) bool {
	for _, f := range fields {
		if name != f && bytes.EqualFold([]byte(name), []byte(f)) {
			return true
		}
	}
	return false
}

package report

import (
	"bufio"
	"fmt"
	"io"
	"reflect"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// JSONWriter writes the json format: the result itself, indented by two
// spaces, ending in a newline. It is the versioned machine-readable form
// (the field names of DESIGN.md §6) from which every other format is
// rendered, so it shows every kind of result. Lists are never null: an empty
// list is written as [] so scripts can iterate without a check. The same
// result always gives the same bytes.
type JSONWriter struct{}

// The json format is each result's versioned core, nothing derived.

func (JSONWriter) Audit(w io.Writer, r *AuditReport, _ Options) error { return writeJSON(w, r.Audit) }
func (JSONWriter) Simulation(w io.Writer, r *SimulationReport, _ Options) error {
	return writeJSON(w, r.Simulation)
}
func (JSONWriter) Explanation(w io.Writer, r *ExplanationReport, _ Options) error {
	return writeJSON(w, r.Explanation)
}
func (JSONWriter) Plan(w io.Writer, r *PlanReport, _ Options) error   { return writeJSON(w, r.Plan) }
func (JSONWriter) Check(w io.Writer, r *CheckReport, _ Options) error { return writeJSON(w, r.Check) }

func writeJSON(w io.Writer, result any) error {
	v := reflect.ValueOf(result)
	// Encode straight into the output as the result is walked, so a large
	// result (a million-resource plan) never exists as a whole document in
	// memory: jsontext streams, and each finished line goes through
	// escape.JSON (hidden characters and workflow commands as \u escapes)
	// on its way out. v1 semantics keep the bytes of the versioned format;
	// JSON is read by programs, not browsers, so "lockin<=0.3" stays
	// readable instead of becoming "lockin\u003c=0.3".
	bw := bufio.NewWriterSize(w, 1<<16)
	err := InertJSON(bw, func(w io.Writer) error {
		return jsonv2.MarshalWrite(w, emptyLists(v).Interface(), jsonv1.DefaultOptionsV1(),
			jsontext.EscapeForHTML(false), jsontext.WithIndent("  "))
	})
	if err != nil {
		return fmt.Errorf("encode %T as json: %w", result, err)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// emptyLists returns a copy of v in which every nil slice reachable through
// structs, pointers and slices is an empty one. The caller's value is never
// changed; maps are kept as they are (encoding/json sorts their keys).
func emptyLists(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(emptyLists(v.Elem()))
		return p
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			out.Field(i).Set(emptyLists(v.Field(i)))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return v // []byte encodes as a string
			}
			return reflect.MakeSlice(v.Type(), 0, 0)
		}
		if !needsCopy(v.Type().Elem()) {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(emptyLists(v.Index(i)))
		}
		return out
	}
	return v
}

// needsCopy reports whether values of t can hold a nil slice to replace.
func needsCopy(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer:
		return true
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && needsCopy(f.Type) {
				return true
			}
		}
	case reflect.Array:
		return needsCopy(t.Elem())
	}
	return false
}

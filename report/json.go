package report

import "io"

// JSONWriter writes the json format. (Placeholder until the format lands.)
type JSONWriter struct{}

// Write implements Writer.
func (JSONWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "json", Result: result}
}

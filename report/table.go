package report

import "io"

// TableWriter writes the table format. (Placeholder until the format lands.)
type TableWriter struct{}

// Write implements Writer.
func (TableWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "table", Result: result}
}

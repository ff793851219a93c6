package report

import "io"

// SARIFWriter writes the sarif format. (Placeholder until the format lands.)
type SARIFWriter struct{}

// Write implements Writer.
func (SARIFWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "sarif", Result: result}
}

package report

import "io"

// JUnitWriter writes the junit format. (Placeholder until the format lands.)
type JUnitWriter struct{}

// Write implements Writer.
func (JUnitWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "junit", Result: result}
}

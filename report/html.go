package report

import "io"

// HTMLWriter writes the html format. (Placeholder until the format lands.)
type HTMLWriter struct{}

// Write implements Writer.
func (HTMLWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "html", Result: result}
}

package report

import "io"

// MarkdownWriter writes the markdown format. (Placeholder until the format lands.)
type MarkdownWriter struct{}

// Write implements Writer.
func (MarkdownWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "markdown", Result: result}
}

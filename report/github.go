package report

import "io"

// GitHubWriter writes the github format. (Placeholder until the format lands.)
type GitHubWriter struct{}

// Write implements Writer.
func (GitHubWriter) Write(w io.Writer, result any, opts Options) error {
	return &UnsupportedError{Format: "github", Result: result}
}

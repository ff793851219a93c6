package escape

import "strings"

// WorkflowData escapes untrusted text for the message of a GitHub Actions
// workflow command (after the closing "::"): control, bidi and zero-width
// characters become visible escapes, and "%" is percent-encoded, as the
// runner decodes it. Line breaks written by the caller (for a message of
// several lines) must be joined after escaping each line: see
// WorkflowLines.
func WorkflowData(s string) string {
	return strings.ReplaceAll(Visible(s), "%", "%25")
}

// WorkflowLines escapes each line with WorkflowData and joins them with the
// runner's encoded line break, so one annotation shows several lines and the
// command stays on one line of the log.
func WorkflowLines(lines ...string) string {
	for i, l := range lines {
		lines[i] = WorkflowData(l)
	}
	return strings.Join(lines, "%0A")
}

// WorkflowProperty escapes untrusted text for a workflow command property
// value (title=, file=): as WorkflowData, and ":" and "," which end a
// property are percent-encoded too.
func WorkflowProperty(s string) string {
	return strings.NewReplacer("%", "%25", ":", "%3A", ",", "%2C").Replace(Visible(s))
}

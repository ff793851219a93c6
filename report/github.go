package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// GitHubWriter writes the github format: GitHub Actions workflow commands
// (::error, ::warning, ::notice) that annotate the pull request. An
// annotation carries file= and line= when the result knows where the
// finding's node is declared. For a check result: new findings that fail the
// gate are errors, other new findings warnings, gate reasons without a
// finding (a score drop) errors, expired waivers warnings and unused
// waivers notices. For an audit: critical and high findings are errors,
// medium warnings, low notices. Everything that came from the estate is
// escaped by the workflow-command rules, so a hostile name cannot inject a
// command of its own.
type GitHubWriter struct{ unsupported }

// ghAnnotation is one workflow command.
type ghAnnotation struct {
	level, title, file string
	line               int
	msg                string
}

func (GitHubWriter) Audit(w io.Writer, r *AuditReport, _ Options) error {
	var as []ghAnnotation
	for _, f := range r.Audit.Findings {
		as = append(as, ghFinding(f, ghLevel(f.Severity), r.Locations))
	}
	return writeAnnotations(w, as)
}

func (GitHubWriter) Check(w io.Writer, r *CheckReport, _ Options) error {
	return writeAnnotations(w, ghCheck(r))
}

func writeAnnotations(w io.Writer, as []ghAnnotation) error {
	bw := bufio.NewWriter(w)
	for _, a := range as {
		bw.WriteString("::" + a.level)
		var props []string
		if a.file != "" {
			props = append(props, "file="+escape.WorkflowProperty(a.file))
			if a.line > 0 {
				props = append(props, "line="+strconv.Itoa(a.line))
			}
		}
		if a.title != "" {
			props = append(props, "title="+escape.WorkflowProperty(a.title))
		}
		if len(props) > 0 {
			bw.WriteString(" " + strings.Join(props, ","))
		}
		bw.WriteString("::" + escape.WorkflowData(a.msg) + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write github annotations: %w", err)
	}
	return nil
}

func ghFinding(f simulate.Finding, level string, locs map[string]Location) ghAnnotation {
	// The id already starts with the rule: name the rule once.
	a := ghAnnotation{level: level, title: "untether " + f.Rule + ": " + strings.TrimPrefix(f.ID, f.Rule+":"), msg: f.Message}
	if l, ok := locs[f.Node]; ok {
		a.file, a.line = l.File, l.Line
	}
	return a
}

func ghLevel(severity string) string {
	switch gate.SeverityRank(severity) {
	case 4, 3:
		return "error"
	case 2:
		return "warning"
	}
	return "notice"
}

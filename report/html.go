package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sync"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

// HTMLWriter writes the html format: one self-contained executive report
// (inline CSS and SVG, no script, no external request of any kind) that
// answers "what breaks, what it costs, what to do".
//
// It shows an audit; a plan or a check inside the audit it was computed
// against (the executive reads the whole picture, then what to do or what
// changed), when their result carries that audit.
type HTMLWriter struct{ unsupported }

// htmlExtras is what the page shows beyond the audit itself. Every field is
// optional; a nil field leaves its part of the report out.
type htmlExtras struct {
	// Baseline is the score of an earlier audit; the headline shows the change.
	Baseline *simulate.Score
	// Plan is a migration plan as waves with scores before and after.
	Plan *htmlPlan
	// Title replaces the default page title.
	Title string
}

// htmlPlan is a migration plan in the shape the report shows it.
type htmlPlan struct {
	Goal     string     // no-spof, survive-zone, survive-region ...
	Headline string     // the plan's one sentence
	Cost     string     // PlanReport.Cost
	Goals    []htmlGoal // each goal's verdict, unreachable ones included
	// Unreachable says each failure the plan cannot answer, and why.
	Unreachable [][2]string
	Waves       []htmlWave // in order
}

// htmlGoal is one goal before and after the plan, with its verdict.
type htmlGoal struct {
	Goal, Before, After, Verdict string
	Met                          bool
}

// htmlWave is one wave of a plan: actions done together, and the estate score
// before and after them.
type htmlWave struct {
	Name    string
	Actions []htmlAction
	Before  simulate.Score
	After   simulate.Score
}

// htmlAction is one remediation action of a wave.
type htmlAction struct {
	Title  string // "Enable multi-AZ on orders"
	Node   string // the node it changes
	Effort string // low, medium, high
	Cost   string // cost class
}

//go:embed templates/report.html.tmpl templates/report.css
var htmlFiles embed.FS

// htmlAssets is the parsed template and the stylesheet with its CSP hash,
// built once: parsing is the slow part of a small report.
var htmlAssets = sync.OnceValues(func() (*htmlAsset, error) {
	css, err := htmlFiles.ReadFile("templates/report.css")
	if err != nil {
		return nil, fmt.Errorf("read embedded stylesheet: %w", err)
	}
	t, err := template.New("report.html.tmpl").ParseFS(htmlFiles, "templates/report.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse embedded html template: %w", err)
	}
	sum := sha256.Sum256(css)
	return &htmlAsset{
		tmpl: t,
		// The stylesheet is our own embedded file, never user text: it is the
		// one place template.CSS is sound.
		css: template.CSS(css),
		csp: "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
			"'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'",
	}, nil
})

type htmlAsset struct {
	tmpl *template.Template
	css  template.CSS
	csp  string
}

func (HTMLWriter) Audit(w io.Writer, r *AuditReport, _ Options) error {
	return writeHTML(w, r, &htmlExtras{})
}

func (HTMLWriter) Plan(w io.Writer, r *PlanReport, _ Options) error {
	if r.Audit == nil {
		return &UnsupportedError{Kind: "plan"}
	}
	return writeHTML(w, r.Audit, &htmlExtras{Plan: r.html})
}

func (HTMLWriter) Check(w io.Writer, r *CheckReport, _ Options) error {
	if r.Audit == nil {
		return &UnsupportedError{Kind: "check"}
	}
	s := r.Check.Scores
	return writeHTML(w, r.Audit, &htmlExtras{Baseline: &simulate.Score{Resilience: s.Resilience.Baseline, Grade: s.Grade[0], NotScored: s.NotScored}})
}

// writeHTML renders the page of an audit report and its extras.
func writeHTML(w io.Writer, r *AuditReport, extras *htmlExtras) error {
	assets, err := htmlAssets()
	if err != nil {
		return err
	}
	page := buildPage(r, extras)
	page.CSS = assets.css
	page.CSP = assets.csp
	var buf bytes.Buffer
	if err := assets.tmpl.Execute(&buf, page); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	if _, err := io.WriteString(w, escape.Document(buf.String())); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

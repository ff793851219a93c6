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

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
)

// HTMLWriter writes the html format: one self-contained executive report
// (inline CSS and SVG, no script, no external request of any kind) that
// answers "what breaks, what it costs, what to do".
//
// The zero value renders an audit alone. Extras, when set, add what the audit
// does not carry: the estate for the dependency map, a baseline score, and a
// migration plan.
type HTMLWriter struct {
	Extras *HTMLExtras
}

// HTMLExtras is what the HTML report can show beyond the audit itself. Every
// field is optional; a nil field leaves its part of the report out.
type HTMLExtras struct {
	// Estate is the audited estate; it draws the dependency map.
	Estate *graph.Estate
	// Baseline is the score of an earlier audit; the headline shows the change.
	Baseline *simulate.Score
	// Plan is a migration plan as waves with scores before and after.
	Plan *HTMLPlan
	// Inputs names what the estate was read from (files, accounts), for the appendix.
	Inputs []string
	// Title replaces the default page title.
	Title string
}

// HTMLPlan is a migration plan in the shape the report shows it.
type HTMLPlan struct {
	Goal     string     // no-spof, survive-zone, survive-region ...
	Headline string     // the plan's one sentence
	Cost     string     // PlanCostSentence
	Goals    []HTMLGoal // each goal's verdict, unreachable ones included
	// Unreachable says each failure the plan cannot answer, and why.
	Unreachable [][2]string
	Waves       []HTMLWave // in order
}

// HTMLGoal is one goal before and after the plan, with its verdict.
type HTMLGoal struct {
	Goal, Before, After, Verdict string
	Met                          bool
}

// HTMLWave is one wave of a plan: actions done together, and the estate score
// before and after them.
type HTMLWave struct {
	Name    string
	Actions []HTMLAction
	Before  simulate.Score
	After   simulate.Score
}

// HTMLAction is one remediation action of a wave.
type HTMLAction struct {
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

// Write implements Writer. It renders a *simulate.Audit (or an Audit value);
// any other result gives an *UnsupportedError.
func (hw HTMLWriter) Write(w io.Writer, result any, opts Options) error {
	var a *simulate.Audit
	var extras HTMLExtras
	if hw.Extras != nil {
		extras = *hw.Extras
	}
	// A plan or a check is shown inside the audit it was computed against:
	// the executive reads the whole picture, then what to do or what changed.
	switch r := result.(type) {
	case *simulate.Audit:
		a = r
	case simulate.Audit:
		a = &r
	case *planner.Plan:
		if r != nil && opts.Audit != nil {
			a = opts.Audit
			extras.Plan = PlanForHTML(r)
		}
	case *gate.CheckResult:
		if r != nil && opts.Audit != nil {
			a = opts.Audit
			extras.Baseline = &simulate.Score{Resilience: r.Scores.Resilience.Baseline, Grade: r.Scores.Grade[0]}
		}
	}
	if a == nil {
		return &UnsupportedError{Format: "html", Result: result}
	}
	assets, err := htmlAssets()
	if err != nil {
		return err
	}
	if extras.Estate == nil {
		extras.Estate = opts.Estate
	}
	if extras.Inputs == nil {
		extras.Inputs = opts.Inputs
	}
	page := buildPage(a, &extras)
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

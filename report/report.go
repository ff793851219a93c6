package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Options are how a report is laid out, never what it says: everything a
// report says is in its Result.
type Options struct {
	// Color allows ANSI colour and styling (a terminal with NO_COLOR unset).
	Color bool
	// Width is the terminal width in columns; 0 means unknown.
	Width int
}

// Writer renders results in one format: one method per kind of result, each
// given only that result (computed once, before any writer runs) and the
// layout options. A format that cannot show a kind embeds unsupported.
type Writer interface {
	Audit(w io.Writer, r *AuditReport, o Options) error
	Simulation(w io.Writer, r *SimulationReport, o Options) error
	Explanation(w io.Writer, r *ExplanationReport, o Options) error
	Plan(w io.Writer, r *PlanReport, o Options) error
	Check(w io.Writer, r *CheckReport, o Options) error
}

// Write renders the result r in the format of writer wr. A kind the format
// cannot show gives an *UnsupportedError naming both.
func Write(w io.Writer, wr Writer, format string, r Result, o Options) error {
	if r == nil || r.empty() {
		return &UnsupportedError{Format: format, Kind: "nil"}
	}
	err := r.render(w, wr, o)
	var ue *UnsupportedError
	if errors.As(err, &ue) && ue.Format == "" {
		ue.Format = format
	}
	return err
}

// UnsupportedError says a format cannot render a kind of result.
type UnsupportedError struct {
	Format string
	Kind   string // audit, simulation, explanation, plan or check
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("format %q cannot show a %s result", e.Format, e.Kind)
}

// unsupported is embedded by writers to refuse the kinds they cannot show.
type unsupported struct{}

func (unsupported) Audit(io.Writer, *AuditReport, Options) error {
	return &UnsupportedError{Kind: "audit"}
}

func (unsupported) Simulation(io.Writer, *SimulationReport, Options) error {
	return &UnsupportedError{Kind: "simulation"}
}

func (unsupported) Explanation(io.Writer, *ExplanationReport, Options) error {
	return &UnsupportedError{Kind: "explanation"}
}

func (unsupported) Plan(io.Writer, *PlanReport, Options) error {
	return &UnsupportedError{Kind: "plan"}
}

func (unsupported) Check(io.Writer, *CheckReport, Options) error {
	return &UnsupportedError{Kind: "check"}
}

// writers is the registry: every format untether can write, by name.
var writers = map[string]Writer{
	"table":    TableWriter{},
	"json":     JSONWriter{},
	"markdown": MarkdownWriter{},
	"html":     HTMLWriter{},
	"sarif":    SARIFWriter{},
	"junit":    JUnitWriter{},
	"github":   GitHubWriter{},
}

// Lookup returns the writer for a format name.
func Lookup(format string) (Writer, error) {
	w, ok := writers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(Formats(), ", "))
	}
	return w, nil
}

// Formats lists the registered format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for k := range writers {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

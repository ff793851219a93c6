package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
)

// reportOptions are the flags every reporting command shares: the main
// report's format and file, and more reports from the same run.
type reportOptions struct {
	format  string
	outFile string
	outputs []string // FORMAT=FILE
}

func (r *reportOptions) register(fs *pflag.FlagSet) {
	fs.StringVar(&r.format, "format", "table", "report `FORMAT`: "+strings.Join(report.Formats(), ", "))
	fs.StringVarP(&r.outFile, "output-file", "o", "", "write the report to `FILE` instead of standard output (atomically; devices and FIFOs in place)")
	fs.StringArrayVar(&r.outputs, "output", nil, "also write `FORMAT=FILE` from the same run; repeatable")
}

// wants reports whether format is among the reports asked for.
func (r *reportOptions) wants(format string) bool {
	ts, _ := r.targets()
	for _, t := range ts {
		if t.format == format {
			return true
		}
	}
	return false
}

// auditInput is what an audit report needs besides the audit: the estate
// only when the HTML report is written (its dependency map walks the
// estate, which no other format needs).
func (r *reportOptions) auditInput(e *graph.Estate, inputs []string) report.AuditInput {
	in := report.AuditInput{Inputs: inputs}
	if r.wants("html") {
		in.Estate = e
	}
	return in
}

// target is one report to write.
type target struct {
	format string
	file   string // "" or "-" is standard output
	writer report.Writer
}

// targets checks every format before any work is done, so a typo is exit 2
// at once rather than after a long discovery.
func (r *reportOptions) targets() ([]target, error) {
	w, err := report.Lookup(r.format)
	if err != nil {
		return nil, usageError("--format: %v", err)
	}
	ts := []target{{format: r.format, file: r.outFile, writer: w}}
	for _, o := range r.outputs {
		format, file, ok := strings.Cut(o, "=")
		if !ok || format == "" || file == "" {
			return nil, usageError("--output %q: expected FORMAT=FILE, e.g. --output html=report.html", o)
		}
		w, err := report.Lookup(format)
		if err != nil {
			return nil, usageError("--output %s: %v", o, err)
		}
		ts = append(ts, target{format: format, file: file, writer: w})
	}
	return ts, nil
}

// write renders the result, computed once, in every requested format, and
// writes more files of the same run (such as plan's --apply-to estate).
// Files are written atomically; standard output gets colour only on a
// terminal. Everything is written or nothing is: see graph.WriteFiles.
func (r *reportOptions) write(ctx context.Context, ios *IOStreams, result report.Result, more ...graph.Output) error {
	// Interrupted while computing: say so and write nothing.
	if err := ctx.Err(); err != nil {
		return err
	}
	ts, err := r.targets()
	if err != nil {
		return err
	}
	outs := make([]graph.Output, 0, len(ts)+len(more))
	for _, t := range ts {
		var opts report.Options
		path := t.file
		if path == "" || path == "-" {
			path = "-"
			opts.Color, opts.Width = ios.ColorEnabled(), ios.Width
		}
		outs = append(outs, graph.Output{Path: path, Write: func(w io.Writer) error {
			if err := report.Write(w, t.writer, t.format, result, opts); err != nil {
				return fmt.Errorf("%s report: %w", t.format, err)
			}
			return nil
		}})
	}
	ios.Progress("writing %d report(s)", len(outs)+len(more))
	defer ios.ProgressDone()
	return graph.WriteFiles(ctx, ios.Out, append(outs, more...)...)
}

// writeFile writes one file of a run (an estate, a baseline, an export) the
// way reports are written; "" and "-" are standard output.
func writeFile(ctx context.Context, ios *IOStreams, path string, write func(io.Writer) error) error {
	if path == "" {
		path = "-"
	}
	ios.Progress("writing %s", path)
	defer ios.ProgressDone()
	return graph.WriteFiles(ctx, ios.Out, graph.Output{Path: path, Write: write})
}

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
	fs.StringVarP(&r.outFile, "output-file", "o", "", "write the report to `FILE` instead of standard output (atomically)")
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

// write renders result in every requested format. Files are written
// atomically; standard output gets colour only on a terminal.
func (r *reportOptions) write(ctx context.Context, ios *IOStreams, result any) error {
	return r.writeWith(ctx, ios, result, report.Options{})
}

// writeWith is write with options shared by every format (such as where
// each resource is declared).
func (r *reportOptions) writeWith(ctx context.Context, ios *IOStreams, result any, base report.Options) error {
	// Interrupted while computing: say so and write nothing.
	if err := ctx.Err(); err != nil {
		return err
	}
	ts, err := r.targets()
	if err != nil {
		return err
	}
	for _, t := range ts {
		if t.file == "" || t.file == "-" {
			opts := base
			opts.Color, opts.Width = ios.ColorEnabled(), ios.Width
			if err := t.writer.Write(ios.Out, result, opts); err != nil {
				return fmt.Errorf("%s report: %w", t.format, err)
			}
			continue
		}
		err := graph.WriteFileAtomic(t.file, func(w io.Writer) error {
			return t.writer.Write(w, result, base)
		})
		if err != nil {
			return fmt.Errorf("%s report: %w", t.format, err)
		}
	}
	return nil
}

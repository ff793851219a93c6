package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Options carry what a writer may need beyond the result itself.
type Options struct {
	// Color allows ANSI colour and styling (a terminal with NO_COLOR unset).
	Color bool
	// Width is the terminal width in columns; 0 means unknown.
	Width int
	// Locate, when set, says where a node is declared in source (a Terraform
	// file, slash-separated and relative to the repository, and a 1-based
	// line), for formats that point at code (sarif, github).
	Locate func(node string) (file string, line int, ok bool)
	// Estate is the estate the result was computed from, for formats that
	// draw it (the HTML dependency map); nil leaves such parts out.
	Estate *graph.Estate
	// Inputs name the sources the result was computed from.
	Inputs []string
	// Audit is the audit a plan or check result was computed against, for
	// formats that show the whole picture around it (HTML).
	Audit *simulate.Audit
}

// Writer renders one result in one format.
type Writer interface {
	// Write renders result to w. A result type the format cannot show gives
	// an *UnsupportedError.
	Write(w io.Writer, result any, opts Options) error
}

// UnsupportedError says a format cannot render a kind of result.
type UnsupportedError struct {
	Format string
	Result any
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("format %q cannot show a %T result", e.Format, e.Result)
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

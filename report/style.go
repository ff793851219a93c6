package report

import (
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"

	"github.com/untether-dev/untether/report/escape"
)

// palette is the one set of terminal styles every table view uses. It is
// built per write from a renderer with an explicit colour profile, so the
// output never depends on the environment: Color=false renders with the
// Ascii profile and carries no ANSI escapes at all.
type palette struct {
	r       *lipgloss.Renderer
	width   int
	title   lipgloss.Style // section titles
	bold    lipgloss.Style
	dim     lipgloss.Style // secondary text: ids, methods, chains
	warn    lipgloss.Style // coverage gaps and cautions
	bad     lipgloss.Style // SPOFs, services down
	good    lipgloss.Style // nothing down
	header  lipgloss.Style // table header cells
	cell    lipgloss.Style // table body cells
	border  lipgloss.Style
	scoreBx lipgloss.Style // the big score box
}

// Colours chosen to read on dark and light terminals (ANSI 256).
const (
	colorGood   = "35"  // green
	colorOK     = "112" // yellow-green
	colorMid    = "214" // amber
	colorBad    = "202" // orange-red
	colorWorst  = "196" // red
	colorAccent = "39"  // blue titles
	colorDim    = "245" // grey
)

// defaultWidth is the terminal width assumed when Options.Width is 0.
const defaultWidth = 100

func newPalette(opts Options) *palette {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetHasDarkBackground(true)
	if opts.Color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	w := opts.Width
	if w <= 0 {
		w = defaultWidth
	}
	w = max(w, 40)
	return &palette{
		r:       r,
		width:   w,
		title:   r.NewStyle().Bold(true).Foreground(lipgloss.Color(colorAccent)),
		bold:    r.NewStyle().Bold(true),
		dim:     r.NewStyle().Foreground(lipgloss.Color(colorDim)),
		warn:    r.NewStyle().Foreground(lipgloss.Color(colorMid)).Bold(true),
		bad:     r.NewStyle().Foreground(lipgloss.Color(colorWorst)),
		good:    r.NewStyle().Foreground(lipgloss.Color(colorGood)),
		header:  r.NewStyle().Bold(true).Padding(0, 1),
		cell:    r.NewStyle().Padding(0, 1),
		border:  r.NewStyle().Foreground(lipgloss.Color(colorDim)),
		scoreBx: r.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 2).Bold(true),
	}
}

// gradeColor is the palette colour (ANSI 256 code) for a grade.
func gradeColor(grade string) string {
	switch grade {
	case "A":
		return colorGood
	case "B":
		return colorOK
	case "C":
		return colorMid
	case "D":
		return colorBad
	}
	return colorWorst
}

func (p *palette) grade(g string) lipgloss.Style {
	return p.bold.Foreground(lipgloss.Color(gradeColor(g)))
}

// table builds a lipgloss table in the house style: a header underline,
// no outer box, cells padded, wrapped to the palette width.
func (p *palette) table(headers []string, rows [][]string) string {
	// Every cell is escaped and cut to the width first: lipgloss then only
	// measures what it shows, so a name of any length costs the same.
	for _, row := range rows {
		for i := range row {
			row[i] = escape.TerminalShort(row[i], p.width)
		}
	}
	fitColumns(headers, rows, p.width)
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(p.border).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(true).
		Headers(headers...).
		Rows(rows...).
		StyleFunc(func(row, _ int) lipgloss.Style {
			if row == table.HeaderRow {
				return p.header
			}
			return p.cell
		})
	if natural := lipgloss.Width(t.String()); natural > p.width {
		t.Width(p.width)
	}
	return t.String()
}

// wrap renders text wrapped to the palette width with a style, line by
// line so no line is padded.
func (p *palette) wrap(s lipgloss.Style, text string) string {
	lines := wrapWords(escape.Terminal(text), p.width)
	for i, l := range lines {
		lines[i] = s.Render(l)
	}
	return strings.Join(lines, "\n")
}

// trailingSpace matches the padding lipgloss leaves at the end of a line,
// before any closing escape sequences.
var trailingSpace = regexp.MustCompile(`(?m) +((?:\x1b\[[0-9;]*m)*)$`)

// trimLines removes trailing padding so output diffs and pipes cleanly.
func trimLines(s string) string { return trailingSpace.ReplaceAllString(s, "$1") }

// fitColumns wraps every cell at spaces (wrapWords) to a width per column
// chosen so the table fits in width columns, so lipgloss, which would
// break words at hyphens ("us-east-\n1"), never has to wrap. Columns that
// fit in a fair share keep their natural width; the rest share what is
// left. Each column is padded by one space on either side.
func fitColumns(headers []string, rows [][]string, width int) {
	cols := len(headers)
	if cols == 0 {
		return
	}
	natural := make([]int, cols)
	for c, h := range headers {
		natural[c] = utf8.RuneCountInString(h)
	}
	for _, row := range rows {
		for c := 0; c < cols && c < len(row); c++ {
			natural[c] = max(natural[c], utf8.RuneCountInString(row[c]))
		}
	}
	avail, sum := width-2*cols, 0
	for _, n := range natural {
		sum += n
	}
	if sum <= avail {
		return
	}
	widths := make([]int, cols) // 0: not chosen yet
	open := cols
	for open > 0 {
		share, settled := max(avail/open, 8), false
		for c := range widths {
			if widths[c] == 0 && natural[c] <= share {
				widths[c], avail, open, settled = max(natural[c], 1), avail-natural[c], open-1, true
			}
		}
		if !settled {
			for c := range widths {
				if widths[c] == 0 {
					widths[c] = share
				}
			}
			break
		}
	}
	for c := range headers {
		headers[c] = strings.Join(wrapWords(headers[c], widths[c]), "\n")
	}
	for _, row := range rows {
		for c := 0; c < cols && c < len(row); c++ {
			row[c] = strings.Join(wrapWords(row[c], widths[c]), "\n")
		}
	}
}

// wrapWords breaks text into lines of at most width runes at spaces only,
// so an id such as aws/us-east-1/service/lambda is never split at a hyphen
// or slash; a word longer than the width alone is cut into width-long
// pieces. Time is linear in the text.
func wrapWords(text string, width int) []string {
	width = max(width, 1)
	var lines []string
	var cur strings.Builder
	n := 0 // runes in cur
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		n = 0
	}
	for _, w := range strings.Split(text, " ") {
		wl := utf8.RuneCountInString(w)
		switch {
		case n > 0 && n+1+wl <= width:
			cur.WriteByte(' ')
			cur.WriteString(w)
			n += 1 + wl
			continue
		case n > 0:
			flush()
		}
		for wl > width {
			cut := 0
			for i := range w {
				if cut == width {
					lines = append(lines, w[:i])
					w, wl = w[i:], wl-width
					break
				}
				cut++
			}
		}
		cur.WriteString(w)
		n = wl
	}
	flush()
	return lines
}

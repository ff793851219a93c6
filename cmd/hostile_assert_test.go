package cmd

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/untether-dev/untether/report/escape"
)

// forgedCommand is a GitHub Actions workflow command anywhere in a line:
// wrapping can bring any text to a line's start.
var forgedCommand = regexp.MustCompile(`(?i)::(add-mask|add-matcher|add-path|debug|echo|endgroup|error|group|notice|remove-matcher|save-state|set-env|set-output|stop-commands|warning)([ :]|$)|##\[`)

// ourCommand is the start of a line the github format writes.
var ourCommand = regexp.MustCompile(`^::(error|warning|notice)( [^:]*)?::`)

// assertInertFor checks one output for what its medium must never carry.
func assertInertFor(t *testing.T, what, format, out string) {
	t.Helper()
	for i, r := range out {
		if r != '\n' && escape.Hidden(r) {
			t.Errorf("%s: raw hidden character %U at byte %d: %q", what, r, i, escape.Shorten(out[max(0, i-60):min(len(out), i+20)], 100))
			break
		}
	}
	for i, l := range strings.Split(out, "\n") {
		rest := l
		if format == "github" {
			rest = l[len(ourCommand.FindString(l)):]
		}
		if forgedCommand.MatchString(rest) {
			t.Errorf("%s line %d: a workflow command untether did not write: %q", what, i+1, escape.Shorten(l, 160))
			break
		}
	}
	switch format {
	case "markdown":
		assertMarkdownInert(t, what, out)
	case "html":
		for _, live := range []string{"<script>alert", "<img src=x", `href="https://evil`, "href='https://evil"} {
			if strings.Contains(out, live) {
				t.Errorf("%s: live HTML from the input: %q", what, live)
			}
		}
	case "json", "sarif":
		if !json.Valid([]byte(out)) {
			t.Errorf("%s: not valid JSON", what)
		}
	case "junit", "graphml":
		d := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s: XML not well-formed: %v", what, err)
				break
			}
		}
	case "table":
		for i, l := range strings.Split(out, "\n") {
			if len(l) > 4*escape.TerminalMax+400 {
				t.Errorf("%s line %d: %d bytes; long names must be shortened", what, i+1, len(l))
				break
			}
		}
	}
}

// assertMarkdownInert checks GitHub Markdown for a live mention, link or
// raw HTML outside code spans and fences.
func assertMarkdownInert(t *testing.T, what, out string) {
	t.Helper()
	text := stripCode(strings.ReplaceAll(out, "\\`", " ")) // an escaped backtick is text
	text = regexp.MustCompile(`&#?[a-z0-9]+;`).ReplaceAllString(text, " ")
	text = strings.ReplaceAll(text, `\\`, " ")
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(^|[^\\])@[A-Za-z0-9]`), regexp.MustCompile(`(?i)https?://|www\.[a-z]`),
		regexp.MustCompile(`(^|[^\\])<[a-zA-Z/!]`), regexp.MustCompile(`(^|[^\\])\]\([^#]`), // links to the report's own anchors are ours
	} {
		if m := bad.FindString(text); m != "" {
			i := strings.Index(text, m)
			t.Errorf("%s: live Markdown %q near %q", what, m, escape.Shorten(text[max(0, i-80):min(len(text), i+40)], 140))
		}
	}
}

// stripCode blanks fenced code blocks and code spans, as CommonMark reads
// them: a fence is a line starting with 3 or more backticks and no backtick
// after them, closed by a line of at least as many; a span opens with a run
// of N backticks and closes at the next run of exactly N.
func stripCode(md string) string {
	var b strings.Builder
	lines := strings.SplitAfter(md, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimLeft(l, " ")
		n := len(t) - len(strings.TrimLeft(t, "`"))
		if n >= 3 && !strings.Contains(t[n:], "`") {
			for i++; i < len(lines); i++ {
				c := strings.TrimSpace(lines[i])
				if len(c) >= n && strings.Trim(c, "`") == "" {
					break
				}
			}
			b.WriteString("\n")
			continue
		}
		b.WriteString(stripSpans(l))
	}
	return b.String()
}

func stripSpans(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '`' {
			b.WriteByte(s[i])
			i++
			continue
		}
		n := 1
		for i+n < len(s) && s[i+n] == '`' {
			n++
		}
		end := -1
		for j := i + n; j < len(s); {
			if s[j] != '`' {
				j++
				continue
			}
			m := 1
			for j+m < len(s) && s[j+m] == '`' {
				m++
			}
			if m == n {
				end = j + m
				break
			}
			j += m
		}
		if end < 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(' ')
		i = end
	}
	return b.String()
}

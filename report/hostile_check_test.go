package report

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// hostileName carries what issue 14 found reaching the PR comment and the
// terminal: a bidi override, a team mention, pipes, a workflow command after
// a line break, an OSC-8 hyperlink and a zero-width space.
const hostileName = "orders\u202e|x|@acme/security-team\n::error::forged \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 zero\u200bwidth"

func hostileCheck(t *testing.T) *CheckReport {
	t.Helper()
	a := checkFixtureAudit()
	for i := range a.Findings[:1] {
		a.Findings[i].Node = hostileName
		a.Findings[i].ID = "spof-resource:" + hostileName
		a.Findings[i].Message = hostileName + " takes checkout down"
	}
	a.SPOFs[0].Node = hostileName
	a.SPOFs[0].Chain = []string{"service:checkout", hostileName}
	base := gate.NewBaseline(&simulate.Audit{Score: simulate.Score{Resilience: 80, Grade: "B"}})
	g, err := gate.ParseFailOn([]string{"high", "new-spof"})
	if err != nil {
		t.Fatal(err)
	}
	g.Waivers = []gate.Waiver{{ID: "x:*", Reason: hostileName, Owner: hostileName, Expires: "2020-01-01"}}
	return NewCheck(gate.Check(a, base, g, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), nil)
}

// forgedCommand is a workflow command a runner would act on, anywhere in a
// line (wrapping can put any text at a line's start).
var forgedCommand = regexp.MustCompile(`(?i)::(add-mask|add-matcher|add-path|debug|echo|endgroup|error|group|notice|remove-matcher|save-state|set-env|set-output|stop-commands|warning)([ :]|$)|##\[`)

// assertInertOutput checks one rendered document for what no medium may
// carry: a raw control, bidi or zero-width character, and a workflow command
// that untether did not write (ours, in the github format, start a line).
func assertInertOutput(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && escape.Hidden(r) {
			t.Errorf("%s: raw hidden character %U", what, r)
			return
		}
	}
	for i, l := range strings.Split(out, "\n") {
		rest := l
		if strings.HasPrefix(what, "github") {
			rest = l[len(ourCommand.FindString(l)):]
		}
		if forgedCommand.MatchString(rest) {
			t.Errorf("%s line %d: a forged workflow command: %q", what, i+1, escape.Shorten(l, 200))
		}
	}
}

// ourCommand is the start of a line the github format writes.
var ourCommand = regexp.MustCompile(`^::(error|warning|notice)( [^:]*)?::`)

// assertMarkdownInert checks GitHub Markdown for a live mention, issue
// reference, link or raw HTML outside code spans and fences.
func assertMarkdownInert(t *testing.T, what, out string) {
	t.Helper()
	text := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(out, " ")
	text = regexp.MustCompile("(`+)[^`]*?(`+)").ReplaceAllString(text, " ")
	text = regexp.MustCompile(`&#?[a-z0-9]+;`).ReplaceAllString(text, " ")
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`@[A-Za-z0-9]`), regexp.MustCompile(`(?i)https?://|www\.[a-z]`),
		regexp.MustCompile(`<[a-zA-Z/!]`), regexp.MustCompile(`(^|[^\\])\]\([^#]`), // our own links go to #anchors
	} {
		if m := bad.FindString(text); m != "" {
			t.Errorf("%s: live Markdown %q in\n%s", what, m, escape.Shorten(out, 3000))
		}
	}
}

func TestHostileCheckEveryFormat(t *testing.T) {
	r := hostileCheck(t)
	for _, format := range Formats() {
		if format == "html" || format == "json" {
			continue // html needs the audit beside it; json carries the data as it is
		}
		w, _ := Lookup(format)
		out := string(render(t, w, r, Options{Width: 80}))
		assertInertOutput(t, format+"/check", out)
		if format == "markdown" {
			assertMarkdownInert(t, "markdown/check", out)
		}
	}
}

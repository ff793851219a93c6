package escape

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are texts an attacker can put in a name, tag or id.
var hostile = []string{
	"plain",
	"\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
	"line\nbreak\r\n::error file=x::forged",
	"::stop-commands::tok",
	"  ::warning::indented",
	"##[error]old style",
	"AWS::EC2::Instance",
	"\u202egnp.exe\u202c and \u2066iso\u2069",
	"zero\u200bwidth\u200d\u2060\ufeff",
	"nul\x00 del\x7f c1\u0085\u009b",
	"@acme/security-team and @octocat",
	"see #12 and https://evil.example/x and www.evil.example",
	"<script>alert(1)</script><img src=x onerror=alert(1)>",
	"| a | b | `code` ``two`` *em* _u_ [l](u) ![i](u) ~~s~~ $x$",
	"\"quote\" 'apos' \\N \\\\ \\l",
	"- list\n> quote\n# heading",
	string([]byte{0xff, 0xfe, 'x'}),
	"ｆｕｌｌ：ｗｉｄｔｈ 中文 emoji 🙂",
}

// commandLine matches a line a GitHub Actions runner would act on.
// Unanchored: once a table or paragraph is wrapped, any position may start a line.
var commandLine = regexp.MustCompile(`(?i)::(add-mask|add-matcher|add-path|debug|echo|endgroup|error|group|notice|remove-matcher|save-state|set-env|set-output|stop-commands|warning)([ :]|$)|##\[`)

func assertInert(t *testing.T, medium, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s(%q) = %q: invalid UTF-8", medium, in, out)
	}
	for _, r := range out {
		if Hidden(r) && r != '\n' {
			t.Errorf("%s(%q) = %q: raw hidden rune %U", medium, in, out, r)
		}
	}
	if m := commandLine.FindStringIndex(out); m != nil {
		t.Errorf("%s(%q) = %q: a workflow command at byte %d", medium, in, out, m[0])
	}
}

func TestEveryMediumIsInert(t *testing.T) {
	media := map[string]func(string) string{
		"Visible": Visible, "Terminal": Terminal, "Markdown": Markdown, "MarkdownCode": MarkdownCode,
		"MermaidLabel": MermaidLabel, "DotString": DotString, "XML": XML, "HTML": HTML,
		"WorkflowData": WorkflowData, "WorkflowProperty": WorkflowProperty,
	}
	for name, f := range media {
		for _, in := range hostile {
			out := f(in)
			assertInert(t, name, in, out)
			if strings.Contains(out, "\n") {
				t.Errorf("%s(%q) = %q: a raw line break", name, in, out)
			}
		}
	}
}

func TestMarkdownKillsMentionsLinksAndHTML(t *testing.T) {
	for _, in := range hostile {
		out := Markdown(in)
		text := regexp.MustCompile(`&#?[a-z0-9]+;`).ReplaceAllString(out, " ")
		if regexp.MustCompile(`@[A-Za-z0-9]`).MatchString(text) {
			t.Errorf("Markdown(%q) = %q: a live mention", in, out)
		}
		if regexp.MustCompile(`(?i)https?://|www\.[a-z]|#[0-9]`).MatchString(text) {
			t.Errorf("Markdown(%q) = %q: a live link or issue reference", in, out)
		}
		if strings.ContainsAny(strings.NewReplacer("&lt;", "", "&gt;", "", "&amp;", "", "&quot;", "", "&#64;", "", zwsp, "").Replace(out), "<>") {
			t.Errorf("Markdown(%q) = %q: raw HTML", in, out)
		}
		if regexp.MustCompile(`(^|[^\\])(\\\\)*[|*_\x60\[\]]`).MatchString(out) {
			t.Errorf("Markdown(%q) = %q: live Markdown punctuation", in, out)
		}
	}
}

func TestMarkdownCodeFence(t *testing.T) {
	for in, want := range map[string]string{
		"abc":     "`abc`",
		"a`b":     "``a`b``",
		"`x":      "`` `x ``",
		"a``b`":   "``` a``b` ```",
		"\x1b[2J": "`\\x1b[2J`",
	} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVisibleShowsWhatWasHidden(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b[31mb":     `a\x1b[31mb`,
		"x\ny":           `x\ny`,
		"\u202eabc":      `\u202eabc`,
		"a\u200bb":       `a\u200bb`,
		"AWS::EC2::Inst": "AWS::EC2::Inst",
		"::error::x":     ":\uff1aerror::x",
		"::ERROR ::x":    ":\uff1aERROR ::x",
		"##[group]":      "##\uff3bgroup]",
		"café ☕":         "café ☕",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDotAndMermaidCannotEndTheString(t *testing.T) {
	if got := DotString(`a"b\c`); got != `"a\"b\\c"` {
		t.Errorf("DotString = %s", got)
	}
	if got := DotLines("x", `y"`); got != `"x\ny\""` {
		t.Errorf("DotLines = %s", got)
	}
	if got := MermaidLabel(`a"b<c>`); got != `"a#34;b#60;c#62;"` {
		t.Errorf("MermaidLabel = %s", got)
	}
}

func TestWorkflowEscapes(t *testing.T) {
	if got := WorkflowProperty("rule: a,b 100%"); got != "rule%3A a%2Cb 100%25" {
		t.Errorf("WorkflowProperty = %q", got)
	}
	if got := WorkflowLines("one", "two\nthree"); got != `one%0Atwo\nthree` {
		t.Errorf("WorkflowLines = %q", got)
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"abcdef", 10, "abcdef"}, {"abcdef", 6, "abcdef"}, {"abcdef", 5, "abcd…"},
		{"abcdef", 1, "…"}, {"ééééé", 3, "éé…"}, {"ééé", 3, "ééé"}, {"abc", 0, "abc"},
	} {
		if got := Shorten(c.in, c.n); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestShortenReadsOnlyWhatItKeeps: shortening a 64 MB name allocates only
// the kept part, so the cost cannot grow with the name.
func TestShortenReadsOnlyWhatItKeeps(t *testing.T) {
	huge := strings.Repeat("x", 64<<20)
	allocs := testing.AllocsPerRun(3, func() { _ = Terminal(huge) })
	if allocs > 4 {
		t.Errorf("Terminal on a 64 MB name: %v allocations", allocs)
	}
	if got := Terminal(huge); utf8.RuneCountInString(got) != TerminalMax {
		t.Errorf("Terminal kept %d runes, want %d", utf8.RuneCountInString(got), TerminalMax)
	}
}

func BenchmarkTerminalHugeName(b *testing.B) {
	huge := strings.Repeat("\u202e", 50<<20)
	b.ReportAllocs()
	for b.Loop() {
		_ = Terminal(huge)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for name, fn := range map[string]func(string) string{
			"Terminal": Terminal, "Markdown": Markdown, "MarkdownCode": MarkdownCode, "MermaidLabel": MermaidLabel,
			"DotString": DotString, "XML": XML, "HTML": HTML, "WorkflowData": WorkflowData,
		} {
			out := fn(in)
			assertInert(t, name, in, out)
		}
	})
}

func TestJSONKeepsTheDataAndHidesNothing(t *testing.T) {
	for _, in := range hostile {
		doc, err := json.Marshal(map[string]string{"k": in})
		if err != nil {
			t.Fatal(err)
		}
		out := JSON(doc)
		assertInert(t, "JSON", in, string(out))
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("JSON(%q) = %s: %v", in, out, err)
		}
		var want map[string]string
		_ = json.Unmarshal(doc, &want)
		if back["k"] != want["k"] {
			t.Errorf("JSON(%q) round-trips to %q", in, back["k"])
		}
	}
	if got := string(JSON([]byte("{\"a\":\"x\u202e👍\U000e0001\"}"))); got != `{"a":"x\u202e👍\udb40\udc01"}` {
		t.Errorf("JSON = %s", got)
	}
}

package escape

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hidden reports whether r is a character that must never reach an output
// raw: C0 and C1 controls (ESC among them, so no CSI or OSC sequence), DEL,
// line and paragraph separators, bidi controls (U+202E RIGHT-TO-LEFT
// OVERRIDE and its kin) and the zero-width and invisible format characters
// (U+200B, U+2060, U+FEFF ...), plus invalid UTF-8.
func Hidden(r rune) bool {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
		return true
	}
	if r < 0xa0 {
		return false
	}
	// Cf (format) holds the bidi controls, zero-width characters, BOM and
	// other invisibles; Zl and Zp are the line and paragraph separators.
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Bidi_Control) ||
		r == '\u115f' || r == '\u1160' || r == '\u3164' || r == '\uffa0' // Hangul fillers render as nothing
}

// visibleRune is how a hidden rune is shown: a Go-style escape, ASCII only.
func visibleRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case utf8.RuneError:
		return `\ufffd`
	}
	q := strconv.QuoteRuneToASCII(r) // '\x1b', '\u202e'
	return q[1 : len(q)-1]
}

// Visible returns s with every Hidden rune written as a visible escape
// ("\x1b", "\n", "\u202e") and workflow commands defused. Invalid UTF-8
// shows as "\ufffd". It is the plain-text core of every escaper here, and the
// escaper for formats whose own encoder handles markup (SARIF, JUnit via
// encoding/xml).
func Visible(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	writeVisible(&b, s)
	return Defuse(b.String())
}

// clean reports whether s needs no escaping at all: the common case, checked
// without allocating.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ':' || c == '#' {
			return false
		}
	}
	return true
}

func writeVisible(b *strings.Builder, s string) {
	for _, r := range s {
		if Hidden(r) {
			b.WriteString(visibleRune(r))
			continue
		}
		b.WriteRune(r)
	}
}

// Ellipsis ends text that Shorten cut.
const Ellipsis = "…"

// Shorten cuts s to at most n runes, the last of them an ellipsis when it
// cut anything. It reads only the first n+1 runes of s, so a 200 MB name
// costs no more than a short one. n <= 0 means no limit.
func Shorten(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	cut, count := -1, 0 // cut: byte offset after n-1 runes
	for i := range s {
		if count == n-1 {
			cut = i
		}
		if count == n {
			return s[:cut] + Ellipsis
		}
		count++
	}
	return s
}

// Defuse breaks GitHub Actions workflow commands inside s: "::" followed by
// a runner command name gets its second colon replaced by a fullwidth colon
// (U+FF1A), and "##[" (the runner's older command prefix) its bracket by a
// fullwidth bracket (U+FF3B). AWS::EC2::Instance and other double colons are
// kept as they are.
func Defuse(s string) string {
	if !strings.Contains(s, "::") && !strings.Contains(s, "##[") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ':' && i+1 < len(s) && s[i+1] == ':' && commandAt(s[i+2:]):
			b.WriteString(":\uff1a")
			i++
		case s[i] == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString("##\uff3b")
			i += 2
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// runnerCommands are the workflow command names a GitHub Actions runner
// acts on (case-insensitively).
var runnerCommands = []string{
	"add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group",
	"notice", "remove-matcher", "save-state", "set-env", "set-output", "stop-commands", "warning",
}

// commandAt reports whether s starts with a runner command name followed by
// what ends a command name (a space, a colon or the end).
func commandAt(s string) bool {
	for _, c := range runnerCommands {
		if len(s) >= len(c) && strings.EqualFold(s[:len(c)], c) {
			if len(s) == len(c) || s[len(c)] == ' ' || s[len(c)] == ':' || s[len(c)] == '\t' {
				return true
			}
		}
	}
	return false
}

package escape

import (
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// XML escapes untrusted text for XML character data or a quoted attribute
// value: markup characters become references and hidden characters (which
// XML 1.0 mostly cannot carry at all) are made visible. For documents built
// with encoding/xml's Marshal, which escapes markup itself, pass Visible(s).
func XML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(Visible(s))) // a strings.Builder never fails
	return b.String()
}

// HTML escapes untrusted text for HTML text or a quoted attribute value:
// markup characters become entities, hidden characters (CR, LF, ESC, bidi
// overrides, zero-width) are made visible. Text handed to html/template,
// which escapes markup itself, takes Visible(s).
func HTML(s string) string { return html.EscapeString(Visible(s)) }

// Document is the last guard over a whole rendered document (the HTML
// report): any hidden character other than the line breaks and tabs the
// writer put there is made visible, and workflow commands are defused. It
// catches what a template field missed; it does not replace escaping each
// field for its context.
func Document(doc string) string {
	var b strings.Builder
	b.Grow(len(doc))
	for _, r := range doc {
		if r != '\n' && r != '\t' && Hidden(r) {
			b.WriteString(visibleRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return Defuse(b.String())
}

// JSON rewrites every hidden character of an encoded JSON document (bidi
// overrides, zero-width and other invisible format characters, line
// separators, DEL; the other ASCII controls an encoder already escapes) as
// a \u escape. Workflow commands are defused the same way: the second colon
// of "::error" is written \u003a. The data is unchanged for any JSON reader,
// but no raw hidden character or live command reaches a terminal, a CI log
// or a code-scanning page. Outside strings JSON holds only ASCII
// punctuation, so every rewrite lands inside a string. The document is
// returned as it is when it holds nothing to rewrite.
func JSON(doc []byte) []byte {
	var out []byte // nil until the first rewrite
	done := 0      // doc[:done] is in out
	for i := 0; i < len(doc); {
		repl, n := jsonRewrite(doc, i)
		if repl == "" {
			i += n
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(doc)+16)
		}
		out = append(append(out, doc[done:i]...), repl...)
		i += n
		done = i
	}
	if out == nil {
		return doc
	}
	return append(out, doc[done:]...)
}

// jsonRewrite returns what to write instead of the n bytes at doc[i], or ""
// to keep them.
func jsonRewrite(doc []byte, i int) (string, int) {
	c := doc[i]
	switch {
	case c == ':' && i+1 < len(doc) && doc[i+1] == ':' && commandAt(string(doc[i+2:min(len(doc), i+2+16)])):
		return `:\u003a`, 2
	case c == '#' && i+2 < len(doc) && doc[i+1] == '#' && doc[i+2] == '[':
		return `##\u005b`, 3
	case c == 0x7f:
		return `\u007f`, 1
	case c < utf8.RuneSelf:
		return "", 1
	}
	r, n := utf8.DecodeRune(doc[i:])
	if !Hidden(r) {
		return "", n
	}
	if r > 0xffff {
		r1, r2 := utf16.EncodeRune(r)
		return fmt.Sprintf(`\u%04x\u%04x`, r1, r2), n
	}
	return fmt.Sprintf(`\u%04x`, r), n
}

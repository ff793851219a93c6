package escape

import (
	"encoding/xml"
	"html"
	"strings"
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

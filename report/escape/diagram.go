package escape

import (
	"strconv"
	"strings"
)

// mermaidSafe are the runes a Mermaid label may carry as they are.
func mermaidSafe(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte(" -_./:,=+*'!?$", c) >= 0
}

// MermaidLabel quotes untrusted text as a Mermaid node or edge label: every
// rune outside a small ASCII-safe set becomes a "#code;" entity, so quotes,
// brackets, HTML, backticks (which could close a Markdown code fence),
// colons and line breaks are inert. Hidden characters are made visible first.
func MermaidLabel(s string) string {
	s = Visible(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		if r < 128 && mermaidSafe(byte(r)) {
			b.WriteByte(byte(r))
			continue
		}
		b.WriteByte('#')
		b.WriteString(strconv.Itoa(int(r)))
		b.WriteByte(';')
	}
	b.WriteByte('"')
	return b.String()
}

// DotString quotes untrusted text as a Graphviz DOT string (an id or a
// label): quotes and backslashes are escaped, so no text can end the string,
// add attributes or use a label escape such as \N; hidden characters are
// made visible.
func DotString(s string) string { return DotLines(s) }

// DotLines is DotString for a label of several lines: each line is escaped
// and the lines are joined with DOT's \n line break.
func DotLines(lines ...string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, l := range lines {
		if i > 0 {
			b.WriteString(`\n`)
		}
		l = Visible(l)
		for j := 0; j < len(l); j++ {
			if l[j] == '"' || l[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(l[j])
		}
	}
	b.WriteByte('"')
	return b.String()
}

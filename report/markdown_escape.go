package report

import (
	"fmt"
	"strings"
	"unicode"
)

// MarkdownText escapes text from the estate for Markdown prose and table
// cells: HTML specials become entities (so "<script>" stays text), Markdown
// punctuation is backslash-escaped (no stray emphasis, links, code spans or
// cell breaks), "@" cannot mention anyone and line breaks become spaces.
func MarkdownText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '@':
			b.WriteString("&#64;")
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t', '\u2028', '\u2029':
			b.WriteByte(' ')
		default:
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				b.WriteRune('\uFFFD')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mermaidSafe are the runes a Mermaid label may carry as they are.
func mermaidSafe(r rune) bool {
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" -_./:,=+*'!?$", r))
}

// MermaidLabel escapes text for a quoted Mermaid label: every rune outside
// a small safe set becomes a "#code;" entity, so quotes, brackets, HTML,
// backticks (which could close the code fence) and newlines are inert. The
// label is cut to 60 runes first.
func MermaidLabel(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range Truncate(s, 60) {
		switch {
		case mermaidSafe(r):
			b.WriteRune(r)
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
			b.WriteString("#65533;")
		default:
			fmt.Fprintf(&b, "#%d;", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// mermaidIDs gives estate ids short, safe Mermaid node names (n0, n1 ...)
// in first-seen order, so the diagram never carries a raw id as syntax.
type mermaidIDs struct {
	ids   map[string]string
	order []string
}

func newMermaidIDs() *mermaidIDs { return &mermaidIDs{ids: map[string]string{}} }

// name returns the Mermaid name of id and whether it is new.
func (m *mermaidIDs) name(id string) (string, bool) {
	if n, ok := m.ids[id]; ok {
		return n, false
	}
	n := fmt.Sprintf("n%d", len(m.order))
	m.ids[id] = n
	m.order = append(m.order, id)
	return n, true
}

// mermaidChain writes a flowchart of one dependency chain, the failing node
// (the last) drawn red.
func mermaidChain(b *strings.Builder, chain []string, names map[string]string) {
	ids := newMermaidIDs()
	b.WriteString("```mermaid\nflowchart LR\n")
	var prev string
	for _, id := range chain {
		n, isNew := ids.name(id)
		if isNew {
			label := CompactID(id)
			if nm, ok := names[id]; ok {
				label = nm
			}
			fmt.Fprintf(b, "  %s[%s]\n", n, MermaidLabel(label))
		}
		if prev != "" {
			fmt.Fprintf(b, "  %s --> %s\n", prev, n)
		}
		prev = n
	}
	if prev != "" {
		fmt.Fprintf(b, "  style %s fill:#fdd,stroke:#c00,stroke-width:2px\n", prev)
	}
	b.WriteString("```\n\n")
}

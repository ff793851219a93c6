package escape

import "strings"

// zwsp is a zero-width space written as an entity: the Markdown source
// stays ASCII, and in the rendered page it keeps GitHub from reading what
// follows as a mention, an issue reference or a link.
const zwsp = "&#8203;"

// Markdown escapes untrusted text for GitHub-flavoured Markdown prose, list
// items and table cells:
//   - HTML specials become entities, so "<img>" stays text;
//   - Markdown punctuation is backslash-escaped: no emphasis, code span,
//     link, image, heading, table cell break (|) or strike-through;
//   - "@name" cannot mention a user or team, "#12" cannot reference an
//     issue, and "https://" or "www." cannot become a link: a zero-width
//     space entity is put after the "@", the "#" or the ":";
//   - a leading list or quote marker is escaped;
//   - hidden characters (controls, bidi, zero-width, line breaks) are
//     written as visible escapes, and workflow commands are defused.
func Markdown(s string) string {
	s = Visible(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '@':
			b.WriteString("&#64;" + zwsp)
		case '#':
			b.WriteString(`\#`)
			if i+1 < len(s) && isAlnum(s[i+1]) {
				b.WriteString(zwsp)
			}
		case ':':
			b.WriteByte(':')
			if strings.HasPrefix(s[i+1:], "//") {
				b.WriteString(zwsp)
			}
		case '.':
			b.WriteByte('.')
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteString(zwsp)
			}
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '|', '~', '!', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// MarkdownCode writes untrusted text as an inline code span, in which GitHub
// shows every character as it is and links, mentions and HTML are dead. The
// fence is longer than any run of backticks inside. Hidden characters are
// made visible first. Not for table cells (a pipe would still end the cell
// there): use Markdown.
func MarkdownCode(s string) string {
	s = Visible(s)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

package escape

// TerminalMax is the most runes Terminal keeps of one piece of text: longer
// names are shortened, so no name can flood a terminal or a CI log and
// every table stays linear in what it shows.
const TerminalMax = 1000

// Terminal makes untrusted text inert on a terminal: it is shortened to
// TerminalMax runes, then every control character (ESC, so no CSI or OSC
// sequence; CR, LF, backspace; C1 codes), bidi override and zero-width
// character is written as a visible escape, and workflow commands are
// defused. The result is one line.
func Terminal(s string) string { return Visible(Shorten(s, TerminalMax)) }

// TerminalShort is Terminal for a place with n runes of room (a table cell,
// a chain link): s is cut to n runes with an ellipsis first.
func TerminalShort(s string, n int) string {
	if n <= 0 || n > TerminalMax {
		n = TerminalMax
	}
	return Visible(Shorten(s, n))
}

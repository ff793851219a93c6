package cmd

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the command's standard streams and what is known about them;
// tests use a twin that captures output.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutIsTerminal and ErrIsTerminal decide colour and progress display.
	OutIsTerminal bool
	ErrIsTerminal bool
	// Width is the terminal width of Out in columns; 0 when unknown.
	Width int
	// Getenv reads the environment (NO_COLOR, GITHUB_ACTIONS ...).
	Getenv func(string) string
}

// SystemIO returns the process's real streams.
func SystemIO() *IOStreams {
	width := 0
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		width = w
	}
	return &IOStreams{
		Width:         width,
		In:            os.Stdin,
		Out:           os.Stdout,
		ErrOut:        os.Stderr,
		OutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:        os.Getenv,
	}
}

// ColorEnabled reports whether styled output may go to Out: a terminal,
// NO_COLOR unset and TERM not "dumb".
func (s *IOStreams) ColorEnabled() bool {
	return s.OutIsTerminal && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// Progress writes a progress line to ErrOut, only when it is a terminal, so
// pipes and CI logs stay quiet.
func (s *IOStreams) Progress(format string, args ...any) {
	if s.ErrIsTerminal {
		fmtFprintf(s.ErrOut, "\r\x1b[2K"+format, args...)
	}
}

// ProgressDone ends a progress line.
func (s *IOStreams) ProgressDone() {
	if s.ErrIsTerminal {
		fmtFprintf(s.ErrOut, "\r\x1b[2K")
	}
}

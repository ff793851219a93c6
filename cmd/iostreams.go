package cmd

import (
	"io"
	"os"
	"sync"

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

	phases    *phases // progress of long runs; made on first use
	phaseOnce sync.Once
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

// Progress starts a phase of the run ("simulating 1000 nodes"), shown on
// ErrOut once the run has lasted 2 s: a redrawn line on a terminal, a plain
// line per phase in a log. UNTETHER_PROGRESS=off silences it.
func (s *IOStreams) Progress(format string, args ...any) {
	s.phaseReporter().begin(format, args...)
}

// ProgressDone ends the current phase.
func (s *IOStreams) ProgressDone() {
	s.phaseReporter().end()
}

func (s *IOStreams) phaseReporter() *phases {
	s.phaseOnce.Do(func() {
		w := s.ErrOut
		if s.getenv("UNTETHER_PROGRESS") == "off" {
			w = io.Discard // scripts that assert an empty stderr
		}
		s.phases = newPhases(w, s.ErrIsTerminal, nil)
	})
	return s.phases
}

// getenv reads the environment through Getenv, which tests may leave nil.
func (s *IOStreams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

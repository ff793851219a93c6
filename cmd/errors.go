package cmd

import (
	"errors"
	"fmt"
	"io"
)

// Exit statuses, the same for every command.
const (
	ExitOK         = 0
	ExitFindings   = 1 // findings that fail the gate
	ExitBadInput   = 2 // bad usage or bad input
	ExitIncomplete = 3 // discovery incomplete under --strict
)

// exitError carries an exit status chosen by a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks a mistake in how the command was called.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitBadInput, err: fmt.Errorf(format, args...)}
}

// errSilentFindings fails the gate after the report said everything.
var errGateFailed = errors.New("the gate failed")

// exitCode maps an error to its exit status: anything not known to be a
// gate failure or incomplete discovery is bad usage or bad input.
func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitBadInput
}

func fmtFprintf(w io.Writer, format string, args ...any) { fmt.Fprintf(w, format, args...) }

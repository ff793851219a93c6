package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// An Output is one file a run writes: its path as the user gave it and the
// function that renders its bytes.
type Output struct {
	Path  string // "-" is standard output
	Write func(io.Writer) error
}

// WriteFiles writes several outputs all or nothing. What each path is
// decides how it is written:
//   - a new path or an existing regular file is rendered into a temporary
//     file beside it; only when every output has been rendered are they all
//     renamed into place, so a failed or interrupted run leaves no partial
//     file and none of the other outputs either. An existing file keeps its
//     mode and owner; a new one gets the mode the umask gives.
//   - a symlink is followed and its target replaced the same way; the link
//     stays.
//   - a device, a FIFO, "-", /dev/stdout and /dev/fd/N are written in place
//     (after every file has been rendered): replacing them with a regular
//     file would break them. stdout is what "-" and /dev/stdout write to.
//
// Cancelling ctx (Ctrl-C) stops the writing and renames nothing; the error
// is then ctx's. Errors name the path as the user gave it.
func WriteFiles(ctx context.Context, stdout io.Writer, outs ...Output) (err error) {
	ts := make([]target, len(outs))
	seen := map[string]string{}
	for i, o := range outs {
		t, err := resolveTarget(o.Path, stdout)
		if err != nil {
			return fmt.Errorf("write %s: %w", o.Path, err)
		}
		if t.stream == nil {
			key, _ := filepath.Abs(t.path)
			if prev, dup := seen[key]; dup {
				return fmt.Errorf("write %s: the same file as %s; give each output its own file", o.Path, prev)
			}
			seen[key] = o.Path
		}
		ts[i] = t
	}
	var pending []*staged
	defer func() {
		if err != nil {
			discard(pending)
		}
	}()
	for i, t := range ts {
		if t.direct {
			continue
		}
		s, err := stage(ctx, t, outs[i].Write)
		if s != nil {
			pending = append(pending, s)
		}
		if err != nil {
			return err
		}
	}
	for i, t := range ts {
		if t.direct {
			if err := writeDirect(ctx, t, outs[i].Write); err != nil {
				return err
			}
		}
	}
	return commit(ctx, pending)
}

// WriteFile writes one output as WriteFiles does; "-" is os.Stdout.
func WriteFile(ctx context.Context, path string, write func(io.Writer) error) error {
	return WriteFiles(ctx, os.Stdout, Output{Path: path, Write: write})
}

// WriteFileAtomic is WriteFile for callers without a context.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return WriteFile(context.Background(), path, write)
}

// render runs write through a writer that fails once ctx is cancelled, so
// a long report stops soon after Ctrl-C. An interruption is reported as
// ctx's error, not as a failed write.
func render(ctx context.Context, t target, w io.Writer, write func(io.Writer) error) error {
	err := write(ctxWriter{ctx, w})
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", t.asked, err)
	}
	return nil
}

// writeDirect writes a device, FIFO or open stream in place. Write errors
// (a full device, a reader gone) are reported like any other.
func writeDirect(ctx context.Context, t target, write func(io.Writer) error) error {
	if t.stream != nil {
		return render(ctx, t, t.stream, write)
	}
	f, err := os.OpenFile(t.path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
	}
	if err := render(ctx, t, f, write); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", t.asked, unwrapPath(err))
	}
	return nil
}

// ctxWriter fails every write once its context is cancelled. Its errors
// carry no path: the caller names the output as the user gave it.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	return n, unwrapPath(err)
}

// unwrapPath drops the *fs.PathError around err: its path may be our
// temporary file or the resolved link, while messages name what the user
// asked for.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

//go:build unix

package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// These tests make their FIFOs and devices inside t.TempDir(): an output
// test must never name a real device.

func writeText(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemps fails when a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".untether-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestNewFileFollowsUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "a.json")
	if err := WriteFileAtomic(path, writeText("x")); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if got := fi.Mode().Perm(); got != 0o640 {
		t.Errorf("mode %v, want 0640 (0666 under umask 027)", got)
	}
}

func TestExistingFileKeepsItsMode(t *testing.T) {
	dir := t.TempDir()
	for _, mode := range []fs.FileMode{0o600, 0o755, 0o444} {
		path := filepath.Join(dir, "f"+strconv.Itoa(int(mode)))
		os.WriteFile(path, []byte("old"), 0o600)
		os.Chmod(path, mode)
		if err := WriteFileAtomic(path, writeText("new")); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(path)
		if fi.Mode().Perm() != mode || readFile(t, path) != "new" {
			t.Errorf("%v: got mode %v, content %q", mode, fi.Mode().Perm(), readFile(t, path))
		}
	}
	noTemps(t, dir)
}

// A symlink stays a symlink; its target gets the new bytes (relative links
// and chains of links included, and a dangling link creates its target).
func TestSymlinkTargetIsReplaced(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	target := filepath.Join(dir, "real", "estate.json")
	os.WriteFile(target, []byte("old"), 0o640)
	os.Symlink("real/estate.json", filepath.Join(dir, "link1"))
	os.Symlink(filepath.Join(dir, "link1"), filepath.Join(dir, "link2"))
	if err := WriteFileAtomic(filepath.Join(dir, "link2"), writeText("new")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"link1", "link2"} {
		fi, err := os.Lstat(filepath.Join(dir, l))
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink (%v)", l, err)
		}
	}
	fi, _ := os.Stat(target)
	if readFile(t, target) != "new" || fi.Mode().Perm() != 0o640 {
		t.Errorf("target: %q mode %v", readFile(t, target), fi.Mode().Perm())
	}
	noTemps(t, filepath.Join(dir, "real"))
	noTemps(t, dir)

	os.Symlink("missing.json", filepath.Join(dir, "dangling"))
	if err := WriteFileAtomic(filepath.Join(dir, "dangling"), writeText("made")); err != nil {
		t.Fatal(err)
	}
	if readFile(t, filepath.Join(dir, "missing.json")) != "made" {
		t.Error("a dangling link's target was not created")
	}

	os.Symlink("loop", filepath.Join(dir, "loop"))
	if err := WriteFileAtomic(filepath.Join(dir, "loop"), writeText("x")); err == nil {
		t.Error("a symlink loop was written")
	}
}

func TestFIFOIsWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteFileAtomic(fifo, writeText("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

// mknodChar makes a character device like /dev/null (1,3) or /dev/full
// (1,7) inside dir, or skips the test where that is not allowed.
func mknodChar(t *testing.T, dir, name string, minor int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
		t.Skipf("mknod not allowed here: %v", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("device nodes cannot be opened here: %v", err)
	}
	f.Close()
	return path
}

func TestCharDeviceIsWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	null := mknodChar(t, dir, "null", 3)
	if err := WriteFileAtomic(null, writeText("discarded")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(null); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v %v", fi.Mode(), err)
	}
	noTemps(t, dir)

	// A write that fails (a full device, made here in the temp dir) is
	// reported, not success.
	full := mknodChar(t, dir, "full", 7)
	err := WriteFileAtomic(full, writeText("no room"))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), full) {
		t.Errorf("err = %v, want ENOSPC naming %s", err, full)
	}
	if fi, err := os.Lstat(full); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v %v", fi.Mode(), err)
	}
}

// A symlink to the process's standard output writes to it.
func TestStandardOutputPaths(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out")
	os.Symlink("/proc/self/fd/1", link)
	var stdout bytes.Buffer
	err := WriteFiles(context.Background(), &stdout,
		Output{Path: "-", Write: writeText("a")},
		Output{Path: link, Write: writeText("b")})
	if err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "ab" {
		t.Errorf("stdout got %q", stdout.String())
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}

func TestDirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFileAtomic(dir, writeText("x")); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("err = %v", err)
	}
}

// Several outputs: one failure leaves none of them, and old files intact.
func TestSeveralOutputsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.md"), filepath.Join(dir, "c.html")
	os.WriteFile(b, []byte("old b"), 0o644)
	fail := func(io.Writer) error { return errors.New("boom") }
	var stdout bytes.Buffer
	err := WriteFiles(context.Background(), &stdout,
		Output{Path: a, Write: writeText("a")}, Output{Path: b, Write: writeText("b")},
		Output{Path: "-", Write: writeText("to stdout")}, Output{Path: c, Write: fail})
	if err == nil || !strings.Contains(err.Error(), c) {
		t.Fatalf("err = %v, want one naming %s", err, c)
	}
	if _, err := os.Stat(a); err == nil {
		t.Error("a.json was written by a failed run")
	}
	if readFile(t, b) != "old b" {
		t.Error("b.md was replaced by a failed run")
	}
	if stdout.Len() != 0 {
		t.Errorf("standard output got %q before the files were complete", stdout.String())
	}
	noTemps(t, dir)

	if err := WriteFiles(context.Background(), &stdout, Output{Path: a, Write: writeText("1")}, Output{Path: a, Write: writeText("2")}); err == nil {
		t.Error("two outputs to one file were accepted")
	}
}

// Cancelling (Ctrl-C) while rendering writes nothing and says so.
func TestInterruptedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteFile(ctx, path, func(w io.Writer) error {
		io.WriteString(w, "half")
		cancel()
		_, err := io.WriteString(w, "rest")
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// A process ending on a signal removes the temporary files of writes in
// progress, and nothing is renamed after that.
func TestAbortWritesRemovesTemporaryFiles(t *testing.T) {
	defer func() { live.Lock(); live.aborted = false; live.Unlock() }()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	err := WriteFile(context.Background(), path, func(w io.Writer) error {
		io.WriteString(w, "half")
		AbortWrites()
		return nil
	})
	if !errors.Is(err, errAborted) {
		t.Errorf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

//go:build unix

package graph

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A temporary file of a killed run is removed by the next write to the same
// file; one whose writer may still run is not. A process id taken by
// another process does not keep a dead run's file forever: an old file no
// one holds the lock of goes too.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip(err)
	}
	alive := os.Getppid() // the go command: a live process that is not this one
	old := time.Now().Add(-2 * staleAfter)
	stale := filepath.Join(dir, tempName("a.json", dead.Process.Pid, 1))
	young := filepath.Join(dir, tempName("a.json", alive, 1))  // its writer may be at work
	reused := filepath.Join(dir, tempName("a.json", alive, 2)) // old and unlocked: the id was reused
	held := filepath.Join(dir, tempName("a.json", alive, 3))   // old but locked: a long run
	other := filepath.Join(dir, tempName("b.json", dead.Process.Pid, 1))
	for _, f := range []string{stale, young, reused, held, other} {
		os.WriteFile(f, []byte("partial"), 0o600)
	}
	for _, f := range []string{reused, held} {
		os.Chtimes(f, old, old)
	}
	release := holdTemp(held)
	defer release()
	if err := WriteFileAtomic(filepath.Join(dir, "a.json"), writeText("x")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{stale, reused} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s is still there", filepath.Base(f))
		}
	}
	for _, f := range []string{young, held, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
	long := strings.Repeat("n", 250)
	if err := WriteFileAtomic(filepath.Join(dir, long), writeText("x")); err != nil {
		t.Errorf("a 250-byte file name: %v", err)
	}
}

// A run killed with SIGKILL in the middle of writing leaves its temporary
// file; the next run writing the same file removes it.
func TestKilledRunsTemporaryFileIsCleanedByTheNextRun(t *testing.T) {
	if path := os.Getenv("UNTETHER_TEST_HANG_WRITING"); path != "" {
		WriteFileAtomic(path, func(w io.Writer) error {
			io.WriteString(w, "half")
			os.Stdout.WriteString("writing\n")
			time.Sleep(time.Hour) // until killed
			return nil
		})
		return
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "audit.json")
	child := exec.Command(os.Args[0], "-test.run=^TestKilledRunsTemporaryFileIsCleanedByTheNextRun$")
	child.Env = append(os.Environ(), "UNTETHER_TEST_HANG_WRITING="+target)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Skip(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
		child.Process.Kill()
		t.Fatalf("the child did not start writing: %q %v", line, err)
	}
	child.Process.Signal(syscall.SIGKILL)
	child.Wait()
	left, _ := filepath.Glob(filepath.Join(dir, ".audit.json.untether-*.tmp"))
	if len(left) != 1 {
		t.Fatalf("the killed run left %v, want one temporary file", left)
	}
	if err := WriteFileAtomic(target, writeText("whole")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left[0]); err == nil {
		t.Errorf("the next run left the killed run's %s", filepath.Base(left[0]))
	}
	if got := readFile(t, target); got != "whole" {
		t.Errorf("target = %q", got)
	}
}

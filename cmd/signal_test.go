//go:build unix

package cmd

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C while the reports are being written ends with exit 130 and no
// file: the real binary writes an HTML report into a FIFO (made in a temp
// dir) and a JSON file beside it, and is interrupted once the FIFO has
// started to fill. With the reader draining, the write notices at once;
// with nobody reading, the 3 s grace ends the process and its temporary
// files go with it.
func TestSignalDuringWriteLeavesNoFile(t *testing.T) {
	bin, err := exec.LookPath("untether") // put on PATH by testscript.Main
	if err != nil {
		t.Skip(err)
	}
	for _, drain := range []bool{true, false} {
		name := "reader-draining"
		if !drain {
			name = "reader-stalled"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			fifo := filepath.Join(dir, "report.html")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip(err)
			}
			var stderr bytes.Buffer
			c := exec.Command(bin, "audit", "--demo", "--format", "html", "-o", fifo, "--output", "json="+filepath.Join(dir, "audit.json"))
			c.Stderr = &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(fifo) // returns once the child opens it to write
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.Read(make([]byte, 1)); err != nil {
				t.Fatal(err)
			}
			c.Process.Signal(os.Interrupt)
			if drain {
				time.Sleep(200 * time.Millisecond) // let the signal reach the child before it can finish
				go io.Copy(io.Discard, f)
			}
			err = c.Wait()
			if code := c.ProcessState.ExitCode(); code != 130 {
				t.Errorf("exit %d (%v), want 130; stderr: %s", code, err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "no output file was written") {
				t.Errorf("stderr: %q", stderr.String())
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "report.html" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

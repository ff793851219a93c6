package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// UNTETHER_MEMPROFILE writes a heap profile (gzipped protobuf) and says the
// peak figures on standard error; UNTETHER_CPUPROFILE writes a CPU profile;
// UNTETHER_TRACE writes an execution trace.
func TestProfilesAreWritten(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{
		"UNTETHER_MEMPROFILE": filepath.Join(dir, "heap.prof"),
		"UNTETHER_CPUPROFILE": filepath.Join(dir, "cpu.prof"),
		"UNTETHER_TRACE":      filepath.Join(dir, "run.trace"),
		"UNTETHER_PROGRESS":   "off",
	}
	var stderr bytes.Buffer
	ios := &IOStreams{Out: &bytes.Buffer{}, ErrOut: &stderr, Getenv: func(k string) string { return env[k] }}
	if code := Run([]string{"audit", "--demo", "-o", filepath.Join(dir, "out.txt")}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"heap.prof", "cpu.prof"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s: not a gzipped profile (%v, %d bytes)", f, err, len(b))
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "run.trace")); err != nil || !bytes.HasPrefix(b, []byte("go 1.")) {
		t.Errorf("run.trace: not an execution trace (%v, %d bytes)", err, len(b))
	}
	for _, want := range []string{"UNTETHER_MEMPROFILE: peak live heap", "peak RSS", "collections"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, stderr.String())
		}
	}
}

package cmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate"
)

func captureIO() (*IOStreams, *bytes.Buffer) {
	var out bytes.Buffer
	return &IOStreams{Out: &out, ErrOut: &bytes.Buffer{}, Getenv: func(string) string { return "" }}, &out
}

// An interrupted run writes nothing: no report, no partial file.
func TestInterruptedRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "audit.json")
	r := reportOptions{format: "table", outputs: []string{"json=" + file}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ios, out := captureIO()
	err := r.write(ctx, ios, report.NewAudit(&simulate.Audit{}, report.AuditInput{}))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q to standard output", out.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

// Every report of one run is written, each in its own format.
func TestWriteSeveralReports(t *testing.T) {
	dir := t.TempDir()
	r := reportOptions{format: "json", outputs: []string{"markdown=" + filepath.Join(dir, "a.md"), "json=" + filepath.Join(dir, "a.json")}}
	ios, out := captureIO()
	if err := r.write(context.Background(), ios, report.NewAudit(&simulate.Audit{Version: 1}, report.AuditInput{})); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "a.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, out.Bytes()) {
		t.Errorf("the json file and standard output differ")
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"json", "=x", "pdf=x.pdf"} {
		r := reportOptions{format: "table", outputs: []string{bad}}
		if _, err := r.targets(); exitCode(err) != ExitBadInput {
			t.Errorf("--output %q: err %v, want a usage error", bad, err)
		}
	}
}

// A report that cannot be rendered fails the run and leaves none of the
// other files of the run: several --output files are all or nothing.
func TestSeveralReportsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	// JSON renders any result; sarif cannot show a simulation.
	r := reportOptions{format: "json", outFile: filepath.Join(dir, "a.json"), outputs: []string{"sarif=" + filepath.Join(dir, "a.sarif")}}
	ios, out := captureIO()
	err := r.write(context.Background(), ios, report.NewSimulation(&simulate.Simulation{}))
	if err == nil {
		t.Fatal("an unrenderable report was accepted")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed run left %v", entries)
	}
	if out.Len() != 0 {
		t.Errorf("standard output got %q", out.String())
	}
}

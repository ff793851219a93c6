package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A run shorter than 2 s prints no progress; a longer one prints each phase
// with its count and, in a log, how long it took.
func TestPhasesOnlyForLongRuns(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	var log bytes.Buffer
	p := newPhases(&log, false, func() time.Time { return now })
	p.begin("simulating %d nodes", 10)
	p.end()
	if log.Len() != 0 {
		t.Errorf("a quick run printed %q", log.String())
	}
	now = start.Add(3 * time.Second)
	p.memory = func() string { return "10 MiB of 1.0 GiB" }
	p.begin("simulating %d nodes", 1000000)
	if p.current() != "simulating 1000000 nodes" {
		t.Errorf("current phase %q", p.current())
	}
	now = now.Add(1500 * time.Millisecond)
	p.begin("writing %d report(s)", 2)
	p.end()
	want := "untether: simulating 1000000 nodes ... 3s, memory 10 MiB of 1.0 GiB\n" +
		"untether: simulating 1000000 nodes done in 1.5s\n" +
		"untether: writing 2 report(s) ... 4.5s, memory 10 MiB of 1.0 GiB\n" +
		"untether: writing 2 report(s) done in 0s\n"
	if log.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", log.String(), want)
	}

	var tty bytes.Buffer
	p = newPhases(&tty, true, func() time.Time { return now })
	now = now.Add(5 * time.Second)
	p.begin("planning over %d nodes", 5)
	p.end()
	if s := tty.String(); !strings.HasPrefix(s, "\r\x1b[2Kuntether: planning over 5 nodes") || !strings.HasSuffix(s, "\r\x1b[2K") {
		t.Errorf("terminal got %q", s)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"2GiB": 2 << 30, "512MiB": 512 << 20, "4G": 4 << 30, "1.5GB": 1.5e9, "100000000": 1e8, " 64 MiB ": 64 << 20} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "lots", "-1G", "0", "1KiB", "NaN", "1e300GiB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

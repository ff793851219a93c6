package discover

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/graph"
)

func TestPagesStopAtRepeatedTokenAndCap(t *testing.T) {
	p := NewPages(context.Background())
	for _, tok := range []string{"a", "b"} {
		if err := p.Next(tok); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Next("a"); !errors.Is(err, ErrPaging) || !strings.Contains(err.Error(), "already given") {
		t.Errorf("repeated token: %v", err)
	}
	ctx, cancel := NewRun("x", RunOptions{MaxPages: 3}).Context(context.Background())
	defer cancel()
	p = NewPages(ctx)
	var err error
	for i := 0; err == nil && i < 10; i++ {
		err = p.Next(string(rune('a' + i)))
	}
	var pe *PagingError
	if !errors.As(err, &pe) || pe.Pages != 3 || !strings.Contains(err.Error(), "--max-pages") {
		t.Errorf("page cap: %v", err)
	}
	if err := NewPages(context.Background()).Next(""); err != nil {
		t.Errorf("a last page is no error: %v", err)
	}
}

func TestTransportRetries429HonouringRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	run := NewRun("x", RunOptions{MaxBackoff: time.Millisecond})
	c := &http.Client{Transport: run.Transport(srv.Client().Transport)}
	start := time.Now()
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || n.Load() != 2 {
		t.Errorf("status %d after %d calls", resp.StatusCode, n.Load())
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("Retry-After: 1 was not honoured (%v)", d)
	}
	if p := run.Progress(); p.Calls != 2 || p.Throttles != 1 {
		t.Errorf("progress %+v", p)
	}
}

func TestTransportGivesUpAfterMaxAttempts(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	run := NewRun("x", RunOptions{MaxAttempts: 3, MaxBackoff: time.Millisecond})
	resp, err := (&http.Client{Transport: run.Transport(nil)}).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || n.Load() != 3 {
		t.Errorf("status %d after %d calls, want 429 after 3", resp.StatusCode, n.Load())
	}
}

func TestTransportBoundsInFlightAndTimesOut(t *testing.T) {
	var in, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cur := in.Add(1)
		defer in.Add(-1)
		for {
			m := most.Load()
			if cur <= m || most.CompareAndSwap(m, cur) {
				break
			}
		}
		if r.URL.Path == "/hang" {
			<-r.Context().Done()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}))
	defer srv.Close()
	run := NewRun("x", RunOptions{Concurrency: 2, CallTimeout: 2 * time.Second, MaxAttempts: 1})
	c := &http.Client{Transport: run.Transport(nil)}
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			if resp, err := c.Get(srv.URL); err == nil {
				resp.Body.Close()
			}
		}()
	}
	for range 8 {
		<-done
	}
	if most.Load() > 2 {
		t.Errorf("%d in flight with --concurrency 2", most.Load())
	}
	run = NewRun("x", RunOptions{CallTimeout: 50 * time.Millisecond, MaxAttempts: 2, MaxBackoff: time.Millisecond})
	_, err := (&http.Client{Transport: run.Transport(nil)}).Get(srv.URL + "/hang")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a hanging call must time out, got %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "3": 3 * time.Second, "junk": 0, "-4": 0, "99999999": maxRetryAfter,
		now.Add(10 * time.Second).Format(http.TimeFormat): 10 * time.Second,
	} {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := RetryAfter(h, now); got != want {
			t.Errorf("RetryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestDeadlineIsACutNotAnInterrupt(t *testing.T) {
	run := NewRun("x", RunOptions{Deadline: 10 * time.Millisecond})
	ctx, cancel := run.Context(context.Background())
	defer cancel()
	<-ctx.Done()
	if interrupted, cut := Stopped(ctx); interrupted || !cut {
		t.Errorf("deadline: interrupted=%v cut=%v", interrupted, cut)
	}
	parent, stop := context.WithCancel(context.Background())
	ctx, cancel = NewRun("x", RunOptions{Deadline: time.Hour}).Context(parent)
	defer cancel()
	stop()
	if interrupted, cut := Stopped(ctx); !interrupted || cut {
		t.Errorf("Ctrl-C: interrupted=%v cut=%v", interrupted, cut)
	}
}

// fakeCollector is enabled by --fake and yields one node and one gap.
type fakeCollector struct{ on bool }

func (f *fakeCollector) Name() string            { return "fake" }
func (f *fakeCollector) Flags(fs *pflag.FlagSet) { fs.BoolVar(&f.on, "fake", false, "") }
func (f *fakeCollector) Enabled() bool           { return f.on }
func (f *fakeCollector) Describe() string        { return "fake" }
func (f *fakeCollector) Collect(ctx context.Context, run *Run) (*graph.Estate, error) {
	b := graph.NewBuilder()
	b.Node(graph.Node{ID: "fake:1", Class: graph.ClassResource, Provider: "fake", Kind: "vm", Evidence: "fake"})
	b.Gap(graph.Gap{Provider: "fake", Status: graph.GapDenied, Detail: "denied"})
	return b.Estate()
}

func TestLoadMergesFilesAndCollectors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"a":`), 0o644)
	if _, err := Load(context.Background(), Spec{Files: []string{bad}}); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("a broken file must be named: %v", err)
	}
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`{"a":1}`), 0o644)
	if _, err := Load(context.Background(), Spec{Files: []string{other}}); err == nil || !strings.Contains(err.Error(), "not a SOURCE") {
		t.Errorf("an unknown JSON must be refused: %v", err)
	}
	var u *UsageError
	if _, err := Load(context.Background(), Spec{Collectors: []Collector{&fakeCollector{}}}); !errors.As(err, &u) {
		t.Errorf("no source is a usage error: %v", err)
	}
	c := &fakeCollector{}
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	c.Flags(fs)
	fs.Parse([]string{"--fake"})
	e, err := Load(context.Background(), Spec{Demo: true, Collectors: []Collector{c}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range e.Nodes {
		found = found || n.ID == "fake:1"
	}
	if !found || len(e.Gaps) == 0 || len(e.Nodes) < 10 {
		t.Errorf("demo and collector not merged: %d nodes, %d gaps", len(e.Nodes), len(e.Gaps))
	}
	if err := (RunOptions{Concurrency: 0, CallTimeout: time.Second, MaxPages: 1}).Check(); !errors.As(err, &u) {
		t.Errorf("bad runner flags are a usage error: %v", err)
	}
}

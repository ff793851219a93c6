package report

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The report is opened in a real headless Chromium: it must render with no
// console error, no request but the page itself, its sections visible, and
// htmlHostile names shown as text. A PNG screenshot is kept for a human to look
// at (in $UNTETHER_SCREENSHOT_DIR when set).

func findBrowser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const missing = "no chromium, chromium-browser or google-chrome in PATH: install one (Debian: apt-get install chromium) to run the browser test"
	if os.Getenv("UNTETHER_REQUIRE_BROWSER") != "" {
		// CI installs Chromium: a missing browser there is a failure, not a skip.
		t.Fatal(missing)
	}
	t.Skip(missing)
	return ""
}

// browserEvents records what the page did, from the listener's goroutine.
type browserEvents struct {
	mu       sync.Mutex
	console  []string
	requests []string
	dialogs  []string
}

func (b *browserEvents) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		b.console = append(b.console, fmt.Sprintf("console.%s", e.Type))
	case *runtime.EventExceptionThrown:
		b.console = append(b.console, "exception: "+e.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
			b.console = append(b.console, fmt.Sprintf("%s %s: %s", e.Entry.Level, e.Entry.Source, e.Entry.Text))
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, e.Message)
	}
}

// openInBrowser serves page on 127.0.0.1, opens it, runs check, writes a
// full-page screenshot named shot and fails on any console message, dialog
// or request other than the page.
func openInBrowser(t *testing.T, body []byte, shot string, check func(ctx context.Context) error) {
	bin := findBrowser(t)
	var hits []string
	var hmu sync.Mutex
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hmu.Lock()
		hits = append(hits, r.URL.Path)
		hmu.Unlock()
		if r.URL.Path != "/report.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	url := srv.URL + "/report.html"

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	defer cancelAlloc()
	var ev browserEvents
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(ev.listen))
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // start the browser without a timeout (see chromedp.Run)
		t.Fatalf("start %s: %v", bin, err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
	defer tcancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#appendix"))); err != nil {
		t.Fatalf("open report: %v", err)
	}
	if err := check(tctx); err != nil {
		t.Error(err)
	}
	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("UNTETHER_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, shot)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(png))
	time.Sleep(300 * time.Millisecond) // let late requests (a favicon) show up

	ev.mu.Lock()
	defer ev.mu.Unlock()
	for _, c := range ev.console {
		t.Errorf("console: %s", c)
	}
	for _, d := range ev.dialogs {
		t.Errorf("the page opened a dialog: %q", d)
	}
	for _, r := range ev.requests {
		if r != url {
			t.Errorf("the page requested %s", r)
		}
	}
	hmu.Lock()
	defer hmu.Unlock()
	if strings.Join(hits, " ") != "/report.html" {
		t.Errorf("server saw requests %v, want only /report.html", hits)
	}
}

func TestHTMLInBrowser(t *testing.T) {
	a, x := fullExtras(t)
	openInBrowser(t, renderHTML(t, a, x), "report.png", func(ctx context.Context) error {
		for _, sel := range []string{"#headline", "#risks", "#scenarios", "#lockin", "#plan", "#map", "#appendix", "#map svg .n-spof", "#scenarios svg rect.seg-crit"} {
			sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := chromedp.Do(sctx, chromedp.WaitVisible(chromedp.CSS(sel)))
			cancel()
			if err != nil {
				return fmt.Errorf("%s not visible: %w", sel, err)
			}
		}
		sentence, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".sentence").textContent`))
		if err != nil {
			return err
		}
		if !strings.HasPrefix(sentence, "If AWS us-east-1 fails") {
			return fmt.Errorf("headline sentence is %q", sentence)
		}
		// The stylesheet applied: a CSP hash mismatch would leave it unstyled.
		bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".masthead")).backgroundColor`))
		if err != nil {
			return err
		}
		if bg != "rgb(20, 35, 58)" {
			return fmt.Errorf("stylesheet not applied: masthead background %q", bg)
		}
		return nil
	})
}

func TestHTMLHostileInBrowser(t *testing.T) {
	a, x := htmlHostileInput(t)
	openInBrowser(t, renderHTML(t, a, x), "hostile.png", func(ctx context.Context) error {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script, img, iframe, object, embed, [onerror], [onload], [onclick]").length`))
		if err != nil {
			return err
		}
		if n != 0 {
			return fmt.Errorf("htmlHostile names created %d active elements", n)
		}
		txt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if err != nil {
			return err
		}
		if !strings.Contains(txt, "<script>alert(1)</script>") {
			return fmt.Errorf("the htmlHostile name is not shown as text")
		}
		return nil
	})
}

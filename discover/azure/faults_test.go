package azure

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/graph"
)

func gapWith(e *graph.Estate, status, text string) *graph.Gap {
	for i, g := range e.Gaps {
		if g.Status == status && strings.Contains(g.Detail, text) {
			return &e.Gaps[i]
		}
	}
	return nil
}

func hasNode(e *graph.Estate, id string) bool {
	for _, n := range e.Nodes {
		if n.ID == id {
			return true
		}
	}
	return false
}

var pgLedger = azurefake.ID(azurefake.SubData, "rg-data", "Microsoft.DBforPostgreSQL/flexibleServers", "pg-ledger")
var vmBatch = shopID("rg-shop", "Microsoft.Compute/virtualMachines", "vm-batch")

// TestWireProtocol checks what reaches Resource Graph: only the query
// call, with the body of the real API, a query that keeps the $skipToken,
// and pages of the size asked for.
func TestWireProtocol(t *testing.T) {
	s := fixtureFake(t)
	e := collect(t, s, func(o *Options) { o.PageSize = 7 }, fastRun())
	if len(e.Gaps) != 0 {
		t.Fatalf("gaps on a healthy fake: %+v", e.Gaps)
	}
	calls := s.Calls()
	rows := len(azurefake.Fixture())
	if want := (rows + 6) / 7; len(calls) != want {
		t.Errorf("%d calls for %d rows at 7 a page, want %d", len(calls), rows, want)
	}
	for i, c := range calls {
		if c.Method != http.MethodPost || c.Path != azurefake.QueryPath || c.Status != http.StatusOK {
			t.Errorf("call %d: %s %s -> %d, want only successful query calls", i, c.Method, c.Path, c.Status)
		}
		q := c.Query
		if q.Options.ResultFormat != "objectArray" || q.Options.Top == nil || *q.Options.Top != 7 {
			t.Errorf("call %d options: %+v", i, q.Options)
		}
		if (i == 0) != (q.Options.SkipToken == "") {
			t.Errorf("call %d: $skipToken %q", i, q.Options.SkipToken)
		}
		low := strings.ToLower(q.Query)
		for _, bad := range []string{"| limit", "| take"} {
			if strings.Contains(low, bad) {
				t.Errorf("query has %q, which drops the $skipToken", bad)
			}
		}
		if !strings.Contains(low, "| project id,") || !strings.Contains(low, "order by id") || !strings.Contains(low, "resourcecontainers") {
			t.Errorf("query must project id, order by id and read subscriptions:\n%s", q.Query)
		}
	}
	if !hasNode(e, pgLedger) || !hasNode(e, vmBatch) {
		t.Errorf("rows of both subscriptions must arrive")
	}
}

// TestFakeRefusesAllButTheQuery proves the fake would catch any other call.
func TestFakeRefusesAllButTheQuery(t *testing.T) {
	s := fixtureFake(t)
	for _, c := range []struct{ method, path string }{
		{http.MethodGet, azurefake.QueryPath + "?api-version=2024-04-01"},
		{http.MethodPut, "/subscriptions/x/resourceGroups/rg?api-version=2021-04-01"},
		{http.MethodDelete, azurefake.QueryPath + "?api-version=2024-04-01"},
		{http.MethodPost, azurefake.QueryPath},
	} {
		req, _ := http.NewRequest(c.method, s.URL+c.path, strings.NewReader("{}"))
		req.Header.Set("Authorization", "Bearer x")
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s %s -> %d, want 405", c.method, c.path, resp.StatusCode)
		}
	}
}

// TestDeniedSubscription: Resource Graph refuses a whole query that names a
// subscription the identity cannot read; the readable one is still read.
func TestDeniedSubscription(t *testing.T) {
	s := fixtureFake(t)
	s.Denied[azurefake.SubData] = true
	e := collect(t, s, func(o *Options) { o.Subscriptions = []string{azurefake.SubShop, azurefake.SubData} }, fastRun())
	g := gapWith(e, graph.GapDenied, "Reader role")
	if g == nil || g.Account != azurefake.SubData {
		t.Fatalf("no denied gap for %s: %+v", azurefake.SubData, e.Gaps)
	}
	if !hasNode(e, vmBatch) || hasNode(e, pgLedger) {
		t.Errorf("the readable subscription must be read, the denied one not")
	}
	if len(e.Gaps) != 1 {
		t.Errorf("want one gap, got %+v", e.Gaps)
	}
}

// TestUnknownSubscription: a subscription asked for that yields nothing is
// a gap, never an empty subscription.
func TestUnknownSubscription(t *testing.T) {
	e := collect(t, fixtureFake(t), func(o *Options) {
		o.Subscriptions = []string{azurefake.SubShop, "00000000-0000-0000-0000-00000000dead"}
	}, fastRun())
	if g := gapWith(e, graph.GapDenied, "returned nothing"); g == nil || g.Account != "00000000-0000-0000-0000-00000000dead" {
		t.Fatalf("no gap for the missing subscription: %+v", e.Gaps)
	}
}

// TestThrottleStormEnds: 429s that outlast the attempts end within the
// bound and leave a gap; a short storm is ridden out.
func TestThrottleStormEnds(t *testing.T) {
	s := fixtureFake(t)
	s.Throttle, s.RetryAfter = 1_000_000, 0
	start := time.Now()
	e := collect(t, s, nil, fastRun())
	if time.Since(start) > 5*time.Second {
		t.Errorf("a 429 storm took %s", time.Since(start))
	}
	if g := gapWith(e, graph.GapFailed, "HTTP 429"); g == nil {
		t.Fatalf("no throttling gap: %+v", e.Gaps)
	}
	if n := len(s.Calls()); n != fastRun().MaxAttempts {
		t.Errorf("%d attempts, want %d", n, fastRun().MaxAttempts)
	}

	s2 := fixtureFake(t)
	s2.Throttle, s2.RetryAfter = 2, 0
	if e := collect(t, s2, nil, fastRun()); len(e.Gaps) != 0 || !hasNode(e, vmBatch) {
		t.Errorf("a short storm must be ridden out: gaps %+v", e.Gaps)
	}
}

// TestRetryAfterHonoured: the wait before the retry is the server's.
func TestRetryAfterHonoured(t *testing.T) {
	s := fixtureFake(t)
	s.Throttle, s.RetryAfter = 1, 1
	start := time.Now()
	collect(t, s, nil, fastRun())
	if d := time.Since(start); d < time.Second {
		t.Errorf("retried after %s, before Retry-After: 1", d)
	}
}

func TestMalformedPage(t *testing.T) {
	s := fixtureFake(t)
	s.MalformedPage = 2
	e := collect(t, s, func(o *Options) { o.PageSize = 10 }, fastRun())
	if gapWith(e, graph.GapFailed, "malformed Resource Graph page 2") == nil {
		t.Fatalf("no malformed-page gap: %+v", e.Gaps)
	}
	if len(e.Nodes) == 0 {
		t.Errorf("rows of page 1 must be kept")
	}
}

func TestTruncatedResult(t *testing.T) {
	s := fixtureFake(t)
	s.Truncate = true
	e := collect(t, s, func(o *Options) { o.PageSize = 10 }, fastRun())
	if gapWith(e, graph.GapFailed, "resultTruncated") == nil {
		t.Fatalf("no truncation gap: %+v", e.Gaps)
	}
}

func TestSubscriptionLimitHeader(t *testing.T) {
	s := fixtureFake(t)
	s.SubscriptionCap = true
	e := collect(t, s, nil, fastRun())
	if g := gapWith(e, graph.GapFailed, "10,000 subscriptions"); g == nil || !strings.Contains(g.Detail, "--azure-management-group") {
		t.Fatalf("no subscription-limit gap with its fix: %+v", e.Gaps)
	}
}

// TestQuotaPacing: with the quota nearly spent the collector waits for the
// window to reset rather than being throttled.
func TestQuotaPacing(t *testing.T) {
	s := fixtureFake(t)
	s.Quota, s.QuotaWindow = 2, 300*time.Millisecond
	start := time.Now()
	e := collect(t, s, func(o *Options) { o.PageSize = 10 }, fastRun())
	if len(e.Gaps) != 0 {
		t.Fatalf("gaps: %+v", e.Gaps)
	}
	if time.Since(start) < 300*time.Millisecond {
		t.Errorf("%d pages within one quota window of 2 queries: no pacing", len(s.Calls()))
	}
}

func TestResetsAfter(t *testing.T) {
	for in, want := range map[string]time.Duration{"00:00:03": 3 * time.Second, "00:01:00.5": 60500 * time.Millisecond, "bad": -1, "1:2": -1} {
		got, ok := parseResetsAfter(in)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

// TestManagementGroupScope sends the group, not subscriptions.
func TestManagementGroupScope(t *testing.T) {
	s := fixtureFake(t)
	s.Groups["mg-prod"] = []string{azurefake.SubData}
	e := collect(t, s, func(o *Options) { o.ManagementGroups = []string{"mg-prod"} }, fastRun())
	c := s.Calls()[0].Query
	if len(c.ManagementGroups) != 1 || c.ManagementGroups[0] != "mg-prod" || len(c.Subscriptions) != 0 {
		t.Errorf("scope sent: %+v", c)
	}
	if !hasNode(e, pgLedger) || hasNode(e, vmBatch) {
		t.Errorf("only the group's subscription must be read")
	}
}

func TestCancelStops(t *testing.T) {
	s := fixtureFake(t)
	s.PageDelay = 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := Collect(ctx, discover.NewRun(provider, fastRun()), fakeOptions(s)); err == nil {
		t.Errorf("a cancelled run must fail, not return a partial estate")
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{Cloud: "mars"}, {Endpoint: "http://plain.example"}} {
		_, err := Collect(context.Background(), discover.NewRun(provider, fastRun()), o)
		var ue *discover.UsageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: want a usage error, got %v", o, err)
		}
	}
}

// TestSubscriptionsAndGroups: each kind of scope is its own query.
func TestSubscriptionsAndGroups(t *testing.T) {
	s := fixtureFake(t)
	s.Groups["mg-data"] = []string{azurefake.SubData}
	e := collect(t, s, func(o *Options) {
		o.Subscriptions, o.ManagementGroups = []string{azurefake.SubShop}, []string{"mg-data"}
	}, fastRun())
	for _, c := range s.Calls() {
		if len(c.Query.Subscriptions) > 0 && len(c.Query.ManagementGroups) > 0 {
			t.Errorf("one query names both kinds of scope: %+v", c.Query)
		}
	}
	if !hasNode(e, pgLedger) || !hasNode(e, vmBatch) || len(e.Gaps) != 0 {
		t.Errorf("both scopes must be read without gaps: %+v", e.Gaps)
	}
}

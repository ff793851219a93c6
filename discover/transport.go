package discover

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Doer sends one HTTP request (the AWS SDK's HTTPClient, *http.Client).
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// acquire takes one of the run's slots and bounds the attempt by the call
// timeout; release (idempotent) gives both back.
func (r *Run) acquire(ctx context.Context) (context.Context, func(), error) {
	select {
	case r.slots <- struct{}{}: // blocked senders are served in order
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	cctx, cancel := context.WithTimeout(ctx, r.opt.CallTimeout)
	var once sync.Once
	return cctx, func() { once.Do(func() { cancel(); <-r.slots }) }, nil
}

// Client wraps a client whose caller retries by itself (the AWS SDK's
// retryer, which uses Backoff): each attempt holds a slot until its body
// is closed, is bounded by the call timeout, and is counted.
func (r *Run) Client(inner Doer) Doer { return &limitedClient{run: r, inner: inner} }

type limitedClient struct {
	run   *Run
	inner Doer
}

func (c *limitedClient) Do(req *http.Request) (*http.Response, error) {
	ctx, release, err := c.run.acquire(req.Context())
	if err != nil {
		return nil, err
	}
	c.run.CountCall()
	resp, err := c.inner.Do(req.WithContext(ctx))
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, done: release}
	return resp, nil
}

// Transport wraps a transport for SDKs that do not retry throttling
// themselves (the Google REST clients retry only 503/504): on top of what
// Client does, it retries HTTP 429 and transient 5xx answers and network
// failures of replayable requests, MaxAttempts in all, sleeping Backoff
// (at least the server's Retry-After) between attempts without holding a
// slot.
func (r *Run) Transport(inner http.RoundTripper) http.RoundTripper {
	if inner == nil {
		inner = http.DefaultTransport
	}
	return &retryingTransport{run: r, inner: inner}
}

type retryingTransport struct {
	run   *Run
	inner http.RoundTripper
}

func (t *retryingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	for attempt := 0; ; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req.Body = body
		}
		ctx, release, err := t.run.acquire(req.Context())
		if err != nil {
			return nil, err
		}
		t.run.CountCall()
		resp, err := t.inner.RoundTrip(req.WithContext(ctx))
		last := attempt+1 >= t.run.opt.MaxAttempts || !replayable
		if err != nil {
			release()
			if last || req.Context().Err() != nil {
				return nil, err
			}
			if serr := Sleep(req.Context(), t.run.Backoff(attempt, 0)); serr != nil {
				return nil, serr
			}
			continue
		}
		retry := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusBadGateway ||
			resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout
		if resp.StatusCode == http.StatusTooManyRequests {
			t.run.CountThrottle()
		}
		if !retry || last {
			resp.Body = &releasingBody{ReadCloser: resp.Body, done: release}
			return resp, nil
		}
		wait := RetryAfter(resp.Header, time.Now())
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // keep the connection
		resp.Body.Close()
		release()
		if err := Sleep(req.Context(), t.run.Backoff(attempt, wait)); err != nil {
			return nil, err
		}
	}
}

// releasingBody gives the slot back when the SDK has read the response.
type releasingBody struct {
	io.ReadCloser
	done func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.done()
	return err
}

// Backoff is the wait before retry number attempt+1: exponential with full
// jitter (so a burst of throttled calls does not come back at once),
// capped at MaxBackoff, and never shorter than the server's Retry-After.
func (r *Run) Backoff(attempt int, retryAfter time.Duration) time.Duration {
	ceiling := r.opt.MaxBackoff
	if attempt < 30 {
		ceiling = min(ceiling, 100*time.Millisecond<<attempt)
	}
	d := time.Duration(rand.Int64N(int64(ceiling) + 1))
	return max(d, retryAfter)
}

// maxRetryAfter bounds what a server may make us wait for one call; a
// longer wait is served by the deadline, not by sleeping.
const maxRetryAfter = 5 * time.Minute

// RetryAfter reads a Retry-After header (seconds or an HTTP date); zero when
// absent or unreadable.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		d = time.Duration(s) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}

// Sleep waits d, or until ctx ends (its error then). Collectors that pace
// their own calls use it too.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

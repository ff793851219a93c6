package aws

import (
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// limitedClient is the HTTP client every SDK client of a run shares: it
// holds one of Concurrency slots from sending a request until its body is
// closed, bounds each attempt with the per-call timeout, and counts calls.
type limitedClient struct {
	inner   sdkaws.HTTPClient
	slots   chan struct{}
	timeout time.Duration
	onCall  func()
}

// limit wraps the client a loaded configuration carries (with any custom
// CA bundle applied), or the caller's own; all wrappers of a run share its
// slots.
func (r *run) limit(inner sdkaws.HTTPClient) *limitedClient {
	if r.opt.HTTPClient != nil {
		inner = r.opt.HTTPClient
	}
	if inner == nil {
		inner = awshttp.NewBuildableClient()
	}
	if b, ok := inner.(*awshttp.BuildableClient); ok {
		// With --aws-endpoint-url every call goes to one host: keep a
		// connection per slot rather than reconnecting.
		inner = b.WithTransportOptions(func(tr *http.Transport) {
			tr.MaxIdleConnsPerHost = max(tr.MaxIdleConnsPerHost, r.opt.Concurrency)
			tr.MaxIdleConns = max(tr.MaxIdleConns, r.opt.Concurrency)
		})
	}
	return &limitedClient{inner: inner, slots: r.slots, timeout: r.opt.CallTimeout, onCall: r.onCall}
}

func (c *limitedClient) Do(req *http.Request) (*http.Response, error) {
	select {
	case c.slots <- struct{}{}: // blocked senders are served in order
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	ctx, cancel := context.WithTimeout(req.Context(), c.timeout)
	var once sync.Once
	done := func() {
		once.Do(func() {
			cancel()
			<-c.slots
		})
	}
	c.onCall()
	resp, err := c.inner.Do(req.WithContext(ctx))
	if err != nil {
		done()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, done: done}
	return resp, nil
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

// newRetryer is the SDK's standard retryer (exponential backoff with full
// jitter, retrying throttling and transient errors) without its client-side
// retry quota, which would turn a burst of throttles across many regions
// into failures; it counts throttles for the progress display.
func newRetryer(maxAttempts int, maxBackoff time.Duration, throttles *atomic.Int64, onThrottle func()) func() sdkaws.Retryer {
	return func() sdkaws.Retryer {
		std := retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = maxAttempts
			o.MaxBackoff = maxBackoff
			o.RateLimiter = ratelimit.None
		})
		return countingRetryer{RetryerV2: std, throttles: throttles, onThrottle: onThrottle}
	}
}

type countingRetryer struct {
	sdkaws.RetryerV2
	throttles  *atomic.Int64
	onThrottle func()
}

func (r countingRetryer) IsErrorRetryable(err error) bool {
	if retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err) == sdkaws.TrueTernary {
		r.throttles.Add(1)
		r.onThrottle()
	}
	return r.RetryerV2.IsErrorRetryable(err)
}

package aws

import (
	"errors"
	"net/http"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/untether-dev/untether/discover"
)

// limit wraps the client a loaded configuration carries (with any custom
// CA bundle applied), or the caller's own, in the shared runner's client:
// every SDK client of a run shares its slots, call timeout and counts.
func (r *run) limit(inner sdkaws.HTTPClient) sdkaws.HTTPClient {
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
			tr.MaxIdleConnsPerHost = max(tr.MaxIdleConnsPerHost, r.opt.Run.Concurrency)
			tr.MaxIdleConns = max(tr.MaxIdleConns, r.opt.Run.Concurrency)
		})
	}
	return r.Client(inner)
}

// newRetryer is the SDK's standard retryer (retrying throttling and
// transient errors) with the shared runner's backoff (exponential, full
// jitter, honouring Retry-After) and without the SDK's client-side retry
// quota, which would turn a burst of throttles across many regions into
// failures; it counts throttles for the progress display.
func (r *run) newRetryer() func() sdkaws.Retryer {
	return func() sdkaws.Retryer {
		std := retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = r.opt.Run.MaxAttempts
			o.Backoff = backoff{r.Run}
			o.RateLimiter = ratelimit.None
		})
		return countingRetryer{RetryerV2: std, run: r.Run}
	}
}

// backoff adapts the runner's backoff to the SDK's retryer.
type backoff struct{ run *discover.Run }

func (b backoff) BackoffDelay(attempt int, err error) (time.Duration, error) {
	var wait time.Duration
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re.Response != nil {
		wait = discover.RetryAfter(re.Response.Header, time.Now())
	}
	return b.run.Backoff(max(attempt-1, 0), wait), nil
}

type countingRetryer struct {
	sdkaws.RetryerV2
	run *discover.Run
}

func (r countingRetryer) IsErrorRetryable(err error) bool {
	if retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err) == sdkaws.TrueTernary {
		r.run.CountThrottle()
	}
	return r.RetryerV2.IsErrorRetryable(err)
}

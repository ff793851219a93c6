package azure

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/untether-dev/untether/discover"
)

// Resource Graph's throttling headers (per user, per time window).
const (
	headerQuotaRemaining   = "x-ms-user-quota-remaining"
	headerQuotaResetsAfter = "x-ms-user-quota-resets-after"
	headerSubscriptionCap  = "x-ms-tenant-subscription-limit-hit"
)

// paceBelow is the remaining quota at which the pacer waits for the window
// to reset: one query is left for whoever else shares the identity.
const paceBelow = 1

// maxPace bounds one wait; Resource Graph windows are seconds long, so a
// longer reset is a confused server, not a reason to stall the run.
const maxPace = time.Minute

// pacer holds requests back when the last answer said the user's quota is
// (nearly) spent, until the window resets: slowing down before Resource
// Graph throttles costs less than a 429 and its Retry-After.
type pacer struct {
	inner http.RoundTripper
	now   func() time.Time

	mu     sync.Mutex
	until  time.Time
	paused int // requests held back, for tests and progress
}

func newPacer(inner http.RoundTripper) *pacer {
	if inner == nil {
		inner = http.DefaultTransport
	}
	return &pacer{inner: inner, now: time.Now}
}

func (p *pacer) RoundTrip(req *http.Request) (*http.Response, error) {
	p.mu.Lock()
	wait := p.until.Sub(p.now())
	if wait > 0 {
		p.paused++
	}
	p.mu.Unlock()
	if wait > 0 {
		if err := discover.Sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
	resp, err := p.inner.RoundTrip(req)
	if err == nil {
		p.observe(resp.Header)
	}
	return resp, err
}

// observe reads the quota headers of an answer.
func (p *pacer) observe(h http.Header) {
	remaining, err := strconv.Atoi(strings.TrimSpace(h.Get(headerQuotaRemaining)))
	if err != nil || remaining > paceBelow {
		return
	}
	reset, ok := parseResetsAfter(h.Get(headerQuotaResetsAfter))
	if !ok {
		reset = time.Second
	}
	until := p.now().Add(min(reset, maxPace))
	p.mu.Lock()
	if until.After(p.until) {
		p.until = until
	}
	p.mu.Unlock()
}

// parseResetsAfter reads "hh:mm:ss" (seconds may carry a fraction).
func parseResetsAfter(v string) (time.Duration, bool) {
	parts := strings.Split(strings.TrimSpace(v), ":")
	if len(parts) != 3 {
		return 0, false
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	s, err3 := strconv.ParseFloat(parts[2], 64)
	if err1 != nil || err2 != nil || err3 != nil || h < 0 || m < 0 || s < 0 {
		return 0, false
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s*float64(time.Second)), true
}

package awsfake

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"
)

// Server is the fake AWS. Set its fields before the first request.
type Server struct {
	URL string
	srv *httptest.Server

	// Accounts by account id.
	Accounts map[string]*Account
	// PageSize is how many items one page holds (default 2).
	PageSize int
	// Latency is added to every call; SlowService's calls take Slow more.
	Latency     time.Duration
	SlowService string
	Slow        time.Duration
	// DenyRegion answers AccessDenied to every call in that region.
	DenyRegion string
	// ThrottleFirst makes the first n calls of every operation fail with a
	// throttling error.
	ThrottleFirst int
	// LoopOp's listing hands back the same next token forever (a server
	// pagination loop); EndlessOp's hands back a new one forever;
	// MalformedOp answers 200 with a body that is not the protocol's.
	LoopOp, EndlessOp, MalformedOp string

	mu          sync.Mutex
	inFlight    int
	maxInFlight int
	calls       []string
	rejected    []string
	throttled   map[string]int
	externalIDs []string
	serial      int
}

// Account is one fixture account: regional data and global data (Route 53,
// CloudFront, S3 listing, which the SDK signs for us-east-1).
type Account struct {
	ID      string
	Regions map[string]*Data
	// OptIn lists regions that exist but are not enabled for the account.
	OptIn  []string
	Global *Data
}

// Data holds what operations answer: Lists[op] are the items of a listing,
// Lists[op+"|"+key] those under a parent (a cluster, a load balancer ...),
// Raw[op+"|"+key] whole response bodies of single-item calls.
type Data struct {
	Lists map[string][]string
	Raw   map[string]string
}

// NewData returns empty data.
func NewData() *Data { return &Data{Lists: map[string][]string{}, Raw: map[string]string{}} }

// Add appends items to a listing.
func (d *Data) Add(key string, items ...string) { d.Lists[key] = append(d.Lists[key], items...) }

// New starts a fake serving accounts.
func New(accounts ...*Account) *Server {
	s := &Server{Accounts: map[string]*Account{}, PageSize: 2, throttled: map[string]int{}}
	for _, a := range accounts {
		s.Accounts[a.ID] = a
	}
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Client is an HTTP client for the fake that keeps enough idle
// connections for many requests in flight (the default keeps two, and
// reconnecting would dominate the timings).
func (s *Server) Client() *http.Client {
	c := s.srv.Client()
	if tr, ok := c.Transport.(*http.Transport); ok {
		tr = tr.Clone()
		tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 1024, 1024
		c = &http.Client{Transport: tr}
	}
	return c
}

// Calls are the operations served or refused, as "service:Operation", sorted.
func (s *Server) Calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(slices.Values(s.calls))
}

// Rejected are the operations refused as not read-only.
func (s *Server) Rejected() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.rejected)
}

// MaxInFlight is the most requests the fake was serving at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInFlight
}

// ReadOnly reports whether an operation name is one the fake serves.
func ReadOnly(op string) bool {
	for _, p := range []string{"Describe", "List", "Get"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return op == "AssumeRole"
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	req, err := parse(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.calls = append(s.calls, req.service+":"+req.op)
	s.mu.Unlock()
	if !ReadOnly(req.op) {
		s.mu.Lock()
		s.rejected = append(s.rejected, req.service+":"+req.op)
		s.mu.Unlock()
		writeError(w, req, http.StatusBadRequest, "UnsupportedOperation", "the fake serves read-only operations only")
		return
	}
	delay := s.Latency
	if req.service == s.SlowService {
		delay += s.Slow
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if s.throttle(req) {
		writeError(w, req, http.StatusBadRequest, throttleCode(req), "Rate exceeded")
		return
	}
	if req.op == s.MalformedOp {
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("<<<\x00 not a response {"))
		return
	}
	if req.region == s.DenyRegion && req.service != "sts" {
		writeError(w, req, http.StatusForbidden, denyCode(req), "User is not authorized to perform this action")
		return
	}
	s.serve(w, req)
}

func (s *Server) throttle(req *request) bool {
	if s.ThrottleFirst <= 0 || req.service == "sts" {
		return false
	}
	key := req.account + "/" + req.region + "/" + req.service + ":" + req.op
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.throttled[key] >= s.ThrottleFirst {
		return false
	}
	s.throttled[key]++
	return true
}

func (s *Server) data(req *request) (*Account, *Data, error) {
	a := s.Accounts[req.account]
	if a == nil {
		return nil, nil, fmt.Errorf("no account %q", req.account)
	}
	if req.global() {
		return a, a.Global, nil
	}
	d := a.Regions[req.region]
	if d == nil {
		d = NewData()
	}
	return a, d, nil
}

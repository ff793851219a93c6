package azurefake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// QueryPath is the one path Resource Graph queries are posted to.
const QueryPath = "/providers/Microsoft.ResourceGraph/resources"

// Server is an in-process Resource Graph over TLS (Azure tokens travel only
// over TLS) answering the query call from its rows.
type Server struct {
	*httptest.Server

	// Rows are the resource and subscription rows, any order.
	Rows []Row
	// Groups maps a management group name to its subscription ids.
	Groups map[string][]string
	// Denied subscriptions answer 403 AuthorizationFailed when named in a
	// query (Resource Graph refuses the whole query).
	Denied map[string]bool
	// Throttle is how many query calls answer 429 before the next one is
	// served, each with RetryAfter seconds.
	Throttle   int
	RetryAfter int
	// PageDelay is added to every answer (latency of a real page).
	PageDelay time.Duration
	// MalformedPage, when > 0, is the page number that answers garbage.
	MalformedPage int
	// Truncate answers the first page with resultTruncated and no $skipToken.
	Truncate bool
	// SubscriptionCap sets x-ms-tenant-subscription-limit-hit on answers.
	SubscriptionCap bool
	// Quota is the queries allowed per QuotaWindow (0: no quota headers).
	Quota       int
	QuotaWindow time.Duration

	mu       sync.Mutex
	calls    []Call
	used     int
	windowAt time.Time
	pageNo   int
	sorted   []Row
}

// Call is one request the server saw.
type Call struct {
	Method, Path string
	Query        Query
	Status       int
}

// Query is the request body of a Resource Graph query.
type Query struct {
	Query            string   `json:"query"`
	Subscriptions    []string `json:"subscriptions"`
	ManagementGroups []string `json:"managementGroups"`
	Options          struct {
		Top          *int   `json:"$top"`
		SkipToken    string `json:"$skipToken"`
		ResultFormat string `json:"resultFormat"`
	} `json:"options"`
}

// New starts a server over rows; Close it when done.
func New(rows []Row) *Server {
	s := &Server{Rows: rows, Denied: map[string]bool{}, Groups: map[string][]string{}, RetryAfter: 1}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	return s
}

// Calls are the requests seen so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	s.calls = append(s.calls, c)
	s.mu.Unlock()
}

// armError writes an ARM error body.
func armError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"code":%q,"message":%q}}`, code, msg)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	c := Call{Method: r.Method, Path: r.URL.Path}
	// Only the query call exists here; anything else (a write, another
	// API) is refused and recorded so a test can prove it never happens.
	if r.Method != http.MethodPost || !strings.EqualFold(r.URL.Path, QueryPath) || r.URL.Query().Get("api-version") == "" {
		c.Status = http.StatusMethodNotAllowed
		s.record(c)
		armError(w, c.Status, "NotSupported", "only POST "+QueryPath+"?api-version= is served")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		c.Status = http.StatusUnauthorized
		s.record(c)
		armError(w, c.Status, "AuthenticationFailed", "no bearer token")
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(body, &c.Query); err != nil || c.Query.Query == "" {
		c.Status = http.StatusBadRequest
		s.record(c)
		armError(w, c.Status, "BadRequest", "the body is not a query request")
		return
	}
	if s.PageDelay > 0 {
		time.Sleep(s.PageDelay)
	}
	c.Status = s.answer(w, &c.Query)
	s.record(c)
}

// answer serves one page and returns its status.
func (s *Server) answer(w http.ResponseWriter, q *Query) int {
	s.mu.Lock()
	throttled := s.Throttle > 0
	if throttled {
		s.Throttle--
	}
	s.mu.Unlock()
	s.quotaHeaders(w.Header())
	if throttled {
		w.Header().Set("Retry-After", strconv.Itoa(s.RetryAfter))
		armError(w, http.StatusTooManyRequests, "RateLimiting", "too many requests")
		return http.StatusTooManyRequests
	}
	subs, denied := s.scope(q)
	if denied != "" {
		armError(w, http.StatusForbidden, "AuthorizationFailed", "no access to subscription "+denied)
		return http.StatusForbidden
	}
	if q.Options.ResultFormat != "objectArray" {
		armError(w, http.StatusBadRequest, "BadRequest", "this fake serves resultFormat objectArray only")
		return http.StatusBadRequest
	}
	rows := s.rowsOf(subs)
	top := 1000
	if q.Options.Top != nil && *q.Options.Top > 0 && *q.Options.Top < top {
		top = *q.Options.Top
	}
	offset := 0
	if q.Options.SkipToken != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(q.Options.SkipToken, "fake-offset-"))
		if err != nil || n < 0 || n > len(rows) {
			armError(w, http.StatusBadRequest, "BadRequest", "bad $skipToken")
			return http.StatusBadRequest
		}
		offset = n
	}
	end := min(offset+top, len(rows))
	s.mu.Lock()
	s.pageNo++
	pageNo := s.pageNo
	s.mu.Unlock()
	if s.SubscriptionCap {
		w.Header().Set("x-ms-tenant-subscription-limit-hit", "true")
	}
	w.Header().Set("Content-Type", "application/json")
	if pageNo == s.MalformedPage {
		io.WriteString(w, `{"totalRecords": 3, "count": 1, "data": {"not": "an array"`)
		return http.StatusOK
	}
	// Written by hand: the rows are already JSON, and re-encoding them
	// would put the fake's own cost into every benchmark.
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"totalRecords":%d,"count":%d,"facets":[],`, len(rows), end-offset)
	switch {
	case end < len(rows) && s.Truncate:
		b.WriteString(`"resultTruncated":"true",`)
	case end < len(rows):
		fmt.Fprintf(&b, `"resultTruncated":"false","$skipToken":"fake-offset-%d",`, end)
	default:
		b.WriteString(`"resultTruncated":"false",`)
	}
	b.WriteString(`"data":[`)
	for i, r := range rows[offset:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(r.JSON)
	}
	b.WriteString("]}")
	w.Write(b.Bytes())
	return http.StatusOK
}

// scope is the subscriptions a query covers, or the first denied one named.
func (s *Server) scope(q *Query) (map[string]bool, string) {
	named := slices.Clone(q.Subscriptions)
	for _, g := range q.ManagementGroups {
		named = append(named, s.Groups[g]...)
	}
	subs := map[string]bool{}
	if len(q.Subscriptions) == 0 && len(q.ManagementGroups) == 0 {
		for _, r := range s.Rows {
			if !s.Denied[r.Subscription] {
				subs[strings.ToLower(r.Subscription)] = true
			}
		}
		return subs, ""
	}
	for _, sub := range named {
		if s.Denied[sub] {
			return nil, sub
		}
		subs[strings.ToLower(sub)] = true
	}
	return subs, ""
}

// rowsOf are the rows of the subscriptions, ordered by id as the query asks.
func (s *Server) rowsOf(subs map[string]bool) []Row {
	s.mu.Lock()
	if len(s.sorted) != len(s.Rows) {
		s.sorted = slices.Clone(s.Rows)
		keys := make(map[string]string, len(s.sorted))
		for _, r := range s.sorted {
			keys[r.ID] = strings.ToLower(r.ID)
		}
		slices.SortFunc(s.sorted, func(a, b Row) int { return strings.Compare(keys[a.ID], keys[b.ID]) })
	}
	sorted := s.sorted
	s.mu.Unlock()
	var out []Row
	for _, r := range sorted {
		if subs[strings.ToLower(r.Subscription)] {
			out = append(out, r)
		}
	}
	return out
}

// quotaHeaders sets Resource Graph's throttling headers.
func (s *Server) quotaHeaders(h http.Header) {
	if s.Quota <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if now.Sub(s.windowAt) >= s.QuotaWindow {
		s.windowAt, s.used = now, 0
	}
	s.used++
	left := max(0, s.Quota-s.used)
	reset := s.QuotaWindow - now.Sub(s.windowAt)
	h.Set("x-ms-user-quota-remaining", strconv.Itoa(left))
	h.Set("x-ms-user-quota-resets-after", fmt.Sprintf("00:00:%02d.%03d", int(reset.Seconds()), reset.Milliseconds()%1000))
}

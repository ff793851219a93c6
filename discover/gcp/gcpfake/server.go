package gcpfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Asset is one Cloud Asset Inventory asset as assets.list returns it.
type Asset struct {
	Name      string   `json:"name"`
	AssetType string   `json:"assetType"`
	Resource  Resource `json:"resource"`
	Ancestors []string `json:"ancestors,omitempty"`
}

// Resource is the asset's resource: its service's own REST JSON in Data.
type Resource struct {
	Version              string         `json:"version"`
	DiscoveryDocumentURI string         `json:"discoveryDocumentUri,omitempty"`
	DiscoveryName        string         `json:"discoveryName,omitempty"`
	Parent               string         `json:"parent,omitempty"`
	Data                 map[string]any `json:"data"`
	Location             string         `json:"location,omitempty"`
}

// Server is the fake. Set its fields before the first request.
type Server struct {
	URL string
	srv *httptest.Server

	// Assets by project id; Ancestors of each asset name its folder and
	// organization, which folder and organization parents serve.
	Assets map[string][]Asset
	// PageSize is how many assets one page holds (default 3).
	PageSize int
	// Latency is added to every call; SlowPage adds Slow to the page of
	// that number (1-based) of every listing.
	Latency  time.Duration
	SlowPage int
	Slow     time.Duration
	// Throttle429 answers 429 with Retry-After: 0 to the first n calls.
	Throttle429 int
	// Denied, NotEnabled and NoQuotaProject list project ids answered with
	// the 403 each of those causes really gives.
	Denied, NotEnabled, NoQuotaProject []string
	// RejectType is an asset type answered with 400 INVALID_ARGUMENT.
	RejectType string
	// LoopTokens hands back the first page's token forever; Malformed
	// answers 200 with a body that is not a ListAssetsResponse.
	LoopTokens, Malformed bool

	mu        sync.Mutex
	calls     []string
	rejected  []string
	quota     []string
	throttled int
}

// New starts a fake serving assets per project.
func New(assets map[string][]Asset) *Server {
	s := &Server{Assets: assets, PageSize: 3}
	s.srv = httptest.NewServer(http.HandlerFunc(s.handle))
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Calls are "METHOD PATH" of every request, in arrival order.
func (s *Server) Calls() []string { s.mu.Lock(); defer s.mu.Unlock(); return slices.Clone(s.calls) }

// Rejected are the requests refused for not being reads.
func (s *Server) Rejected() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.rejected)
}

// QuotaProjects are the X-Goog-User-Project headers received.
func (s *Server) QuotaProjects() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.quota)
}

var listPath = regexp.MustCompile(`^/v1/(projects|folders|organizations)/([^/]+)/assets$`)

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls = append(s.calls, r.Method+" "+r.URL.Path)
	if q := r.Header.Get("X-Goog-User-Project"); q != "" {
		s.quota = append(s.quota, q)
	}
	s.mu.Unlock()

	m := listPath.FindStringSubmatch(r.URL.Path)
	if r.Method != http.MethodGet || m == nil {
		s.mu.Lock()
		s.rejected = append(s.rejected, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		writeError(w, http.StatusMethodNotAllowed, "FAILED_PRECONDITION", "the fake serves assets.list only", "")
		return
	}
	q := r.URL.Query()
	page := 1
	start := 0
	if tok := q.Get("pageToken"); tok != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tok, "p-"))
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid page token.", "")
			return
		}
		start, page = n, 1+n/s.pageSize()
	}
	if !sleep(r, s.Latency) || (page == s.SlowPage && !sleep(r, s.Slow)) {
		return
	}
	if s.throttle() {
		w.Header().Set("Retry-After", "0")
		writeError(w, http.StatusTooManyRequests, "RESOURCE_EXHAUSTED",
			"Quota exceeded for quota metric 'List Assets Requests' and limit 'List Assets Requests per minute per project'.", "RATE_LIMIT_EXCEEDED")
		return
	}
	if ct := q.Get("contentType"); ct != "1" && ct != "RESOURCE" {
		writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "the fake serves content type RESOURCE only", "")
		return
	}
	for _, t := range q["assetTypes"] {
		if t == s.RejectType || !validType.MatchString(t) {
			writeError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid asset type: "+t, "")
			return
		}
	}
	if m[1] == "projects" {
		if err := s.refuse(w, m[2]); err {
			return
		}
	}
	if s.Malformed {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"assets": [{"name": 7, "resource": "`))
		return
	}
	s.list(w, m[1]+"/"+m[2], q["assetTypes"], start)
}

var validType = regexp.MustCompile(`^[a-z0-9]+\.googleapis\.com/[A-Za-z]+$`)

func (s *Server) pageSize() int {
	if s.PageSize <= 0 {
		return 3
	}
	return s.PageSize
}

func (s *Server) throttle() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.throttled < s.Throttle429 {
		s.throttled++
		return true
	}
	return false
}

// refuse answers the 403s of denied, disabled and quota-less projects.
func (s *Server) refuse(w http.ResponseWriter, project string) bool {
	switch {
	case slices.Contains(s.Denied, project):
		writeError(w, http.StatusForbidden, "PERMISSION_DENIED",
			"The caller does not have permission", "IAM_PERMISSION_DENIED")
	case slices.Contains(s.NotEnabled, project):
		writeError(w, http.StatusForbidden, "PERMISSION_DENIED",
			"Cloud Asset API has not been used in project 424242424242 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudasset.googleapis.com/overview?project=424242424242 then retry.",
			"SERVICE_DISABLED")
	case slices.Contains(s.NoQuotaProject, project):
		writeError(w, http.StatusForbidden, "PERMISSION_DENIED",
			"Your application is authenticating by using local Application Default Credentials. The cloudasset.googleapis.com API requires a quota project, which is not set by default.",
			"SERVICE_DISABLED")
	default:
		return false
	}
	return true
}

// list serves one page of the parent's assets of the requested types.
func (s *Server) list(w http.ResponseWriter, parent string, types []string, start int) {
	var all []Asset
	for _, project := range sortedKeys(s.Assets) {
		for _, a := range s.Assets[project] {
			if (parent == "projects/"+project || slices.Contains(a.Ancestors, parent)) &&
				(len(types) == 0 || slices.Contains(types, a.AssetType)) {
				all = append(all, a)
			}
		}
	}
	start = min(start, len(all))
	end, next := len(all), ""
	if start+s.pageSize() < len(all) {
		end, next = start+s.pageSize(), fmt.Sprintf("p-%d", start+s.pageSize())
	}
	if s.LoopTokens && len(all) > 0 {
		end, next = min(start+1, len(all)), "p-0"
	}
	body := map[string]any{"readTime": "2026-12-01T00:00:00Z", "assets": all[start:end]}
	if next != "" {
		body["nextPageToken"] = next
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

func writeError(w http.ResponseWriter, code int, status, msg, reason string) {
	e := map[string]any{"code": code, "message": msg, "status": status}
	if reason != "" {
		e["details"] = []any{map[string]any{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason,
			"domain": "googleapis.com", "metadata": map[string]string{"service": "cloudasset.googleapis.com", "consumer": "projects/424242424242"}}}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": e})
}

func sleep(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		return false
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

package gcp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"google.golang.org/api/googleapi"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// gapFor turns the error that ended a parent's listing into a gap whose
// detail says what happened and how to fix it, the same on every run
// (no request ids). got counts the assets read before it.
func gapFor(ctx context.Context, parent string, err error, got int) graph.Gap {
	status, detail := classify(parent, err)
	if interrupted, cut := discover.Stopped(ctx); cut {
		status, detail = graph.GapFailed, discover.DeadlineDetail
	} else if interrupted {
		detail = "interrupted"
	}
	if got > 0 {
		detail += fmt.Sprintf(" (%d assets were read before it stopped; the rest are missing)", got)
	}
	return graph.Gap{Provider: "gcp", Account: parent, Region: graph.GlobalRegion, Service: "cloudasset",
		Status: status, Detail: "cloudasset:ListAssets: " + detail}
}

// classify maps a ListAssets error to a gap status and detail.
func classify(parent string, err error) (status, detail string) {
	var pe *discover.PagingError
	if errors.As(err, &pe) {
		return graph.GapFailed, pe.Error()
	}
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			return graph.GapFailed, "no response: timed out (after retries; raise --call-timeout)"
		case isDecodeError(err):
			return graph.GapFailed, "malformed response: the answer was not a ListAssetsResponse (" + firstLine(err.Error()) + ")"
		}
		return graph.GapFailed, "no response (after retries): " + firstLine(err.Error())
	}
	msg := ge.Message
	reason, meta := errorInfo(ge)
	switch code := ge.Code; {
	case code == http.StatusForbidden && strings.Contains(msg, "quota project"):
		return graph.GapDenied, "the API needs a quota project, which user credentials do not set: pass --gcp-quota-project PROJECT " +
			"(or run 'gcloud auth application-default set-quota-project PROJECT'); the caller needs serviceusage.services.use on it"
	case code == http.StatusForbidden && reason == "SERVICE_DISABLED":
		consumer := meta["consumer"]
		if consumer == "" {
			consumer = "the calling project"
		}
		return graph.GapNotEnabled, "Cloud Asset API is disabled: enable cloudasset.googleapis.com in " + consumer +
			" ('gcloud services enable cloudasset.googleapis.com --project PROJECT'), or name a project where it is enabled with --gcp-quota-project"
	case code == http.StatusForbidden || code == http.StatusUnauthorized || code == http.StatusNotFound:
		return graph.GapDenied, fmt.Sprintf("HTTP %d: permission denied on %s: grant the caller roles/cloudasset.viewer on it (and make sure it exists)", code, parent)
	case code == http.StatusBadRequest && strings.Contains(strings.ToLower(msg), "asset type"):
		return graph.GapUnsupported, "an asset type was refused (" + firstLine(msg) + "); the API may not know it in this location or version"
	case code == http.StatusTooManyRequests:
		return graph.GapFailed, "throttled (HTTP 429) after every retry: ListAssets allows 100 calls a minute per calling project; run again later or raise the quota"
	}
	return graph.GapFailed, fmt.Sprintf("HTTP %d (after retries): %s", ge.Code, firstLine(msg))
}

// errorInfo reads the google.rpc.ErrorInfo detail of an error body.
func errorInfo(ge *googleapi.Error) (reason string, meta map[string]string) {
	meta = map[string]string{}
	for _, d := range ge.Details {
		m, _ := d.(map[string]any)
		if t, _ := m["@type"].(string); !strings.HasSuffix(t, "google.rpc.ErrorInfo") {
			continue
		}
		reason, _ = m["reason"].(string)
		md, _ := m["metadata"].(map[string]any)
		for k, v := range md {
			if s, ok := v.(string); ok {
				meta[k] = s
			}
		}
	}
	return reason, meta
}

// isDecodeError reports an answer that arrived but was not the protocol's
// JSON (protojson and encoding/json errors).
func isDecodeError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "proto:") || strings.Contains(s, "unexpected token") || strings.Contains(s, "syntax error") ||
		strings.Contains(s, "invalid value") || strings.Contains(s, "unexpected EOF")
}

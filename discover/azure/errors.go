package azure

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// readerFix is what to grant when Resource Graph refuses: it returns only
// what the identity may read, so Reader on the scope is all it needs.
const readerFix = "grant the identity the Reader role on the subscription (or on the management group above it)"

// classify turns a failed query into a gap status and a detail that is the
// same on every run (codes, never messages: those carry correlation ids)
// and says what to do about it.
func classify(err error, attempts int) (status, detail string) {
	var re *azcore.ResponseError
	var pe *discover.PagingError
	switch {
	case errors.As(err, &pe):
		return graph.GapFailed, pe.Error()
	case errors.As(err, &re):
		code := re.ErrorCode
		if code == "" {
			code = http.StatusText(re.StatusCode)
		}
		head := fmt.Sprintf("Resource Graph answered HTTP %d %s", re.StatusCode, code)
		switch {
		case re.StatusCode == http.StatusUnauthorized:
			return graph.GapDenied, head + ": the token was refused; sign in again (az login) or check the identity's tenant"
		case re.StatusCode == http.StatusForbidden:
			return graph.GapDenied, head + ": " + readerFix
		case re.StatusCode == http.StatusTooManyRequests:
			return graph.GapFailed, fmt.Sprintf("%s after %d attempts: the identity's Resource Graph quota stayed spent; run again later, or narrow --azure-subscription", head, attempts)
		case re.StatusCode == http.StatusNotFound:
			return graph.GapNotEnabled, head + ": no such subscription or management group for this identity's tenant"
		case re.StatusCode == http.StatusBadRequest:
			return graph.GapFailed, head + ": the query was refused; report it with the code"
		}
		return graph.GapFailed, head + " (after retries)"
	case errors.Is(err, context.DeadlineExceeded):
		return graph.GapFailed, "no answer within --call-timeout (after retries)"
	case credentialError(err):
		return graph.GapDenied, "no Azure credential: sign in with az login, or set AZURE_TENANT_ID and AZURE_CLIENT_ID with a secret, certificate or workload identity, or run with a managed identity"
	}
	return graph.GapFailed, "no response from Resource Graph (after retries)"
}

// credentialError reports whether err came from getting a token rather
// than from Resource Graph.
func credentialError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Credential") || strings.Contains(s, "authenticat") || strings.Contains(s, "AADSTS")
}

// gapFor is the gap of one scope that could not be (completely) read.
func gapFor(account string, status, detail string) graph.Gap {
	return graph.Gap{Provider: provider, Account: account, Region: graph.GlobalRegion, Service: gapService, Status: status, Detail: detail}
}

// Names in gaps and placements.
const (
	provider   = "azure"
	gapService = "resourcegraph"
)

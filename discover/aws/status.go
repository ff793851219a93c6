package aws

import (
	"context"
	"errors"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// Error codes that mean the caller may not make the call.
var deniedCodes = map[string]bool{
	"AccessDenied": true, "AccessDeniedException": true, "UnauthorizedOperation": true,
	"UnauthorizedAccess": true, "AuthorizationError": true, "AuthorizationErrorException": true,
	"Forbidden": true, "ForbiddenException": true, "AccessDeniedFault": true,
	"UnauthorizedException": true, "NotAuthorized": true,
}

// Error codes that mean the service or region is not enabled for the account.
var notEnabledCodes = map[string]bool{
	"OptInRequired": true, "SubscriptionRequiredException": true, "NotSignedUp": true,
	"InvalidAction": true, "UnknownOperationException": true,
}

// classify turns the final error of a call (after retries) into a gap
// status and a detail that is the same on every run: the operation and the
// error code, never the message (it carries request ids).
func classify(err error) (status, detail string) {
	op := ""
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		op = strings.ReplaceAll(strings.ToLower(oe.Service()), " ", "") + ":" + oe.Operation() + ": "
	}
	var ae smithy.APIError
	var pe *discover.PagingError
	var de *smithy.DeserializationError
	switch {
	case errors.As(err, &pe):
		return graph.GapFailed, op + pe.Error()
	case errors.As(err, &de):
		// An answer came but could not be read: say so, not "no response".
		return graph.GapFailed, op + "malformed response (after retries)"
	case errors.As(err, &ae):
		code := ae.ErrorCode()
		switch {
		case deniedCodes[code] || strings.Contains(code, "AccessDenied"):
			return graph.GapDenied, op + code
		case notEnabledCodes[code]:
			return graph.GapNotEnabled, op + code
		}
		return graph.GapFailed, op + code + " (after retries)"
	case errors.Is(err, context.DeadlineExceeded):
		return graph.GapFailed, op + "timed out (after retries)"
	case strings.Contains(err.Error(), "no such host"):
		return graph.GapNotEnabled, op + "no endpoint for this service in this region"
	}
	return graph.GapFailed, op + "no response (after retries)"
}

func gapFor(t *task, err error) graph.Gap {
	status, detail := classify(err)
	return graph.Gap{Provider: "aws", Account: t.account, Region: t.region, Service: t.service, Status: status, Detail: detail}
}

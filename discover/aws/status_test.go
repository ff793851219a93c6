package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/untether-dev/untether/discover/redact"
	"github.com/untether-dev/untether/graph"
)

func TestClassify(t *testing.T) {
	op := func(err error) error {
		return &smithy.OperationError{ServiceID: "Elastic Load Balancing v2", OperationName: "DescribeLoadBalancers", Err: err}
	}
	for _, tc := range []struct {
		err            error
		status, detail string
	}{
		{op(&smithy.GenericAPIError{Code: "AccessDenied", Message: "request id 123"}), graph.GapDenied, "elasticloadbalancingv2:DescribeLoadBalancers: AccessDenied"},
		{op(&smithy.GenericAPIError{Code: "UnauthorizedOperation"}), graph.GapDenied, "elasticloadbalancingv2:DescribeLoadBalancers: UnauthorizedOperation"},
		{op(&smithy.GenericAPIError{Code: "OptInRequired"}), graph.GapNotEnabled, "elasticloadbalancingv2:DescribeLoadBalancers: OptInRequired"},
		{op(&smithy.GenericAPIError{Code: "Throttling"}), graph.GapFailed, "elasticloadbalancingv2:DescribeLoadBalancers: Throttling (after retries)"},
		{op(fmt.Errorf("send: %w", context.DeadlineExceeded)), graph.GapFailed, "elasticloadbalancingv2:DescribeLoadBalancers: timed out (after retries)"},
		{op(errors.New("dial tcp: lookup eks.xx-1.amazonaws.com: no such host")), graph.GapNotEnabled, "elasticloadbalancingv2:DescribeLoadBalancers: no endpoint for this service in this region"},
		{errors.New("connection reset by peer 10.0.0.1:443"), graph.GapFailed, "no response (after retries)"},
	} {
		status, detail := classify(tc.err)
		if status != tc.status || detail != tc.detail {
			t.Errorf("classify(%v) = %q, %q; want %q, %q", tc.err, status, detail, tc.status, tc.detail)
		}
	}
}

// Tags pass through the shared redaction rule.
func TestSafeTags(t *testing.T) {
	got := safeTags(map[string]string{"Name": "web", "db_password": "hunter2", "notes": "postgres://admin:pw@orders"})
	if got["Name"] != "web" || got["db_password"] != redact.Redacted || got["notes"] != redact.Redacted {
		t.Errorf("safeTags: %v", got)
	}
}

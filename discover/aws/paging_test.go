package aws

import (
	"slices"
	"strings"
	"testing"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"
	"github.com/aws/aws-sdk-go-v2/service/route53"

	"github.com/untether-dev/untether/graph"
)

func gapWith(e *graph.Estate, service, detail string) bool {
	return slices.ContainsFunc(e.Gaps, func(g graph.Gap) bool {
		return g.Service == service && g.Status == graph.GapFailed && strings.Contains(g.Detail, detail)
	})
}

func TestRepeatedTokenEndsWithGap(t *testing.T) {
	f := fixtureFake(t)
	f.LoopOp = "DescribeVpcs"
	e := collectFixture(t, f, func(o *Options) { o.Regions = []string{"us-east-1"} })
	if !gapWith(e, "ec2", "already given") {
		t.Errorf("a looping token must end the listing with a gap, got %+v", e.Gaps)
	}
}

func TestEndlessTokensStopAtPageCap(t *testing.T) {
	f := fixtureFake(t)
	f.EndlessOp = "DescribeVpcs"
	e := collectFixture(t, f, func(o *Options) { o.Regions = []string{"us-east-1"}; o.Run.MaxPages = 5 })
	if !gapWith(e, "ec2", "page cap") {
		t.Errorf("endless tokens must stop at the page cap with a gap, got %+v", e.Gaps)
	}
}

func TestMalformedResponseIsNamed(t *testing.T) {
	f := fixtureFake(t)
	f.MalformedOp = "DescribeVolumes"
	e := collectFixture(t, f, func(o *Options) { o.Regions = []string{"us-east-1"} })
	if !gapWith(e, "ec2", "malformed response") {
		t.Errorf("a malformed answer must say so, got %+v", e.Gaps)
	}
}

func TestDeadlineTurnsTheRestIntoGaps(t *testing.T) {
	f := fixtureFake(t)
	f.Latency = 40 * time.Millisecond
	start := time.Now()
	e := collectFixture(t, f, func(o *Options) { o.Run.Deadline = 300 * time.Millisecond })
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the deadline did not stop the run: %v", d)
	}
	if !slices.ContainsFunc(e.Gaps, func(g graph.Gap) bool { return strings.Contains(g.Detail, "--deadline") }) {
		t.Errorf("want gaps naming --deadline, got %+v", e.Gaps)
	}
}

func TestNextToken(t *testing.T) {
	for _, tc := range []struct {
		page any
		want string
	}{
		{&route53.ListResourceRecordSetsOutput{NextRecordName: sdkaws.String("a."), NextRecordType: "A"}, "NextRecordName=a.\x00NextRecordType=A"},
		{&route53.ListHostedZonesOutput{Marker: sdkaws.String("echo")}, ""},
		{&route53.ListHostedZonesOutput{Marker: sdkaws.String("echo"), NextMarker: sdkaws.String("n")}, "NextMarker=n"},
		{&cloudfront.ListDistributionsOutput{DistributionList: &cftypes.DistributionList{NextMarker: sdkaws.String("m")}}, "NextMarker=m"},
		{(*route53.ListHostedZonesOutput)(nil), ""},
	} {
		if got := nextToken(tc.page); got != tc.want {
			t.Errorf("nextToken(%T) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

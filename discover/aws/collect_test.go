package aws

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/discover/collectortest"
	"github.com/untether-dev/untether/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGoldenEstate(t *testing.T) {
	f := fixtureFake(t)
	e := collectFixture(t, f, nil)
	var got bytes.Buffer
	if err := graph.Encode(&got, e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "fixture.golden.json")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("estate differs from %s at line %d:\n got: %s\nwant: %s\n(run with -update if intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("estate differs from %s in length (run with -update if intended)", path)
	}
}

func TestConformance(t *testing.T) {
	f := fixtureFake(t)
	collectortest.Run(t, collectortest.Suite{
		Collect:    func(ctx context.Context) (*graph.Estate, error) { return Collect(ctx, fakeOptions(f, testAccount)) },
		Secrets:    awsfake.Secrets,
		IDPrefixes: []string{"arn:aws", "dns:", "ip:"},
		Failing: func(ctx context.Context) (*graph.Estate, error) {
			opt := fakeOptions(f, testAccount)
			opt.Regions = []string{"us-east-1", "us-west-2", "af-south-1"}
			return Collect(ctx, opt)
		},
		WantGaps: []graph.Gap{
			{Provider: "aws", Account: testAccount, Region: "us-west-2", Service: "ec2", Status: graph.GapDenied, Detail: "ec2:DescribeInstances: UnauthorizedOperation"},
			{Provider: "aws", Account: testAccount, Region: "us-west-2", Service: "dynamodb", Status: graph.GapDenied},
			{Provider: "aws", Account: testAccount, Region: "us-west-2", Service: "lambda", Status: graph.GapDenied},
			{Provider: "aws", Account: testAccount, Region: "af-south-1", Status: graph.GapNotEnabled},
		},
	})
}

// TestReadOnly proves the collector only calls read-only operations, and
// that the fake would have refused anything else.
func TestReadOnly(t *testing.T) {
	f := fixtureFake(t)
	collectFixture(t, f, func(o *Options) { o.RoleARNs = []string{"arn:aws:iam::" + testAccount + ":role/audit"} })
	calls := f.Calls()
	if len(calls) < 40 {
		t.Fatalf("only %d calls reached the fake", len(calls))
	}
	for _, c := range slices.Compact(calls) {
		_, op, _ := strings.Cut(c, ":")
		if !awsfake.ReadOnly(op) {
			t.Errorf("collector called %s, which is not read-only", c)
		}
	}
	if r := f.Rejected(); len(r) > 0 {
		t.Errorf("the fake refused %v", r)
	}
	if !awsfake.ReadOnly("DescribeInstances") || awsfake.ReadOnly("TerminateInstances") || awsfake.ReadOnly("DeleteBucket") {
		t.Errorf("the allow-list is wrong")
	}
}

func TestGaps(t *testing.T) {
	f := fixtureFake(t)
	e := collectFixture(t, f, func(o *Options) { o.Regions = []string{"us-east-1", "us-west-2", "af-south-1", "xx-nowhere-1"} })
	var okRegion, denied, notEnabled int
	for _, g := range e.Gaps {
		switch {
		case g.Region == "us-east-1" || g.Region == graph.GlobalRegion:
			okRegion++
			t.Errorf("unexpected gap in a healthy region (throttling must be retried): %+v", g)
		case g.Region == "us-west-2" && g.Status == graph.GapDenied:
			denied++
		case (g.Region == "af-south-1" || g.Region == "xx-nowhere-1") && g.Status == graph.GapNotEnabled:
			notEnabled++
		default:
			t.Errorf("unexpected gap %+v", g)
		}
	}
	if want := len(steps()) - 4; denied != want { // every regional step of us-west-2
		t.Errorf("got %d denied gaps in us-west-2, want %d", denied, want)
	}
	if notEnabled != 2 {
		t.Errorf("got %d not_enabled gaps for af-south-1 and xx-nowhere-1, want 2", notEnabled)
	}
}

// TestSlowServiceTimesOut: a service that never answers ends in a gap once
// its attempts time out, and nothing else does. The margins are wide (a
// call that hangs a minute against a 500 ms timeout) so that a slow machine
// or -race does not push healthy calls over the timeout.
func TestSlowServiceTimesOut(t *testing.T) {
	f := fixtureFake(t)
	f.Slow = time.Minute // the fake gives up when the client does
	e := collectFixture(t, f, func(o *Options) {
		o.Regions = []string{"us-east-1"}
		o.Run.CallTimeout = 500 * time.Millisecond
		o.Run.MaxAttempts = 2
	})
	i := slices.IndexFunc(e.Gaps, func(g graph.Gap) bool { return g.Service == "kinesis" })
	if i < 0 || e.Gaps[i].Status != graph.GapFailed {
		t.Fatalf("want a failed gap for the slow kinesis, got %+v", e.Gaps)
	}
	if len(e.Gaps) != 1 {
		t.Errorf("want only the kinesis gap, got %+v", e.Gaps)
	}
}

func TestAssumeRoleAccounts(t *testing.T) {
	isolate(t)
	f := awsfake.New(awsfake.Fixture(testAccount, "us-east-1"), awsfake.Fixture("444455556666", "us-east-1"))
	defer f.Close()
	opt := fakeOptions(f, testAccount)
	opt.RoleARNs = []string{"arn:aws:iam::444455556666:role/audit", "arn:aws:iam::111122223333:role/audit", "arn:aws:iam::999999999999:role/none"}
	opt.ExternalID = "ext-123"
	e, err := Collect(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	accounts := map[string]bool{}
	for _, n := range e.Nodes {
		if n.Class == graph.ClassResource {
			accounts[n.Account] = true
		}
	}
	if !accounts[testAccount] || !accounts["444455556666"] {
		t.Errorf("accounts collected: %v", accounts)
	}
	if !slices.ContainsFunc(e.Gaps, func(g graph.Gap) bool { return g.Service == "sts" && g.Status == graph.GapDenied }) {
		t.Errorf("the role that cannot be assumed must be a gap: %+v", e.Gaps)
	}
	for _, id := range f.ExternalIDs() {
		if id != "ext-123" {
			t.Errorf("AssumeRole carried external id %q", id)
		}
	}
}

func TestConcurrencyBound(t *testing.T) {
	f := fixtureFake(t)
	f.Latency = 5 * time.Millisecond
	collectFixture(t, f, func(o *Options) { o.Run.Concurrency = 3 })
	if m := f.MaxInFlight(); m > 3 || m < 2 {
		t.Errorf("max in flight %d, want 2..3", m)
	}
}

func TestCancelStopsPromptly(t *testing.T) {
	f := fixtureFake(t)
	f.Latency = 200 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := Collect(ctx, fakeOptions(f, testAccount))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v to stop", d)
	}
}

func TestProgress(t *testing.T) {
	f := fixtureFake(t)
	var last discover.Progress
	collectFixture(t, f, func(o *Options) { o.Run.Progress = func(p discover.Progress) { last = p } })
	if last.Accounts != 1 || last.Regions != 3 || last.StepsDone != last.Steps || last.Calls == 0 || last.Throttles == 0 {
		t.Errorf("final progress %+v", last)
	}
}

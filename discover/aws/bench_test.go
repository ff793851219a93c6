package aws

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/untether-dev/untether/discover/aws/awsfake"
)

const benchLatency = 50 * time.Millisecond

var benchAccounts = []string{"111122223333", "222233334444", "333344445555"}
var benchRegions = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}

// benchFake serves accounts x regions of the fixture with a fixed latency
// per call and no other faults.
func benchFake(tb testing.TB, accounts, regions []string) *awsfake.Server {
	isolate(tb)
	var accts []*awsfake.Account
	for _, a := range accounts {
		accts = append(accts, awsfake.Fixture(a, regions...))
	}
	f := awsfake.New(accts...)
	f.Latency = benchLatency
	tb.Cleanup(f.Close)
	return f
}

// benchRun collects every account (the first with its own keys, the others
// by assuming a role) and returns the wall time and the calls made.
func benchRun(tb testing.TB, f *awsfake.Server, accounts []string, concurrency int) (time.Duration, int) {
	opt := Options{
		EndpointURL: f.URL, HTTPClient: f.Client(), Concurrency: concurrency,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAFAKE"+accounts[0], "fake", ""),
	}
	for _, a := range accounts {
		opt.RoleARNs = append(opt.RoleARNs, "arn:aws:iam::"+a+":role/audit")
	}
	before := len(f.Calls())
	start := time.Now()
	e, err := Collect(context.Background(), opt)
	d := time.Since(start)
	if err != nil {
		tb.Fatal(err)
	}
	if len(e.Gaps) > 0 {
		tb.Fatalf("unexpected gaps: %+v", e.Gaps)
	}
	return d, len(f.Calls()) - before
}

// chainTime is the longest chain of dependent calls: one account and one
// region with unbounded concurrency, where nothing ever waits for a slot.
func chainTime(tb testing.TB) time.Duration {
	f := benchFake(tb, benchAccounts[:1], benchRegions[:1])
	d, _ := benchRun(tb, f, benchAccounts[:1], 1<<12)
	return d
}

// TestPerformanceBound: three accounts x four regions finish within 1.5x
// of the longest dependent chain under the default concurrency, and never
// exceed it.
func TestPerformanceBound(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	chain := chainTime(t)
	f := benchFake(t, benchAccounts, benchRegions)
	// The processing cost of the run (the SDK's serialisation, signing and
	// parsing, and the fake's own work, on the same cores) is measured at
	// zero latency: it is CPU the scheduling cannot hide, and on a busy
	// machine it is far from negligible.
	f.Latency = 0
	cpu, _ := benchRun(t, f, benchAccounts, DefaultConcurrency)
	f.Latency = benchLatency
	d, calls := benchRun(t, f, benchAccounts, DefaultConcurrency)
	t.Logf("longest chain %v (latency %v per call); 3 accounts x 4 regions: %v, %d calls, %.2f x the chain, max in flight %d (limit %d); processing alone %v",
		chain.Round(time.Millisecond), benchLatency, d.Round(time.Millisecond), calls,
		float64(d)/float64(chain), f.MaxInFlight(), DefaultConcurrency, cpu.Round(time.Millisecond))
	if d > chain*3/2+cpu {
		t.Errorf("took %v, more than 1.5 x the chain %v (+ processing %v)", d, chain, cpu)
	}
	if f.MaxInFlight() > DefaultConcurrency {
		t.Errorf("max in flight %d exceeds the concurrency %d", f.MaxInFlight(), DefaultConcurrency)
	}
}

func BenchmarkCollect3Accounts4Regions(b *testing.B) {
	for _, conc := range []int{16, 64, DefaultConcurrency} {
		b.Run(fmt.Sprintf("concurrency=%d", conc), func(b *testing.B) {
			f := benchFake(b, benchAccounts, benchRegions)
			var calls int
			for b.Loop() {
				_, calls = benchRun(b, f, benchAccounts, conc)
			}
			b.ReportMetric(float64(calls), "calls/op")
			b.ReportMetric(float64(f.MaxInFlight()), "max-in-flight")
		})
	}
}

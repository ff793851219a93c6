package cmd

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/discover/policy"
	"github.com/untether-dev/untether/graph"
)

func awsTestEnv(t *testing.T, account string) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_CONFIG_FILE": filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "credentials"),
		"AWS_PROFILE": "", "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_ACCESS_KEY_ID": "AKIAFAKE" + account, "AWS_SECRET_ACCESS_KEY": "fake", "AWS_SESSION_TOKEN": "",
	} {
		t.Setenv(k, v)
	}
}

// awsSource is the source flags of a command, parsed from args.
type awsSource struct{ s *sourceOptions }

func parseAWSFlags(t *testing.T, args ...string) awsSource {
	t.Helper()
	s := &sourceOptions{config: filepath.Join(t.TempDir(), "none.yaml")}
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	s.register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	s.policy = &policy.Policy{}
	return awsSource{s}
}

func (a awsSource) enabled() bool { return a.s.liveOrDemo() }

// collect loads the live sources as a command would, with stderr a
// terminal or not.
func (a awsSource) collect(ctx context.Context, stderr io.Writer, terminal bool) (*graph.Estate, error) {
	return a.s.load(ctx, &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: stderr, ErrIsTerminal: terminal}, nil)
}

func TestAWSFlagsCollectThroughEndpoint(t *testing.T) {
	awsTestEnv(t, "111122223333")
	acct := awsfake.Fixture("111122223333", "us-east-1")
	acct.Regions["us-west-2"] = awsfake.NewData()
	fake := awsfake.New(acct)
	defer fake.Close()
	fake.DenyRegion = "us-west-2"

	f := parseAWSFlags(t, "--aws", "--aws-endpoint-url", fake.URL, "--aws-regions", "us-east-1,us-west-2", "--concurrency", "4")
	if !f.enabled() {
		t.Fatal("--aws not enabled")
	}
	var stderr bytes.Buffer
	e, err := f.collect(context.Background(), &stderr, false)
	if err != nil {
		t.Fatal(err)
	}
	if stderr.Len() != 0 {
		t.Errorf("progress must stay quiet when stderr is not a terminal, got %q", stderr.String())
	}
	found := false
	for _, n := range e.Nodes {
		found = found || n.ID == "arn:aws:rds:us-east-1:111122223333:db:orders"
	}
	if !found {
		t.Errorf("the fixture's database was not collected")
	}
	denied := 0
	for _, g := range e.Gaps {
		if g.Region == "us-west-2" && g.Status == graph.GapDenied {
			denied++
		}
	}
	if denied == 0 {
		t.Errorf("want denied gaps for us-west-2, got %+v", e.Gaps)
	}
	if m := fake.MaxInFlight(); m > 4 {
		t.Errorf("--concurrency 4 exceeded: %d in flight", m)
	}

	stderr.Reset()
	if _, err := f.collect(context.Background(), &stderr, true); err != nil {
		t.Fatal(err)
	}
	if out := stderr.String(); !strings.Contains(out, "aws: 1 accounts, 2 regions") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("terminal progress: %q", out)
	}
}

func TestAWSFlagsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--aws", "--aws-external-id", "x"},
		{"--aws", "--concurrency", "0"},
		{"--aws", "--call-timeout", "-1s"},
		{"--aws", "--aws-role-arn", "not-an-arn"},
	} {
		f := parseAWSFlags(t, args...)
		if _, err := f.collect(context.Background(), &bytes.Buffer{}, false); err == nil || !strings.Contains(err.Error(), "--") {
			t.Errorf("%v: want a usage error, got %v", args, err)
		}
	}
	if parseAWSFlags(t).enabled() {
		t.Errorf("enabled without --aws")
	}
}

package aws

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/graph"
)

const testAccount = "111122223333"

// isolate keeps the developer's AWS configuration out of tests.
func isolate(t testing.TB) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_CONFIG_FILE": filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "credentials"),
		"AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_ENDPOINT_URL": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_ROLE_ARN": "", "AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "",
	} {
		t.Setenv(k, v)
	}
}

// fixtureFake is the golden fixture: one account, two full regions, one
// region that denies everything and one opt-in region not enabled; every
// list comes in pages of two, every operation is throttled once first, and
// Kinesis is slow.
func fixtureFake(t testing.TB) *awsfake.Server {
	isolate(t)
	acct := awsfake.Fixture(testAccount, "us-east-1", "eu-west-1")
	acct.Regions["us-west-2"] = awsfake.NewData()
	acct.OptIn = []string{"af-south-1"}
	f := awsfake.New(acct)
	f.DenyRegion = "us-west-2"
	f.ThrottleFirst = 1
	f.SlowService = "kinesis"
	f.Slow = 100 * time.Millisecond
	t.Cleanup(f.Close)
	return f
}

func fakeOptions(f *awsfake.Server, account string) Options {
	return Options{
		EndpointURL: f.URL,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAFAKE"+account, "fake-secret", ""),
		HTTPClient:  f.Client(),
		Run:         discover.RunOptions{MaxBackoff: 5 * time.Millisecond, CallTimeout: 5 * time.Second},
	}
}

func collectFixture(t testing.TB, f *awsfake.Server, mutate func(*Options)) *graph.Estate {
	t.Helper()
	opt := fakeOptions(f, testAccount)
	if mutate != nil {
		mutate(&opt)
	}
	e, err := Collect(context.Background(), opt)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	return e
}

package azure

import (
	"context"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/fake"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/graph"
)

// fixtureFake serves the golden fixture.
func fixtureFake(t testing.TB) *azurefake.Server {
	s := azurefake.New(azurefake.Fixture())
	t.Cleanup(s.Close)
	return s
}

// fakeOptions point the collector at s through the SDK's own cloud
// configuration (endpoint and audience), with s's TLS client as transport
// and the SDK's fake credential.
func fakeOptions(s *azurefake.Server) Options {
	return Options{Endpoint: s.URL, Credential: &fake.TokenCredential{}, Transport: s.Client().Transport}
}

func fastRun() discover.RunOptions {
	return discover.RunOptions{MaxBackoff: 5 * time.Millisecond, CallTimeout: 5 * time.Second, MaxAttempts: 4}
}

func collect(t testing.TB, s *azurefake.Server, mutate func(*Options), run discover.RunOptions) *graph.Estate {
	t.Helper()
	opt := fakeOptions(s)
	if mutate != nil {
		mutate(&opt)
	}
	e, err := Collect(context.Background(), discover.NewRun(provider, run), opt)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	return e
}

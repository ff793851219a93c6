package gcp

import (
	"context"
	"testing"
	"time"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/gcp/gcpfake"
	"github.com/untether-dev/untether/graph"
)

// fixtureFake serves the golden fixture; shop-denied answers 403.
func fixtureFake(t testing.TB) *gcpfake.Server {
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent/untether-test-credentials.json")
	f := gcpfake.New(gcpfake.Fixture())
	f.Denied = []string{gcpfake.DeniedProject}
	t.Cleanup(f.Close)
	return f
}

func fakeOptions(f *gcpfake.Server, projects ...string) Options {
	return Options{Projects: projects, Endpoint: f.URL,
		Run: discover.RunOptions{MaxBackoff: 5 * time.Millisecond, CallTimeout: 5 * time.Second}}
}

func collectFixture(t testing.TB, f *gcpfake.Server, mutate func(*Options)) *graph.Estate {
	t.Helper()
	opt := fakeOptions(f, gcpfake.ProdProject, gcpfake.EUProject)
	if mutate != nil {
		mutate(&opt)
	}
	e, err := Collect(context.Background(), opt)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	return e
}

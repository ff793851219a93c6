package azure

import (
	"context"
	"testing"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/discover/collectortest"
	"github.com/untether-dev/untether/graph"
)

func TestConformance(t *testing.T) {
	healthy := fixtureFake(t)
	failing := fixtureFake(t)
	failing.Denied[azurefake.SubData] = true
	failing.MalformedPage = 3
	collectortest.Run(t, collectortest.Suite{
		Collect: func(ctx context.Context) (*graph.Estate, error) {
			return Collect(ctx, discover.NewRun(provider, fastRun()), fakeOptions(healthy))
		},
		Secrets:    azurefake.Secrets,
		IDPrefixes: []string{"/subscriptions/", "dns:"},
		Failing: func(ctx context.Context) (*graph.Estate, error) {
			opt := fakeOptions(failing)
			opt.Subscriptions = []string{azurefake.SubShop, azurefake.SubData}
			opt.PageSize = 5
			return Collect(ctx, discover.NewRun(provider, fastRun()), opt)
		},
		WantGaps: []graph.Gap{
			{Provider: "azure", Account: azurefake.SubData, Status: graph.GapDenied, Detail: "Reader role"},
			{Provider: "azure", Account: azurefake.SubShop, Status: graph.GapFailed, Detail: "malformed"},
		},
	})
}

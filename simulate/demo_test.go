package simulate

import (
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/demo"
)

// The embedded demo estate exercises every part of the audit on a realistic
// estate; these checks pin what the demo was built to show.
func TestAuditDemo(t *testing.T) {
	e, err := demo.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := m.Audit()
	t.Logf("score %v %s, %d services (%d critical), %d SPOFs, %d double points, lock-in %v, provider HHI %v",
		a.Score.Resilience, a.Score.Grade, a.Estate.Services, a.Estate.Critical, len(a.SPOFs), a.DoublePointsTotal, a.Lockin.Estate, a.Concentration.Providers.Index)
	if a.Estate.Services == 0 || len(a.SPOFs) == 0 || len(a.Scenarios) == 0 {
		t.Fatalf("demo audit is empty: %+v", a.Estate)
	}
}

// TestDemoDoublePointsNameEachFailureOnce: the demo's payments fail over
// from Stripe to Adyen. Losing both is one double point, listed once by the
// providers, not again with each SaaS API's own id (the provider has no
// other resource, so its outage and the API's are one failure).
func TestDemoDoublePointsNameEachFailureOnce(t *testing.T) {
	e, err := demo.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewModel(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, dp := range m.Audit().DoublePoints {
		if strings.Contains(dp.Nodes[0]+" "+dp.Nodes[1], "stripe") {
			got = append(got, dp.Nodes)
		}
	}
	if len(got) != 1 || got[0] != [2]string{"adyen", "stripe"} {
		t.Errorf("double points naming Stripe: %v, want only [adyen stripe]", got)
	}
}

package simulate

import (
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

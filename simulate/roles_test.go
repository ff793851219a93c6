package simulate

import (
	"slices"
	"testing"
)

// TestConfigurationNeverCarriesFailure: the worker needs its subnet (path)
// and a launch template (configuration). The template sits in one zone;
// losing that zone must not stop the worker, the template is never a SPOF,
// never stands in for a service, and a bare VPC with nothing behind it does
// not either; the load balancer fronting the worker does.
func TestConfigurationNeverCarriesFailure(t *testing.T) {
	m := model(t, `
zone aws/r/a
zone aws/r/b
res lb role=path
res worker role=workload
res subnet role=path
res template role=configuration
res iam role=configuration
res vpc role=path
need lb worker
need worker subnet template
need subnet aws/r/b vpc
need template aws/r/a
need iam worker
need vpc aws/r
`)
	var stand []string
	for _, s := range m.Services() {
		stand = append(stand, m.id(s))
	}
	if want := []string{"lb"}; !slices.Equal(stand, want) {
		t.Errorf("stand-in services = %v, want %v (configuration and bare networks never stand in)", stand, want)
	}
	a := m.Audit()
	for _, sp := range a.SPOFs {
		switch sp.Node {
		case "template", "iam", "aws/r/a":
			t.Errorf("%s is reported a SPOF: configuration never carries a failure", sp.Node)
		}
	}
	found := false
	for _, sp := range a.SPOFs {
		found = found || sp.Node == "aws/r/b"
	}
	if !found {
		t.Errorf("zone b (the subnet's) should be a SPOF; got %+v", a.SPOFs)
	}
	x, _ := m.c.Index("template")
	if m.IsCandidate(x) {
		t.Errorf("a configuration node is a SPOF candidate")
	}
}

package terraform

import (
	"fmt"
	"slices"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// TestPlanAndStateAgree reads one configuration twice: as the plan that
// creates it (ids unknown, references from the configuration) and as the
// state after apply (ids known). Both must give the same services and the
// same SPOF answers.
func TestPlanAndStateAgree(t *testing.T) {
	answers := func(file string) (svcs, spofs []string) {
		est, err := Read("testdata/plan_state/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if est, err = ModuleServices(est); err != nil {
			t.Fatal(err)
		}
		m, err := simulate.NewModel(est, simulate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := m.Compiled()
		label := func(id string) string {
			i, _ := c.Index(id)
			if a, ok := c.Nodes[i].Attrs["address"].(string); ok {
				return a
			}
			if c.Nodes[i].Class == graph.ClassService {
				return "service " + c.Nodes[i].Name
			}
			return id
		}
		for _, s := range m.Services() {
			svcs = append(svcs, label(c.Nodes[s].ID))
		}
		for _, sp := range m.Audit().SPOFs {
			var who []string
			for _, s := range sp.Services {
				who = append(who, label(s))
			}
			spofs = append(spofs, fmt.Sprintf("%s (%s) stops %v", label(sp.Node), sp.Level, who))
		}
		slices.Sort(svcs)
		slices.Sort(spofs)
		return svcs, spofs
	}
	planSvcs, planSpofs := answers("plan.json")
	stateSvcs, stateSpofs := answers("state.tfstate")
	if !slices.Equal(planSvcs, stateSvcs) {
		t.Errorf("services differ:\nplan  %v\nstate %v", planSvcs, stateSvcs)
	}
	if !slices.Equal(planSpofs, stateSpofs) {
		t.Errorf("SPOFs differ:\nplan  %q\nstate %q", planSpofs, stateSpofs)
	}
	if len(planSvcs) == 0 || len(planSpofs) == 0 {
		t.Errorf("the case should have services and SPOFs (the single-AZ database): %v %v", planSvcs, planSpofs)
	}
	t.Logf("services %v; SPOFs %q", planSvcs, planSpofs)
}

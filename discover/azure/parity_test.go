package azure

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/discover/terraform"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// parityRows are the Resource Graph rows of the estate testdata/parity.tfstate
// describes: the same resources, as Azure reports them.
func parityRows() []azurefake.Row {
	const sub, rg = azurefake.SubShop, "rg-parity"
	all3 := []string{"1", "2", "3"}
	sql := azurefake.ID(sub, rg, "Microsoft.Sql/servers", "sql")
	res := []azurefake.Resource{
		{Type: "Microsoft.Compute/virtualMachines", Name: "vm-a", Zones: []string{"1"}},
		{Type: "Microsoft.Compute/virtualMachines", Name: "vm-b", Zones: []string{"2"}},
		{Type: "Microsoft.Compute/virtualMachineScaleSets", Name: "vmss-web", Zones: all3,
			SKU: map[string]any{"name": "Standard_D2s_v5", "capacity": 3}, Props: map[string]any{"zoneBalance": true}},
		{Type: "Microsoft.ContainerService/managedClusters", Name: "aks", Props: map[string]any{"agentPoolProfiles": []any{
			map[string]any{"name": "system", "mode": "System", "count": 3, "availabilityZones": all3}}}},
		{ID: sql, Type: "Microsoft.Sql/servers", Name: "sql"},
		{ID: sql + "/databases/orders", Type: "Microsoft.Sql/servers/databases", Name: "orders", Props: map[string]any{"zoneRedundant": true}},
		{Type: "Microsoft.Storage/storageAccounts", Name: "stparityzrs", SKU: map[string]any{"name": "Standard_ZRS"}},
		{Type: "Microsoft.Network/publicIPAddresses", Name: "pip", Zones: all3, SKU: map[string]any{"name": "Standard"}},
		{Type: "Microsoft.Network/loadBalancers", Name: "lb", SKU: map[string]any{"name": "Standard"},
			Props: map[string]any{"frontendIPConfigurations": []any{map[string]any{"name": "fe", "zones": all3}}}},
		{Type: "Microsoft.Network/applicationGateways", Name: "agw", Zones: all3, Props: map[string]any{"sku": map[string]any{"name": "WAF_v2"}}},
		{Type: "Microsoft.Network/azureFirewalls", Name: "fw", Zones: all3},
		{Type: "Microsoft.Cache/Redis", Name: "redis", Zones: []string{"1", "2"}},
		{Type: "Microsoft.Storage/storageAccounts", Name: "stparitylrs", SKU: map[string]any{"name": "Standard_LRS"}},
		{Type: "Microsoft.Compute/virtualMachines", Name: "vm-legacy",
			Props: map[string]any{"availabilitySet": map[string]any{"id": azurefake.ID(sub, rg, "Microsoft.Compute/availabilitySets", "avset")}}},
		{Type: "Microsoft.Network/virtualNetworkGateways", Name: "vgw", Props: map[string]any{"sku": map[string]any{"name": "VpnGw1"}}},
		{Type: "Microsoft.Network/virtualNetworkGateways", Name: "vgw-az", Props: map[string]any{"sku": map[string]any{"name": "VpnGw2AZ"}}},
	}
	rows := []azurefake.Row{azurefake.SubscriptionRow(sub, "parity")}
	for _, r := range res {
		r.Sub, r.Group, r.Location = sub, rg, "eastus"
		rows = append(rows, r.Row())
	}
	return rows
}

// zoneAnswers is, for each zone of eastus and for the zone nobody names
// (graph.DecidedAtApply: LRS storage, a VM in an availability set, a
// gateway without an AZ SKU),
// the names of the resources that go down when it fails.
func zoneAnswers(t *testing.T, e *graph.Estate) map[string][]string {
	t.Helper()
	m, err := simulate.NewModel(e, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, n := range e.Nodes {
		if n.Class == graph.ClassResource {
			names[n.ID] = n.Name
		}
	}
	out := map[string][]string{}
	for _, z := range []string{"1", "2", "3", graph.DecidedAtApply} {
		sim, err := m.Simulate([]string{"zone:azure/eastus/" + z})
		if err != nil {
			t.Fatal(err)
		}
		var down []string
		for _, id := range sim.Down {
			if name, ok := names[id]; ok {
				down = append(down, name)
			}
		}
		slices.Sort(down)
		out[z] = slices.Compact(down)
	}
	return out
}

// TestTerraformParity: an Azure estate described in Terraform and read
// through Resource Graph gives the same zone answers.
func TestTerraformParity(t *testing.T) {
	path := filepath.Join("testdata", "parity.tfstate")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fromTF, err := terraform.Decode(data, path)
	if err != nil {
		t.Fatal(err)
	}
	s := azurefake.New(parityRows())
	t.Cleanup(s.Close)
	fromRG := collect(t, s, nil, fastRun())
	tf, rg := zoneAnswers(t, fromTF), zoneAnswers(t, fromRG)
	for _, z := range []string{"1", "2", "3", graph.DecidedAtApply} {
		if !slices.Equal(tf[z], rg[z]) {
			t.Errorf("zone %s takes down\n  Terraform:      %v\n  Resource Graph: %v", z, tf[z], rg[z])
		}
	}
	if want := []string{"vm-a"}; !slices.Equal(rg["1"], want) {
		t.Errorf("zone 1 must take down exactly %v, got %v", want, rg["1"])
	}
	if want := []string{"stparitylrs", "vgw", "vm-legacy"}; !slices.Equal(rg[graph.DecidedAtApply], want) {
		t.Errorf("the zone nobody names must take down exactly %v, got %v", want, rg[graph.DecidedAtApply])
	}
}

package azure

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/graph"
)

// TestOddRows: every mapped type with properties of the wrong shape, and
// rows whose columns have unexpected types, give a valid estate (and a gap
// for the odd columns), never a panic or a lost page.
func TestOddRows(t *testing.T) {
	rows := []azurefake.Row{azurefake.SubscriptionRow(azurefake.SubShop, "odd\u202eevil\x1b]8;;x\x07")}
	oddProps := []any{"a string", 42, []any{1, 2}, map[string]any{
		"locations": "none", "agentPoolProfiles": map[string]any{}, "frontendIPConfigurations": 7,
		"zoneRedundant": "yes", "partnerServers": []any{nil, 3}, "endpoints": []any{map[string]any{"properties": 9}},
		"sku": []any{}, "backendPools": "x", "privateLinkServiceConnections": []any{map[string]any{}},
		"highAvailability": 1, "serverFarmId": 12, "hostName": false,
	}}
	i := 0
	for typ := range mappers {
		for _, p := range oddProps {
			i++
			rows = append(rows, azurefake.Resource{Sub: azurefake.SubShop, Group: "rg-odd", Type: typ,
				Name: fmt.Sprintf("odd-%d\n::error::x", i), Location: "eastus", Zones: []string{"", " 1 "},
				SKU: map[string]any{"name": "Standard_LRS", "capacity": 2}, Props: map[string]any{"x": p}}.Row())
			raw := map[string]any{}
			_ = json.Unmarshal(azurefake.Resource{Sub: azurefake.SubShop, Group: "rg-odd", Type: typ, Name: fmt.Sprintf("raw-%d", i), Location: "eastus"}.Row().JSON, &raw)
			raw["properties"], raw["zones"], raw["sku"], raw["tags"] = p, "1", map[string]any{"capacity": "many"}, []any{"x"}
			b, _ := json.Marshal(raw)
			rows = append(rows, azurefake.Row{ID: raw["id"].(string), Subscription: azurefake.SubShop, JSON: b})
		}
	}
	// Properties themselves of the wrong shape, per type.
	for typ := range mappers {
		i++
		r := azurefake.Resource{Sub: azurefake.SubShop, Group: "rg-odd", Type: typ, Name: fmt.Sprintf("props-%d", i), Location: "eastus"}.Row()
		m := map[string]any{}
		_ = json.Unmarshal(r.JSON, &m)
		m["properties"] = oddProps[3]
		r.JSON, _ = json.Marshal(m)
		rows = append(rows, r)
	}
	s := azurefake.New(rows)
	t.Cleanup(s.Close)
	e := collect(t, s, nil, fastRun())
	if err := graph.Validate(e); err != nil {
		t.Fatal(err)
	}
	if gapWith(e, graph.GapFailed, "unexpected types") == nil {
		t.Errorf("no gap for the rows with odd columns: %+v", e.Gaps)
	}
	if len(e.Nodes) < len(mappers) {
		t.Errorf("only %d nodes from %d rows", len(e.Nodes), len(rows))
	}
}

package azure

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/graph"
)

// corpusDir finds the real-world corpus beside the checkout, or in
// UNTETHER_CORPUS; "" when absent.
func corpusDir() string {
	for _, d := range []string{os.Getenv("UNTETHER_CORPUS"), "../../../shared/corpus"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err == nil {
			return d
		}
	}
	return ""
}

// corpusRows turns the recorded ARM responses of the corpus into the rows
// Resource Graph serves for the same resources: its columns, the type in
// lowercase, the location as a region name, the subscription and resource
// group from the id, the properties as ARM returned them.
func corpusRows(t *testing.T, dir string) (rows []azurefake.Row, ids []string) {
	files, _ := filepath.Glob(filepath.Join(dir, "cloud-custodian/_extracted/tools/c7n_azure/tests_azure/cassettes/*/*.json"))
	if len(files) == 0 {
		t.Skip("no Azure API recordings in the corpus")
	}
	subs := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Value []map[string]any `json:"value"`
		}
		if json.Unmarshal(data, &doc) != nil || len(doc.Value) == 0 {
			var one map[string]any
			if json.Unmarshal(data, &one) != nil || one["id"] == nil {
				continue
			}
			doc.Value = []map[string]any{one}
		}
		for _, arm := range doc.Value {
			id, _ := arm["id"].(string)
			if id == "" || strings.Contains(strings.ToLower(id), "/ipconfigurations/") {
				continue
			}
			loc, _ := arm["location"].(string)
			typ, _ := arm["type"].(string)
			sub := subscriptionOf(id)
			subs[sub] = true
			rg := ""
			if parts := strings.Split(id, "/"); len(parts) > 4 {
				rg = strings.ToLower(parts[4])
			}
			cols := map[string]any{"id": id, "name": arm["name"], "type": strings.ToLower(typ), "location": region(loc),
				"subscriptionId": sub, "resourceGroup": rg, "kind": arm["kind"], "sku": arm["sku"], "zones": arm["zones"],
				"tags": arm["tags"], "properties": arm["properties"]}
			b, _ := json.Marshal(cols)
			rows = append(rows, azurefake.Row{ID: id, Subscription: sub, JSON: b})
			ids = append(ids, id)
		}
	}
	for sub := range subs {
		rows = append(rows, azurefake.SubscriptionRow(sub, "corpus"))
	}
	return rows, ids
}

// TestCorpusResponses reads the corpus's recorded Azure responses as
// Resource Graph rows and checks what an architect reads from them.
func TestCorpusResponses(t *testing.T) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("../shared/corpus is absent")
	}
	rows, ids := corpusRows(t, dir)
	s := azurefake.New(rows)
	t.Cleanup(s.Close)
	e := collect(t, s, nil, fastRun())
	if len(e.Gaps) != 0 {
		t.Errorf("gaps: %+v", e.Gaps)
	}
	nodes := map[string]graph.Node{}
	for _, n := range e.Nodes {
		nodes[strings.ToLower(n.ID)] = n
	}
	needs := map[string][]string{}
	for _, ed := range e.Edges {
		needs[strings.ToLower(ed.From)] = append(needs[strings.ToLower(ed.From)], ed.To)
	}
	for _, id := range ids {
		n, ok := nodes[strings.ToLower(id)]
		if !ok && !strings.HasSuffix(id, "/databases/master") {
			t.Errorf("%s was not kept", id)
		}
		if strings.Contains(n.Region, " ") {
			t.Errorf("%s: region %q not normalised", id, n.Region)
		}
	}
	var zonal, cosmos, lrs, aks, vmss int
	for _, n := range e.Nodes {
		to := needs[strings.ToLower(n.ID)]
		has := func(want string) bool {
			for _, x := range to {
				if x == want {
					return true
				}
			}
			return false
		}
		switch {
		case n.Type == "microsoft.compute/virtualmachines" && len(n.Zones) == 1:
			zonal++ // the VM the recording gives zones ["1"] needs that zone
			if !has(graph.ZoneID("azure", n.Region, n.Zones[0])) {
				t.Errorf("zonal VM %s does not need its zone: %v", n.Name, to)
			}
		case n.Type == "microsoft.documentdb/databaseaccounts":
			cosmos++ // one location, not zone-redundant: a zone nobody names
			if n.Region != "southcentralus" || !has(graph.ZoneID("azure", "southcentralus", graph.DecidedAtApply)) {
				t.Errorf("cosmos %s: region %q needs %v", n.Name, n.Region, to)
			}
		case n.Type == "microsoft.storage/storageaccounts" && strings.HasSuffix(n.Attrs["sku"].(string), "_LRS"):
			lrs++
			if !has(graph.ZoneID("azure", n.Region, graph.DecidedAtApply)) {
				t.Errorf("LRS account %s must sit in a zone nobody names: %v", n.Name, to)
			}
		case n.Type == "microsoft.containerservice/managedclusters/agentpools":
			aks++ // a 2019 cluster: one pool, no mode, availability-set nodes
			if n.Attrs["mode"] != "System" || !has(graph.ZoneID("azure", n.Region, graph.DecidedAtApply)) {
				t.Errorf("AKS pool %s: %v needs %v", n.Name, n.Attrs, to)
			}
		case n.Type == "microsoft.compute/virtualmachinescalesets":
			vmss++
			if !has(graph.ZoneID("azure", n.Region, graph.DecidedAtApply)) {
				t.Errorf("scale set %s without zones: %v", n.Name, to)
			}
		}
	}
	if zonal == 0 || cosmos == 0 || lrs < 7 || aks == 0 || vmss == 0 {
		t.Errorf("corpus cases not all seen: zonal VMs %d, cosmos %d, LRS %d, AKS pools %d, scale sets %d", zonal, cosmos, lrs, aks, vmss)
	}
	var out strings.Builder
	if err := graph.Encode(&out, e); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "ssh-rsa") {
		t.Errorf("an SSH public key of the recordings reached the estate")
	}
}

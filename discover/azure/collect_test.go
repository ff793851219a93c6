package azure

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/azure/azurefake"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

// TestGolden holds the whole estate of the fixture byte for byte.
func TestGolden(t *testing.T) {
	e := collect(t, fixtureFake(t), nil, fastRun())
	var got bytes.Buffer
	if err := graph.Encode(&got, e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("estate differs from %s (go test -update rewrites it after review):\n%s", path, diffLine(want, got.Bytes()))
	}
}

func diffLine(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "lengths differ"
}

func shopID(group, typ, name string) string { return azurefake.ID(azurefake.SubShop, group, typ, name) }

// TestFixtureSPOFs gives the fixture a tier-1 service that needs its main
// parts and checks the SPOFs the fixture was built to have, and those it
// was built not to have.
func TestFixtureSPOFs(t *testing.T) {
	e := collect(t, fixtureFake(t), nil, fastRun())
	b := graph.NewBuilder()
	b.Merge(e)
	svc := b.Node(graph.Node{ID: "service:shop", Class: graph.ClassService, Name: "shop", Tier: 1}).ID
	sql := shopID("rg-shop", "Microsoft.Sql/servers", "sql-shop")
	for _, need := range []string{
		shopID("rg-web", "Microsoft.Network/trafficManagerProfiles", "tm-shop"),
		shopID("rg-web", "Microsoft.Cdn/profiles", "afd-shop"),
		shopID("rg-shop", "Microsoft.Compute/virtualMachineScaleSets", "vmss-web"),
		shopID("rg-shop", "Microsoft.ContainerService/managedClusters", "aks-shop") + "/agentPools/spot",
		sql + "/databases/orders",
		sql + "/databases/reports",
		shopID("rg-shop", "Microsoft.DocumentDB/databaseAccounts", "cosmos-carts"),
		shopID("rg-shop", "Microsoft.DocumentDB/databaseAccounts", "cosmos-audit"),
		shopID("rg-shop", "Microsoft.Storage/storageAccounts", "stshopzrs"),
		shopID("rg-shop", "Microsoft.KeyVault/vaults", "kv-shop"),
		shopID("rg-shop", "Microsoft.EventHub/namespaces", "evh-shop"),
	} {
		if b.Get(need) == nil {
			t.Fatalf("fixture lacks %s", need)
		}
		b.Edge(svc, need, "test")
	}
	est, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := simulate.NewModel(est, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	spofs := map[string]bool{}
	for _, s := range m.Audit().SPOFs {
		spofs[s.Node] = true
	}
	for id, want := range map[string]bool{
		"azure/eastus/1":                  true,  // the AKS user pool lives in zone 1 only
		"azure/eastus/2":                  false, // every other zonal part spans zones
		"azure/eastus/decided-at-apply":   true,  // reports: zoneRedundant=false
		"azure/eastus":                    true,  // cosmos-audit writes need eastus (no automatic failover)
		"azure/global/service/entra-id":   true,  // Key Vault needs Entra ID tokens
		"azure/global/service/front-door": true,  // afd-shop
		"azure/eastus/service/cosmosdb":   true,  // cosmos-audit's write region
		"azure/westus2":                   false, // cosmos-carts fails over to it, never needs it
		"azure/eastus/service/event-hubs": true,
		sql:                               true, // both databases are served through the server
		sql + "/databases/orders":         true,
		shopID("rg-web", "Microsoft.Web/sites", "app-shop"): false, // Traffic Manager also answers with the DR endpoint
	} {
		if spofs[id] != want {
			t.Errorf("SPOF %s: got %v, want %v", id, spofs[id], want)
		}
	}
}

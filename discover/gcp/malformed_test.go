package gcp

import (
	"encoding/json"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// assembleData maps one asset of each type with the given resource.data.
func assembleData(t testing.TB, data map[string]any, location string) *graph.Estate {
	var items []item
	for typ := range rules {
		items = append(items, item{name: "//x.googleapis.com/projects/shop-prod/zones/us-central1-a/things/" + typ, typ: typ,
			location: location, projectNum: "1", data: data})
	}
	e, err := assemble([]listing{{parent: "projects/shop-prod", assets: items}}, nil)
	if err != nil {
		t.Fatalf("data %v: %v", data, err)
	}
	return e
}

// TestMalformedDataNeverPanics: fields of the wrong type, missing or
// hostile, read as absent; the estate still validates.
func TestMalformedDataNeverPanics(t *testing.T) {
	for _, data := range []map[string]any{
		nil, {},
		{"zone": 7, "region": []any{1}, "selfLink": 3, "name": map[string]any{}},
		{"distributionPolicy": "x", "backends": "y", "pathMatchers": []any{7, nil, "z"}, "locations": []any{1, "us-central1-a"}},
		{"settings": []any{}, "gceZone": "not a zone", "secondaryGceZone": "us-east1-b", "masterInstanceName": "no-colon"},
		{"selfLink": "https://x/projects/p/zones/us-central1-a/instances/i", "zone": "../../../etc", "labels": map[string]any{"k": 1, "db_password": "s3cret"}},
		{"backends": []any{map[string]any{"group": ""}, map[string]any{"group": 5}}, "defaultService": "https://x/projects/p/global/backendServices/b"},
		{"messageStoragePolicy": map[string]any{"allowedPersistenceRegions": []any{"", 3}}, "customPlacementConfig": map[string]any{"dataLocations": "US"}},
		{"distributionPolicy": map[string]any{"targetShape": "ANY_SINGLE_ZONE", "zones": []any{map[string]any{"zone": "us-central1-a"}, "bad"}}, "region": "us-central1"},
		{"locationId": "us-central1-a", "alternativeLocationId": "europe-west1-b", "tier": "STANDARD_HA"},
	} {
		for _, loc := range []string{"", "us-central1-a", "global", "US", "\x1b[31m"} {
			assembleData(t, data, loc)
		}
	}
}

// FuzzAssemble: any JSON object as resource.data of every mapped type
// gives a valid estate, never a panic.
func FuzzAssemble(f *testing.F) {
	f.Add(`{"zone":"us-central1-a"}`, "us-central1")
	f.Add(`{"distributionPolicy":{"zones":[{"zone":"x"}],"targetShape":"ANY_SINGLE_ZONE"}}`, "")
	f.Add(`{"backends":[{"group":"projects/p/zones/z/instanceGroups/g"}]}`, "global")
	f.Fuzz(func(t *testing.T, js, loc string) {
		var data map[string]any
		if json.Unmarshal([]byte(js), &data) != nil {
			return
		}
		assembleData(t, data, loc)
	})
}

package regions

import (
	"regexp"
	"slices"
	"testing"
)

func TestGCPDualRegion(t *testing.T) {
	for loc, want := range map[string][]string{
		"NAM4": {"us-central1", "us-east1"}, "eur4": {"europe-north1", "europe-west4"},
		"Asia1": {"asia-northeast1", "asia-northeast2"},
		"US":    nil, "us-central1": nil, "nam3": nil, "": nil,
	} {
		if got := GCPDualRegion(loc); !slices.Equal(got, want) {
			t.Errorf("GCPDualRegion(%q) = %v, want %v", loc, got, want)
		}
	}
	GCPDualRegion("nam4")[0] = "changed"
	if GCPDualRegion("nam4")[0] != "us-central1" {
		t.Error("a caller changed the table through the returned slice")
	}
}

// Every row names two different real-looking regions in lower case.
func TestGCPDualRegionTable(t *testing.T) {
	region := regexp.MustCompile(`^[a-z]+-[a-z]+[0-9]+$`)
	if len(gcpDual) < 6 {
		t.Fatalf("only %d dual regions", len(gcpDual))
	}
	for loc, rs := range gcpDual {
		if len(rs) != 2 || rs[0] == rs[1] {
			t.Errorf("%s: %v, want two different regions", loc, rs)
		}
		for _, r := range rs {
			if !region.MatchString(r) {
				t.Errorf("%s: %q is not a region name", loc, r)
			}
		}
	}
}

func TestMustParseRefusesBadRows(t *testing.T) {
	for _, bad := range []string{"nam4\tus-central1\n", "nam4\tus-central1\tus-east1\nnam4\ta\tb\n", "x\t\ty\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q: no panic", bad)
				}
			}()
			mustParse([]byte(bad))
		}()
	}
}

func TestGCPShapeMayBeOneZone(t *testing.T) {
	for shape, want := range map[string]bool{
		"ANY_SINGLE_ZONE": true, "any_single_zone": true, "ANY": true,
		"EVEN": false, "BALANCED": false, "": false,
	} {
		if _, got := GCPShapeMayBeOneZone(shape); got != want {
			t.Errorf("GCPShapeMayBeOneZone(%q) = %v, want %v", shape, got, want)
		}
	}
}

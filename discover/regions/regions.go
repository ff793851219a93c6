package regions

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed gcp_dual_regions.tsv
var gcpDualTable []byte

var gcpDual = mustParse(gcpDualTable)

// GCPDualRegion returns the regions a predefined Google Cloud dual-region
// location (NAM4, eur4 ...) keeps its data in, or nil when loc is not one.
func GCPDualRegion(loc string) []string {
	return slices.Clone(gcpDual[strings.ToLower(loc)])
}

// mustParse reads the table; a malformed row is a build mistake, caught by
// the package's tests.
func mustParse(data []byte) map[string][]string {
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 3 || slices.Contains(f, "") {
			panic(fmt.Sprintf("gcp_dual_regions.tsv:%d: expected location, region, region separated by tabs", line))
		}
		if _, dup := out[f[0]]; dup {
			panic(fmt.Sprintf("gcp_dual_regions.tsv:%d: %s listed twice", line, f[0]))
		}
		out[f[0]] = f[1:]
	}
	return out
}

// GCPShapeMayBeOneZone says whether a regional managed instance group's
// distribution target shape lets Google put every VM in one zone, and in
// words why: ANY_SINGLE_ZONE always does, and ANY places VMs wherever
// capacity and reservations are, with no spread promised (Google
// recommends it only for batch work that needs no high availability).
// EVEN (the default) and BALANCED spread over the selected zones.
func GCPShapeMayBeOneZone(shape string) (why string, ok bool) {
	switch strings.ToUpper(shape) {
	case "ANY_SINGLE_ZONE":
		return "every VM in one zone Google picks", true
	case "ANY":
		return "VMs go wherever Google finds capacity, with no spread promised, so possibly all in one zone", true
	}
	return "", false
}

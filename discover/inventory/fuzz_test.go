package inventory

import (
	"errors"
	"os"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// Whatever the bytes, Parse and Apply return an estate or an InputError;
// they never panic.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{string(example), "", "untether_inventory: 1\n", "untether_inventory: 1\nservices: [{id: a, entry: [\"kind:x\"]}]\n",
		"untether_inventory: 1\nresources: [{id: r, kind: k, provider: p, region: x, zones: [a, b], zone_need: 2}]\n",
		"untether_inventory: 1\ngroups: [{id: g, need: 1, members: [r]}]\nresources: [{id: r, kind: k, provider: p}]\n",
		"untether_inventory: 1\na: &a [x]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := Parse(data, "f.yaml")
		if err != nil {
			var ie *graph.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Parse error %v is %T, not an InputError", err, err)
			}
			return
		}
		e, err := inv.Apply(nil)
		if err != nil {
			var ie *graph.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Apply error %v is %T, not an InputError", err, err)
			}
			return
		}
		if err := graph.Validate(e); err != nil {
			t.Fatalf("Apply returned an invalid estate: %v", err)
		}
	})
}

package terraform

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// badInputs are files the reader must refuse with an InputError naming the
// place and what was expected.
var badInputs = []struct {
	name, data, place, msg string
}{
	{"not json", "hello world", "", "malformed JSON"},
	{"empty", "  \n", "1:1", "empty file"},
	{"array", `[1, 2]`, "$", "expected a JSON object"},
	{"truncated", `{"version": 4, "resources": [{"mode": "managed"`, ":1:", "truncated JSON"},
	{"v3 state", `{"version": 3, "terraform_version": "0.11.14", "modules": []}`, "$.version", "legacy state format version 3"},
	{"future state", `{"version": 5, "terraform_version": "2.0.0", "resources": []}`, "$.version", "newer than this build"},
	{"future format", `{"format_version": "2.0", "values": {}}`, "$.format_version", "newer major version"},
	{"bad format", `{"format_version": "x", "values": {}}`, "$.format_version", "not a version number"},
	{"wrapper", "[command]/usr/bin/terraform-bin show -json plan\n{\"format_version\":\"1.0\"}\n::set-output name=exitcode::0\n", "1:1", "CI wrapper"},
	{"plan without values", `{"format_version": "1.2", "configuration": {}}`, "$", "neither planned_values nor resource_changes"},
	{"wrong type", `{"version": 4, "resources": {"a": 1}}`, "$.resources", "expected"},
	{"resource without type", `{"version": 4, "resources": [{"mode": "managed", "name": "x", "instances": []}]}`, "$.resources[0]", "type and a name"},
	{"estate file", `{"untether_estate": 1, "nodes": []}`, "$.untether_estate", "untether estate file"},
	{"other json", `{"hello": "world"}`, "$", "not a Terraform file"},
}

func TestBadInput(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			est, err := Decode([]byte(tc.data), "in.json")
			var ie *graph.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("want *graph.InputError, got %v (estate %v)", err, est != nil)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "in.json") || !strings.Contains(msg, tc.place) || !strings.Contains(msg, tc.msg) {
				t.Errorf("error %q: want file in.json, place %q and %q", msg, tc.place, tc.msg)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	for _, path := range []string{"testdata/aws_compute/state.tfstate", "testdata/aws_plan/plan.json", "testdata/gcp/show-state.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !Detect(data) {
			t.Errorf("Detect(%s) = false", path)
		}
	}
	yes := []string{`{"format_version":"1.0"}`, `{"version":3,"terraform_version":"0.11.1","modules":[]}`,
		"[command]terraform show -json\n{\"format_version\":\"1.0\"}"}
	no := []string{`{"untether_estate":1,"nodes":[]}`, `{"version":4}`, `not json`, ``, `[1]`, "services:\n  - name: x\n"}
	for _, s := range yes {
		if !Detect([]byte(s)) {
			t.Errorf("Detect(%q) = false", s)
		}
	}
	for _, s := range no {
		if Detect([]byte(s)) {
			t.Errorf("Detect(%q) = true", s)
		}
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(); err == nil {
		t.Error("Read() with no files: want an error")
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("Read of a missing file: want an error")
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version": 3, "lineage": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read("testdata/aws_compute/state.tfstate", bad)
	var ie *graph.InputError
	if !errors.As(err, &ie) || ie.File != bad {
		t.Errorf("want an InputError naming %s, got %v", bad, err)
	}
}

// FuzzDecode: any bytes give an estate or an error, never a panic. The
// estate, when there is one, is valid.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && !strings.HasSuffix(s, ".golden.json") {
			f.Add(data)
		}
	}
	for _, tc := range badInputs {
		f.Add([]byte(tc.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		est, err := Decode(data, "fuzz.json")
		if err == nil {
			if verr := graph.Validate(est); verr != nil {
				t.Fatalf("estate is invalid: %v", verr)
			}
		}
	})
}

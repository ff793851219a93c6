package terraform

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
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

// corpusFiles lists the Terraform files of the corpus manifest.
func corpusFiles(t testing.TB) (string, []string) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not present (set UNTETHER_CORPUS or place it at ../shared/corpus)")
	}
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 5 && (cols[5] == "tfplan-json" || cols[5] == "tfstate") {
			files = append(files, cols[0])
		}
	}
	return dir, files
}

// brokenOnPurpose are the corpus files the reader must reject, and a word
// the message must hold.
var brokenOnPurpose = map[string]string{
	"plan_with_terraform_wrapper.json": "wrapper",
	"version_3_state.json":             "legacy state format version 3",
	"v3-grabbag.in.tfstate":            "legacy state format version 3",
}

func TestCorpus(t *testing.T) {
	dir, files := corpusFiles(t)
	ok := 0
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			path := filepath.Join(dir, rel)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !Detect(data) {
				t.Errorf("Detect = false")
			}
			est, err := Decode(data, rel)
			if want, broken := brokenOnPurpose[filepath.Base(rel)]; broken {
				var ie *graph.InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) {
					t.Fatalf("want InputError mentioning %q, got %v", want, err)
				}
				t.Logf("rejected: %v", err)
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			want := managedAddresses(t, data)
			got := map[string]bool{}
			for _, n := range est.Nodes {
				if a, ok := n.Attrs["address"].(string); ok && n.Class == graph.ClassResource && !strings.HasPrefix(a, "outside-input:") && n.Attrs["host"] == nil {
					got[a] = true
				}
				if as, ok := n.Attrs["addresses"].([]string); ok {
					for _, a := range as {
						got[a] = true
					}
				}
			}
			for a := range want {
				if !got[a] {
					t.Errorf("managed instance %s missing from the estate", a)
				}
			}
			if len(got) != len(want) {
				t.Errorf("estate has %d resource nodes, file has %d managed instances", len(got), len(want))
			}
			noConfigurationServices(t, est)
			ok++
		})
	}
	t.Logf("%d of %d corpus files ingested", ok, len(files))
}

// managedAddresses counts the managed instances of a file independently of
// the reader: the raw JSON walked with generic maps.
func managedAddresses(t *testing.T, data []byte) map[string]bool {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	if _, ok := doc["version"]; ok && doc["format_version"] == nil {
		for _, r := range list(doc["resources"]) {
			rm := r.(map[string]any)
			if rm["mode"] != "managed" {
				continue
			}
			base := rm["type"].(string) + "." + rm["name"].(string)
			if m, _ := rm["module"].(string); m != "" {
				base = m + "." + base
			}
			for _, in := range list(rm["instances"]) {
				im := in.(map[string]any)
				if im["deposed"] != nil {
					continue
				}
				out[base+indexSuffix(im["index_key"])] = true
			}
		}
		return out
	}
	if rcs, ok := doc["resource_changes"]; ok {
		for _, rc := range list(rcs) {
			m := rc.(map[string]any)
			ch, _ := m["change"].(map[string]any)
			acts := list(ch["actions"])
			if m["mode"] != "managed" || m["deposed"] != nil || (len(acts) == 1 && acts[0] == "delete") {
				continue
			}
			out[m["address"].(string)] = true
		}
		return out
	}
	var walk func(m any)
	walk = func(m any) {
		mm, _ := m.(map[string]any)
		for _, r := range list(mm["resources"]) {
			rm := r.(map[string]any)
			if rm["mode"] == "managed" {
				out[rm["address"].(string)] = true
			}
		}
		for _, c := range list(mm["child_modules"]) {
			walk(c)
		}
	}
	if v, ok := doc["values"].(map[string]any); ok {
		walk(v["root_module"])
	}
	return out
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// noConfigurationServices holds the bar "0 configuration objects among
// services": neither a derived service nor a stand-in is configuration.
func noConfigurationServices(t *testing.T, est *graph.Estate) {
	t.Helper()
	est, err := ModuleServices(est)
	if err != nil {
		t.Fatal(err)
	}
	m, err := simulate.NewModel(est, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := m.Compiled()
	for _, s := range m.Services() {
		for _, j := range append([]int32{s}, c.Needs(s)...) {
			if c.Nodes[j].Role == graph.RoleConfiguration {
				t.Errorf("configuration %s (%s) is (part of) a service", c.Nodes[j].ID, c.Nodes[j].Type)
			}
		}
	}
}

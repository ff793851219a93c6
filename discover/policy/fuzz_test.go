package policy

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/graph"
)

// Whatever the bytes, Parse returns a policy that keeps the promises its
// users rely on, or an InputError naming the file; it never panics, and the
// same bytes always give the same answer.
func FuzzParse(f *testing.F) {
	examples, _ := filepath.Glob("testdata/*.untether.yaml")
	for _, file := range examples {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "version: 1\n", "critical_tier: 4\n", "tags: {service: [a, b], tier: t}\n",
		"gate:\n  fail_on: high\n", "gate: {fail_on: [new-spof, \"score-drop=5\"]}\n",
		"waivers:\n  - {id: x, reason: r, expires: 2026-02-29}\n",
		"waivers:\n  - {service: \"*\", reason: \" \"}\n",
		"catalog: {lockin: a.yaml, availability: /b.yaml}\n",
		"a: &a [x, *a]\n", "tags: &t {service: s}\nwaivers: [*t]\n", "? [a]\n: b\n",
		"waivers:\n  - id: x\n    reason: r\n    <<: {owner: o}\n", "\xef\xbb\xbfversion: 1\n", "version: 0x1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, "fuzz.yaml")
		if err != nil {
			var ie *graph.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is %T, not an InputError", err, err)
			}
			if ie.File != "fuzz.yaml" || ie.Msg == "" || ie.Line < 0 || ie.Col < 0 {
				t.Fatalf("error does not say where: %+v", ie)
			}
			return
		}
		checkPolicy(t, p)
		again, err := Parse(data, "fuzz.yaml")
		if err != nil || !reflect.DeepEqual(p, again) {
			t.Fatalf("a second parse differs: %v", err)
		}
	})
}

// checkPolicy asserts what every accepted policy holds.
func checkPolicy(t *testing.T, p *Policy) {
	t.Helper()
	if p.File != "fuzz.yaml" || p.Version != 1 {
		t.Fatalf("file %q version %d", p.File, p.Version)
	}
	if p.CriticalTier < 0 || p.CriticalTier > 4 {
		t.Fatalf("critical tier %d", p.CriticalTier)
	}
	if len(p.Gate.FailOn) != len(p.Gate.FailOnAt) {
		t.Fatalf("%d fail-on terms, %d positions", len(p.Gate.FailOn), len(p.Gate.FailOnAt))
	}
	for _, at := range p.Gate.FailOnAt {
		if at.Line < 1 || at.Col < 1 {
			t.Fatalf("fail-on term at %+v", at)
		}
	}
	for _, w := range p.Waivers {
		if w.ID == "" && w.Rule == "" && w.Node == "" && w.Service == "" {
			t.Fatalf("waiver without a match: %+v", w)
		}
		if strings.TrimSpace(w.Reason) == "" {
			t.Fatalf("waiver without a reason: %+v", w)
		}
		if w.Expires != "" {
			if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
				t.Fatalf("waiver expiry %q", w.Expires)
			}
		}
		if w.At.Line < 1 || w.At.Col < 1 {
			t.Fatalf("waiver at %+v", w.At)
		}
	}
}

package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const small = `{
  "untether_estate": 1,
  "nodes": [
    {"id": "aws", "class": "placement", "level": "provider", "provider": "aws"},
    {"id": "aws/us-east-1", "class": "placement", "level": "region", "provider": "aws", "region": "us-east-1"},
    {"id": "aws/us-east-1/use1-az1", "class": "placement", "level": "zone", "provider": "aws", "region": "us-east-1", "zones": ["use1-az1"]},
    {"id": "aws/us-east-1/use1-az2", "class": "placement", "level": "zone", "provider": "aws", "region": "us-east-1", "zones": ["use1-az2"]},
    {"id": "db", "class": "resource", "kind": "database", "provider": "aws", "region": "us-east-1", "zones": ["use1-az2", "use1-az1"],
     "attrs": {"multi_az": true}, "evidence": "MultiAZ=true", "x_custom": {"b": 1, "a": [1, 2]}},
    {"id": "group:db-zones", "class": "group", "need": 1},
    {"id": "service:checkout", "class": "service", "name": "checkout", "tier": 1}
  ],
  "edges": [
    {"from": "service:checkout", "to": "db", "evidence": "inventory.yaml:12", "weight": 3},
    {"from": "db", "to": "group:db-zones"},
    {"from": "group:db-zones", "to": "aws/us-east-1/use1-az1"},
    {"from": "group:db-zones", "to": "aws/us-east-1/use1-az2"},
    {"from": "aws/us-east-1/use1-az1", "to": "aws/us-east-1"},
    {"from": "aws/us-east-1/use1-az2", "to": "aws/us-east-1"},
    {"from": "aws/us-east-1", "to": "aws"}
  ],
  "gaps": [{"provider": "aws", "account": "111122223333", "region": "eu-west-1", "service": "rds", "status": "denied", "detail": "AccessDenied"}],
  "generator": "hand"
}`

func TestDecodeKeepsUnknownFieldsAndSorts(t *testing.T) {
	e, err := Decode([]byte(small), "small.json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Encode(&out, e); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{`"x_custom":{"b":1,"a":[1,2]}`, `"weight":3`, `"generator": "hand"`, `"zones":["use1-az1","use1-az2"]`} {
		if !strings.Contains(s, want) {
			t.Errorf("encoded estate lacks %s:\n%s", want, s)
		}
	}
	// Round trip: decoding what we wrote and writing it again gives the same bytes.
	e2, err := Decode(out.Bytes(), "again.json")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := Encode(&again, e2); err != nil {
		t.Fatal(err)
	}
	if again.String() != s {
		t.Errorf("round trip changed bytes:\n%s\n---\n%s", s, again.String())
	}
}

func TestEncodeDoesNotDependOnInputOrder(t *testing.T) {
	e, err := Decode([]byte(small), "small.json")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	Encode(&want, e)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		r.Shuffle(len(e.Nodes), func(a, b int) { e.Nodes[a], e.Nodes[b] = e.Nodes[b], e.Nodes[a] })
		r.Shuffle(len(e.Edges), func(a, b int) { e.Edges[a], e.Edges[b] = e.Edges[b], e.Edges[a] })
		var got bytes.Buffer
		Encode(&got, e)
		if got.String() != want.String() {
			t.Fatalf("shuffle %d changed the bytes", i)
		}
	}
}

func TestDecodeRefusesBadInput(t *testing.T) {
	swap := func(old, new string) string {
		if !strings.Contains(small, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(small, old, new, 1)
	}
	cases := []struct {
		name, data, want string
	}{
		{"malformed", "{\n  \"untether_estate\": 1,\n  \"nodes\": [}\n", "bad.json:3:"},
		{"truncated", small[:200], "bad.json:"},
		{"not an object", `[1, 2]`, "bad.json"},
		{"no version", `{"nodes": []}`, `no "untether_estate" version field`},
		{"newer version", swap(`"untether_estate": 1`, `"untether_estate": 2`), "$.untether_estate: unsupported estate version 2"},
		{"string version", swap(`"untether_estate": 1`, `"untether_estate": "1"`), "$.untether_estate: expected an integer"},
		{"duplicate id", swap(`{"id": "db",`, `{"id": "aws",`), `$.nodes[4].id: duplicate id "aws" (first at $.nodes[0])`},
		{"edge to unknown", swap(`"to": "db"`, `"to": "nope"`), `$.edges[0].to: edge to unknown node "nope"`},
		{"edge from unknown", swap(`{"from": "db",`, `{"from": "ghost",`), `$.edges[1].from: edge from unknown node "ghost"`},
		{"need exceeds members", swap(`"need": 1`, `"need": 3`), `$.nodes[5].need: group "group:db-zones" needs 3 but has only 2 members`},
		{"need zero", swap(`"need": 1`, `"need": 0`), `$.nodes[5].need: group "group:db-zones" needs need >= 1`},
		{"unknown class", swap(`"class": "service"`, `"class": "team"`), `$.nodes[6].class: node "service:checkout" has class "team"`},
		{"unknown level", swap(`"level": "zone"`, `"level": "rack"`), `$.nodes[2].level: placement "aws/us-east-1/use1-az1" has level "rack"`},
		{"wrong type", swap(`"tier": 1`, `"tier": "gold"`), `$.nodes[6].tier: expected int, got JSON string`},
		{"tier out of range", swap(`"tier": 1`, `"tier": 9`), `$.nodes[6].tier: tier of "service:checkout" is 9`},
		{"self edge", swap(`"to": "group:db-zones"`, `"to": "db"`), `node "db" cannot need itself`},
		{"gap without status", swap(`"status": "denied", `, ``), `$.gaps[0].status`},
		{"nodes not a list", `{"untether_estate": 1, "nodes": {}}`, `$.nodes: expected an array`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.data), "bad.json")
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("want an *InputError, got %v", err)
			}
			if !strings.HasPrefix(err.Error(), "bad.json") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestWriteFileAtomicLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "estate.json")
	os.WriteFile(path, []byte("old"), 0o644)
	err := WriteFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("partial"))
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want the write's error")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file changed to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	e, _ := Decode([]byte(small), "small.json")
	if err := Save(path, e); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err != nil {
		t.Fatalf("saved estate does not load: %v", err)
	}
}

func TestIsEstate(t *testing.T) {
	for data, want := range map[string]bool{
		small:                                 true,
		`{"nodes": [], "untether_estate": 1}`: true,
		`{"untether_estate": 1, "nodes": [}`:  true, // Decode says where it breaks
		`{"format_version": "1.2"}`:           false,
		`[1, 2]`:                              false,
		`not json`:                            false,
		`{"nodes": [}`:                        false,
	} {
		if got := IsEstate([]byte(data)); got != want {
			t.Errorf("IsEstate(%.40q) = %v, want %v", data, got, want)
		}
	}
}

// TestEncodeBytes pins the bytes of an estate file's elements, written by
// go-json-experiment: <, >, &, U+2028 and U+2029 escaped, map keys and
// unknown members sorted (unknown ones after the known fields, their
// escapes kept), zero numbers and empty lists left out, floats as before.
func TestEncodeBytes(t *testing.T) {
	e := &Estate{
		Nodes: []Node{
			{ID: "a<b>&c\u2028\x01", Class: ClassResource, Name: `"q" \ ` + "\t", Tags: map[string]string{"é": "1", "Z": "2", "a": "<x>"},
				Attrs: map[string]any{"f": 1e21, "g": 0.000001, "h": 1e-7, "i": 123456789.0, "j": []any{"x", 2.5, nil, true, map[string]any{"b": 1.0, "a": 2.0}}},
				Tier:  2, DowntimeCostPerHour: 0.5, Placeholder: true, Zones: []string{},
				Extra: map[string]json.RawMessage{"zz": json.RawMessage(`{"b": "\u003c", "a": [1, 2.50]}`), "aa": json.RawMessage(`"x\/y"`)}},
			{ID: "g", Class: ClassGroup, Need: 1, Attrs: map[string]any{}, Tags: map[string]string{}},
		},
		Edges: []Edge{{From: "g", To: "a<b>&c\u2028\x01", Extra: map[string]json.RawMessage{"w": json.RawMessage(` 3 `)}}},
		Gaps:  []Gap{{Status: "denied", Detail: "<d>"}},
		Extra: map[string]json.RawMessage{"gen": json.RawMessage(`{"k" : "v\u00e9"}`)},
	}
	var b bytes.Buffer
	if err := Encode(&b, e); err != nil {
		t.Fatal(err)
	}
	want := `{
"untether_estate": 1,
"nodes": [
  {"id":"a\u003cb\u003e\u0026c\u2028\u0001","class":"resource","name":"\"q\" \\ \t","tags":{"Z":"2","a":"\u003cx\u003e","é":"1"},"attrs":{"f":1e+21,"g":0.000001,"h":1e-7,"i":123456789,"j":["x",2.5,null,true,{"a":2,"b":1}]},"tier":2,"downtime_cost_per_hour":0.5,"placeholder":true,"aa":"x\/y","zz":{"b":"\u003c","a":[1,2.50]}},
  {"id":"g","class":"group","need":1}
],
"edges": [
  {"from":"g","to":"a\u003cb\u003e\u0026c\u2028\u0001","w":3}
],
"gaps": [
  {"status":"denied","detail":"\u003cd\u003e"}
],
"gen": {"k":"v\u00e9"}
}
`
	if b.String() != want {
		t.Errorf("encoded:\n%s\nwant:\n%s", b.String(), want)
	}
}

package graph

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("estate.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("estate.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSchemaAcceptsWhatWeWrite(t *testing.T) {
	s := compileSchema(t)
	e, err := Decode([]byte(small), "small.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	Encode(&buf, e)
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("our own output fails the schema: %v", err)
	}
}

func TestSchemaRejectsWhatValidateRejects(t *testing.T) {
	s := compileSchema(t)
	for _, bad := range []string{
		`{"nodes": []}`,
		`{"untether_estate": 2}`,
		`{"untether_estate": 1, "nodes": [{"id": "x", "class": "team"}]}`,
		`{"untether_estate": 1, "nodes": [{"id": "g", "class": "group"}]}`,
		`{"untether_estate": 1, "nodes": [{"id": "z", "class": "placement", "level": "rack"}]}`,
		`{"untether_estate": 1, "nodes": [{"id": "s", "class": "service", "tier": 7}]}`,
	} {
		var v any
		json.Unmarshal([]byte(bad), &v)
		if err := s.Validate(v); err == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

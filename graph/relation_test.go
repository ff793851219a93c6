package graph

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// roleEstate: an app that needs its subnet, was ordered after a launch
// template (evidence only) and needs an IAM role (configuration).
func roleEstate(t *testing.T) *Estate {
	t.Helper()
	b := NewBuilder()
	b.Node(Node{ID: "app", Class: ClassResource, Role: RoleWorkload})
	b.Node(Node{ID: "subnet", Class: ClassResource, Role: RolePath})
	b.Node(Node{ID: "template", Class: ClassResource, Role: RoleConfiguration})
	b.Node(Node{ID: "iam", Class: ClassResource, Role: RoleConfiguration})
	b.Node(Node{ID: "db", Class: ClassResource})
	b.Edge("app", "subnet", "subnet_id")
	b.Ordering("app", "db", "depends_on")
	b.Edge("app", "template", "launch_template.id")
	b.Edge("iam", "subnet", "an odd reference")
	b.Ordering("app", "subnet", "dependencies (a need between the same nodes wins)")
	b.Ordering("db", "subnet", "dependencies")
	b.Edge("db", "subnet", "db_subnet_group (the need replaces the ordering edge)")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestOrderingAndConfigurationCarryNoFailure(t *testing.T) {
	e := roleEstate(t)
	c := Compile(e)
	needs := func(id string) []string {
		i, _ := c.Index(id)
		var out []string
		for _, j := range c.Needs(i) {
			out = append(out, c.Nodes[j].ID)
		}
		return out
	}
	for id, want := range map[string][]string{"app": {"subnet"}, "iam": nil, "db": {"subnet"}, "template": nil} {
		if got := needs(id); !slices.Equal(got, want) {
			t.Errorf("%s needs %v in the compiled view, want %v", id, got, want)
		}
	}
	si, _ := c.Index("subnet")
	if got := c.NeededBy(si); len(got) != 2 {
		t.Errorf("subnet is needed by %d nodes, want app and db only", len(got))
	}
	ai, _ := c.Index("app")
	var ev []string
	for _, ed := range c.EvidenceOnly(ai) {
		ev = append(ev, ed.To+":"+ed.Relation)
	}
	if want := []string{"db:ordering", "template:"}; !slices.Equal(ev, want) {
		t.Errorf("evidence-only edges of app = %v, want %v", ev, want)
	}
	for _, ed := range e.Edges {
		if ed.From == "db" && ed.To == "subnet" && ed.Relation != "" {
			t.Errorf("a need did not replace the ordering edge: %+v", ed)
		}
	}
}

func TestRolesAndRelationsRoundTrip(t *testing.T) {
	e := roleEstate(t)
	var first bytes.Buffer
	if err := Encode(&first, e); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"role":"configuration"`, `"relation":"ordering"`} {
		if !strings.Contains(first.String(), want) {
			t.Errorf("encoded estate lacks %s", want)
		}
	}
	again, err := Decode(first.Bytes(), "roles.json")
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	Encode(&second, again)
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("roles and relations do not round-trip")
	}
	doc, err := jsonschema.UnmarshalJSON(&first)
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t).Validate(doc); err != nil {
		t.Errorf("schema rejects roles or relations: %v", err)
	}
}

func TestValidateRejectsUnknownRoleAndRelation(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{"untether_estate":1,"nodes":[{"id":"a","class":"resource","role":"database"}]}`, "$.nodes[0].role"},
		{`{"untether_estate":1,"nodes":[{"id":"a","class":"resource"},{"id":"b","class":"resource"}],
		  "edges":[{"from":"a","to":"b","relation":"uses"}]}`, "$.edges[0].relation"},
		{`{"untether_estate":1,"nodes":[{"id":"g","class":"group","need":1},{"id":"b","class":"resource"}],
		  "edges":[{"from":"g","to":"b","relation":"ordering"}]}`, "ordering edges and configuration nodes are not members"},
	} {
		_, err := Decode([]byte(tc.doc), "bad.json")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Decode(%s) = %v, want an error naming %s", tc.doc, err, tc.want)
		}
	}
}

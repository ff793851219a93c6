package graph

import (
	"fmt"
	"slices"
	"testing"
)

func TestBuilderPlacesByTheRules(t *testing.T) {
	b := NewBuilder()
	for _, id := range []string{"single", "multi", "regional", "global"} {
		b.Node(Node{ID: id, Class: ClassResource, Provider: "aws", Region: "us-east-1"})
	}
	b.Place("single", "aws", "us-east-1", []string{"use1-az1"}, "Placement.AvailabilityZone")
	b.Place("multi", "aws", "us-east-1", []string{"use1-az2", "use1-az1", "use1-az2"}, "MultiAZ=true")
	b.Place("regional", "aws", "us-east-1", nil, "regional")
	b.Place("global", "aws", GlobalRegion, nil, "global")
	b.Edge("regional", b.ManagedService("aws", "us-east-1", "sqs"), "sqs")
	b.Edge("global", b.ManagedService("aws", GlobalRegion, "route53"), "route53")
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	c := Compile(e)
	needs := func(id string) []string {
		i, ok := c.Index(id)
		if !ok {
			t.Fatalf("no node %s", id)
		}
		var out []string
		for _, j := range c.Needs(i) {
			out = append(out, c.Nodes[j].ID)
		}
		return out
	}
	group := ZoneGroupID("aws", "us-east-1", 1, []string{"use1-az1", "use1-az2"})
	want := map[string][]string{
		"single":                     {"aws/us-east-1/use1-az1"},
		"multi":                      {group},
		group:                        {"aws/us-east-1/use1-az1", "aws/us-east-1/use1-az2"},
		"regional":                   {"aws/us-east-1", "aws/us-east-1/service/sqs"},
		"global":                     {"aws", "aws/global/service/route53"},
		"aws/us-east-1/service/sqs":  {"aws/us-east-1"},
		"aws/global/service/route53": {"aws"},
		"aws/us-east-1/use1-az1":     {"aws/us-east-1"},
		"aws/us-east-1":              {"aws"},
	}
	for id, w := range want {
		if got := needs(id); !slices.Equal(got, w) {
			t.Errorf("%s needs %v, want %v", id, got, w)
		}
	}
	gi, _ := c.Index(group)
	if c.Nodes[gi].Need != 1 || c.Nodes[gi].Class != ClassGroup {
		t.Errorf("zone group is %+v", c.Nodes[gi])
	}
	// Reverse adjacency agrees with forward adjacency.
	for i := range c.Nodes {
		for _, j := range c.Needs(int32(i)) {
			if !slices.Contains(c.NeededBy(j), int32(i)) {
				t.Errorf("%s needs %s but is not in its NeededBy", c.Nodes[i].ID, c.Nodes[j].ID)
			}
			if ed := c.EdgeTo(int32(i), j); ed == nil || ed.From != c.Nodes[i].ID {
				t.Errorf("EdgeTo(%s, %s) = %v", c.Nodes[i].ID, c.Nodes[j].ID, ed)
			}
		}
	}
	if g := c.Gonum(); g.Nodes().Len() != c.Len() {
		t.Errorf("gonum view has %d nodes, want %d", g.Nodes().Len(), c.Len())
	}
}

func TestBuilderMergesNodes(t *testing.T) {
	b := NewBuilder()
	b.Node(Node{ID: "x", Class: ClassResource, Tags: map[string]string{"a": "1"}})
	b.Node(Node{ID: "x", Class: ClassResource, Name: "x-name", Tags: map[string]string{"a": "2", "b": "3"}})
	n := b.Get("x")
	if n.Name != "x-name" || n.Tags["a"] != "1" || n.Tags["b"] != "3" {
		t.Errorf("merged node %+v", n)
	}
}

func ExampleBuilder_Place() {
	b := NewBuilder()
	b.Node(Node{ID: "db", Class: ClassResource, Kind: "database", Provider: "aws", Region: "us-east-1"})
	b.Place("db", "aws", "us-east-1", []string{"use1-az1", "use1-az2"}, "MultiAZ=true")
	e, _ := b.Estate()
	for _, ed := range e.Edges {
		fmt.Println(ed.From, "->", ed.To)
	}
	// Output:
	// aws/us-east-1 -> aws
	// aws/us-east-1/use1-az1 -> aws/us-east-1
	// aws/us-east-1/use1-az2 -> aws/us-east-1
	// db -> group:aws/us-east-1:1-of:use1-az1,use1-az2
	// group:aws/us-east-1:1-of:use1-az1,use1-az2 -> aws/us-east-1/use1-az1
	// group:aws/us-east-1:1-of:use1-az1,use1-az2 -> aws/us-east-1/use1-az2
}

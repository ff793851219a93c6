package graph

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// shardOf builds a one-account shard: an app needing a database (in
// another account when dbAccount differs), each placed in a zone.
func shardOf(t *testing.T, account, dbAccount string) *Estate {
	t.Helper()
	b := NewBuilder()
	app := "arn:aws:ec2:us-east-1:" + account + ":instance/i-app"
	db := "arn:aws:rds:us-east-1:" + dbAccount + ":db:orders"
	b.Node(Node{ID: app, Class: ClassResource, Kind: "instance", Provider: "aws", Account: account, Region: "us-east-1", Zones: []string{"use1-az1"}, Name: "app"})
	b.Place(app, "aws", "us-east-1", []string{"use1-az1"}, "Placement.AvailabilityZone")
	if dbAccount == account {
		b.Node(Node{ID: db, Class: ClassResource, Kind: "database", Provider: "aws", Account: account, Region: "us-east-1", Zones: []string{"use1-az1", "use1-az2"}, Name: "orders", Evidence: "rds.DescribeDBInstances"})
		b.Place(db, "aws", "us-east-1", []string{"use1-az1", "use1-az2"}, "MultiAZ")
	} else {
		b.Node(Node{ID: db, Class: ClassResource, Kind: "database", Provider: "aws", Account: dbAccount, Region: "us-east-1", Name: "db:orders", Evidence: "referenced; not itself collected", Placeholder: true})
		b.Edge(db, b.Region("aws", "us-east-1"), "region from the ARN")
	}
	b.Edge(app, db, "env DATABASE_HOST")
	b.Gap(Gap{Provider: "aws", Account: account, Region: "eu-west-1", Service: "rds", Status: GapDenied, Detail: "AccessDenied"})
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func encoded(t *testing.T, e *Estate) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMergeResolvesCrossShardEdgesByID(t *testing.T) {
	a, b := shardOf(t, "111111111111", "222222222222"), shardOf(t, "222222222222", "222222222222")
	ab, err := Merge(Shard{"a.json", a}, Shard{"b.json", b})
	if err != nil {
		t.Fatal(err)
	}
	ba, err := Merge(Shard{"b.json", b}, Shard{"a.json", a})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encoded(t, ab), encoded(t, ba)) {
		t.Error("the order of the shards changes the merge")
	}
	db := "arn:aws:rds:us-east-1:222222222222:db:orders"
	counts := map[string]int{}
	for _, n := range ab.Nodes {
		counts[n.ID]++
		if n.ID == db && (n.Placeholder || n.Name != "orders") {
			t.Errorf("the collected database did not replace the placeholder: %+v", n)
		}
	}
	for id, c := range counts {
		if c != 1 {
			t.Errorf("%s appears %d times", id, c)
		}
	}
	if counts["aws/us-east-1/use1-az1"] != 1 || counts["aws"] != 1 {
		t.Errorf("placements not shared: %v", counts)
	}
	var toDB, dbToRegion bool
	for _, ed := range ab.Edges {
		toDB = toDB || ed.From == "arn:aws:ec2:us-east-1:111111111111:instance/i-app" && ed.To == db
		dbToRegion = dbToRegion || ed.From == db && ed.To == "aws/us-east-1"
	}
	if !toDB || dbToRegion {
		t.Errorf("cross-shard edge kept %v; placeholder's own edge kept %v", toDB, dbToRegion)
	}
	if len(ab.Gaps) != 2 {
		t.Errorf("gaps %v, want both shards'", ab.Gaps)
	}
	// The same shard twice is itself.
	aa, err := Merge(Shard{"a.json", a}, Shard{"copy.json", a})
	if err != nil || !bytes.Equal(encoded(t, aa), encoded(t, a)) {
		t.Errorf("a shard merged with itself changed (%v)", err)
	}
}

func TestMergeReportsConflictsNamingBothShards(t *testing.T) {
	a := shardOf(t, "111111111111", "111111111111")
	b := shardOf(t, "111111111111", "111111111111")
	for i := range b.Nodes {
		if b.Nodes[i].Name == "orders" {
			b.Nodes[i].Region = "eu-west-1"
			b.Nodes[i].Tags = map[string]string{"team": "x"}
			b.Nodes[i].Name = "orders-replica"
		}
	}
	a.Nodes[0].Tags = map[string]string{"team": "y"}
	_, err := Merge(Shard{"prod-a.json", a}, Shard{"prod-b.json", b})
	var me *MergeError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want a MergeError", err)
	}
	msg := err.Error()
	for _, want := range []string{`region "us-east-1" in prod-a.json, region "eu-west-1" in prod-b.json`,
		`name "orders" in prod-a.json, name "orders-replica" in prod-b.json`, "arn:aws:rds:us-east-1:111111111111:db:orders"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestMergeNeedBeatsOrdering(t *testing.T) {
	mk := func(ordering bool) *Estate {
		b := NewBuilder()
		b.Node(Node{ID: "x", Class: ClassResource})
		b.Node(Node{ID: "y", Class: ClassResource})
		if ordering {
			b.Ordering("x", "y", "depends_on")
		} else {
			b.Edge("x", "y", "subnet_id")
		}
		e, _ := b.Estate()
		return e
	}
	for _, order := range [][2]bool{{true, false}, {false, true}} {
		e, err := Merge(Shard{"1", mk(order[0])}, Shard{"2", mk(order[1])})
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Edges) != 1 || e.Edges[0].Relation != "" {
			t.Errorf("edges %+v, want the need", e.Edges)
		}
	}
}

// Evidence says where each source found a node (two Terraform workspaces
// name their own file): merging keeps every shard's, the same in any order.
func TestMergeKeepsEveryShardsEvidence(t *testing.T) {
	a := shardOf(t, "111111111111", "111111111111")
	b := shardOf(t, "111111111111", "111111111111")
	c := shardOf(t, "111111111111", "111111111111")
	for i := range b.Nodes {
		if b.Nodes[i].Name == "orders" {
			b.Nodes[i].Evidence = "staging.tfstate aws_db_instance.orders"
			c.Nodes[i].Evidence = "prod.tfstate aws_db_instance.orders"
		}
	}
	abc, err1 := Merge(Shard{"a.json", a}, Shard{"b.json", b}, Shard{"c.json", c})
	cba, err2 := Merge(Shard{"c.json", c}, Shard{"b.json", b}, Shard{"a.json", a})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !bytes.Equal(encoded(t, abc), encoded(t, cba)) {
		t.Error("the order of the shards changed the merged estate")
	}
	for _, n := range abc.Nodes {
		if want := "prod.tfstate aws_db_instance.orders; rds.DescribeDBInstances; staging.tfstate aws_db_instance.orders"; n.Name == "orders" && n.Evidence != want {
			t.Errorf("evidence %q, want %q", n.Evidence, want)
		}
	}
}

package graph

import (
	"strings"
	"testing"
)

func TestDisplayNamesAreShortUniqueAndReadable(t *testing.T) {
	key := func(acct, region, uuid string) Node {
		return Node{ID: "arn:aws:kms:" + region + ":" + acct + ":key/" + uuid, Class: ClassResource, Provider: "aws", Account: acct, Region: region}
	}
	nodes := []Node{
		{ID: "service:orders", Class: ClassService, Name: "Orders and fulfilment"},
		{ID: "service:login", Class: ClassService},
		{ID: "aws/us-east-1", Class: ClassPlacement, Level: LevelRegion},
		{ID: "aws/us-east-1/use1-az1", Class: ClassPlacement, Level: LevelZone},
		{ID: "aws/us-east-1/service/lambda", Class: ClassPlacement, Level: LevelService},
		key("111111111111", "us-east-1", "4db0a272-1111-4a6e-9c1c-0123456789ab"),
		key("111111111111", "eu-west-1", "4db0a272-1111-4a6e-9c1c-0123456789ab"),
		key("222222222222", "us-east-1", "4db0a272-2222-4a6e-9c1c-0123456789ab"),
		{ID: "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/web-1", Class: ClassResource, Region: "x"},
		{ID: "z/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/web-1", Class: ClassResource, Region: "x"},
	}
	got := DisplayNames(nodes, nil)
	want := map[string]string{
		"service:orders":               "Orders and fulfilment",
		"service:login":                "login",
		"aws/us-east-1":                "AWS us-east-1",
		"aws/us-east-1/use1-az1":       "AWS us-east-1 zone use1-az1",
		"aws/us-east-1/service/lambda": "AWS lambda in us-east-1",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	seen := map[string]string{}
	for _, n := range nodes {
		name := got[n.ID]
		if other, dup := seen[name]; dup {
			t.Errorf("%s and %s are both %q", n.ID, other, name)
		}
		seen[name] = n.ID
		if len([]rune(name)) > DisplayMax+30 {
			t.Errorf("%s: %q is not short", n.ID, name)
		}
	}
	if k := got[nodes[5].ID]; !strings.HasPrefix(k, "key/4db0a272") {
		t.Errorf("a KMS key reads %q", k)
	}
}

func TestCutRunes(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{{"abcdef", 6, "abcdef"}, {"abcdef", 5, "abcd…"}, {"ééé", 3, "ééé"}, {"éééé", 3, "éé…"}} {
		if got := cutRunes(c.in, c.n); got != c.want {
			t.Errorf("cutRunes(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestDisplayNamesOfSomeNodesStayUniqueInTheEstate(t *testing.T) {
	nodes := []Node{
		{ID: "arn:aws:kms:us-east-1:1:key/4db0a272-1111-4a6e-9c1c-0123456789ab", Class: ClassResource, Region: "us-east-1"},
		{ID: "arn:aws:kms:eu-west-1:1:key/4db0a272-1111-4a6e-9c1c-0123456789ab", Class: ClassResource, Region: "eu-west-1"},
	}
	some := DisplayNames(nodes, []string{nodes[0].ID})
	all := DisplayNames(nodes, nil)
	if len(some) != 1 || some[nodes[0].ID] != all[nodes[0].ID] || !strings.HasSuffix(some[nodes[0].ID], "(us-east-1)") {
		t.Errorf("some = %v, all = %v", some, all)
	}
}

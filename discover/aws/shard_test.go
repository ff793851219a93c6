package aws

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/graph"
)

// Discovering N accounts in one run gives the same bytes as discovering
// each account alone (a CI matrix of one-account shards) and merging the
// shards with graph.Merge.
func TestOneRunEqualsMergedShards(t *testing.T) {
	isolate(t)
	accounts := []string{"111122223333", "444455556666", "777788889999"}
	var fixtures []*awsfake.Account
	for i, a := range accounts {
		fixtures = append(fixtures, distinctIDs(awsfake.Fixture(a, "us-east-1", "eu-west-1"), i))
	}
	f := awsfake.New(fixtures...)
	defer f.Close()
	role := func(a string) string { return "arn:aws:iam::" + a + ":role/audit" }
	collect := func(accts ...string) *graph.Estate {
		opt := fakeOptions(f, accounts[0])
		for _, a := range accts {
			opt.RoleARNs = append(opt.RoleARNs, role(a))
		}
		e, err := Collect(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	encode := func(e *graph.Estate) []byte {
		var buf bytes.Buffer
		if err := graph.Encode(&buf, e); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	oneRun := encode(collect(accounts...))
	var shards []graph.Shard
	for _, a := range accounts {
		shards = append(shards, graph.Shard{Name: a + ".json", Estate: collect(a)})
	}
	merged, err := graph.Merge(shards...)
	if err != nil {
		t.Fatal(err)
	}
	if got := encode(merged); !bytes.Equal(got, oneRun) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(oneRun, []byte("\n"))
		for i := range min(len(gl), len(wl)) {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("merged shards differ from one run at line %d:\nmerged:  %s\none run: %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("merged shards (%d lines) differ from one run (%d lines)", len(gl), len(wl))
	}
}

// distinctIDs renames the fixture's ids that AWS makes unique across
// accounts (hosted zones, health checks, API ids) but the fixture repeats
// in every account: the same id in two accounts would be one node.
func distinctIDs(a *awsfake.Account, n int) *awsfake.Account {
	if n == 0 {
		return a
	}
	suffix := strconv.Itoa(n)
	r := strings.NewReplacer("Z1EXAMPLE", "Z1EXAMPLE"+suffix, "hc-1", "hc-1-"+suffix, "rest1", "rest1x"+suffix, "http1", "http1x"+suffix,
		"web-123.", "web-123x"+suffix+".", "legacy-1.", "legacy-1x"+suffix+".", "d111111abcdef8", "d111111abcdef8x"+suffix)
	fix := func(d *awsfake.Data) {
		lists, raw := map[string][]string{}, map[string]string{}
		for k, items := range d.Lists {
			for _, it := range items {
				lists[r.Replace(k)] = append(lists[r.Replace(k)], r.Replace(it))
			}
		}
		for k, v := range d.Raw {
			raw[r.Replace(k)] = r.Replace(v)
		}
		d.Lists, d.Raw = lists, raw
	}
	fix(a.Global)
	for _, d := range a.Regions {
		fix(d)
	}
	return a
}

// Splitting one run by account and merging the shards gives the run back.
func TestSplitByAccountMergesBack(t *testing.T) {
	isolate(t)
	f := awsfake.New(awsfake.Fixture("111122223333", "us-east-1"), distinctIDs(awsfake.Fixture("444455556666", "us-east-1"), 1))
	defer f.Close()
	opt := fakeOptions(f, "111122223333")
	opt.RoleARNs = []string{"arn:aws:iam::111122223333:role/audit", "arn:aws:iam::444455556666:role/audit"}
	e, err := Collect(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	split := graph.SplitByAccount(e)
	if len(split) != 2 {
		t.Fatalf("%d shards, want 2", len(split))
	}
	var shards []graph.Shard
	for _, a := range []string{"444455556666", "111122223333"} {
		if err := graph.Validate(split[a]); err != nil {
			t.Fatalf("shard %s: %v", a, err)
		}
		shards = append(shards, graph.Shard{Name: a, Estate: split[a]})
	}
	merged, err := graph.Merge(shards...)
	if err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	graph.Encode(&want, e)
	graph.Encode(&got, merged)
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		t.Error("the merged shards differ from the estate they were split from")
	}
}

package tflocate

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestScanAndLookup(t *testing.T) {
	ix, err := Scan("testdata/root")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"aws_instance.web", "data.aws_vpc.main", "module.db", "module.db.aws_db_instance.main", "module.remote"}
	if got := ix.Addresses(); !slices.Equal(got, want) {
		t.Fatalf("addresses %v, want %v", got, want)
	}
	for _, tc := range []struct {
		addr string
		want Location
	}{
		{"aws_instance.web", Location{"main.tf", 5, 1}},
		{"aws_instance.web[1]", Location{"main.tf", 5, 1}},
		{`module.db["x"].aws_db_instance.main`, Location{"modules/db/main.tf", 5, 1}},
		{"module.remote.aws_vpc.this[0]", Location{"main.tf", 15, 1}},
		{"data.aws_vpc.main", Location{"data.tf", 1, 1}},
	} {
		got, ok := ix.Lookup(tc.addr)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", tc.addr, got, ok, tc.want)
		}
	}
	if _, ok := ix.Lookup("aws_s3_bucket.nope"); ok {
		t.Error("found an address that is not declared")
	}
	var nilIx *Index
	if _, ok := nilIx.Lookup("x"); ok {
		t.Error("nil index found something")
	}
}

func TestScanBadHCL(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.tf"), []byte("resource \"a\" \"b\" {\n  x = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Scan(dir)
	var ie *graph.InputError
	if !errors.As(err, &ie) || ie.Line == 0 || !strings.Contains(err.Error(), "bad.tf") {
		t.Fatalf("err %v, want an InputError with a line", err)
	}
}

func TestModuleCycleStops(t *testing.T) {
	dir := t.TempDir()
	src := "module \"self\" {\n  source = \"./\"\n}\nresource \"null_resource\" \"x\" {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.Lookup("module.self.module.self.null_resource.x"); !ok {
		t.Error("nested self-module not indexed")
	}
}

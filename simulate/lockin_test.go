package simulate

import (
	"errors"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestBuiltinCatalogCoversCollectorProducts(t *testing.T) {
	c := DefaultLockinCatalog()
	cases := []struct{ typ, provider, kind, class string }{
		{"AWS::DynamoDB::Table", "aws", "database", ClassProprietary},
		{"aws_dynamodb_table", "aws", "nosql", ClassProprietary},
		{"AWS::RDS::DBInstance", "aws", "database", ClassPortable},
		{"AWS::RDS::DBCluster", "aws", "database", ClassModerate},
		{"AWS::StepFunctions::StateMachine", "aws", "workflow", ClassProprietary},
		{"aws_s3_bucket", "aws", "bucket", ClassPortable},
		{"AWS::Lambda::Function", "aws", "function", ClassProprietary},
		{"AWS::EKS::Cluster", "aws", "kubernetes", ClassPortable},
		{"spanner.googleapis.com/Instance", "gcp", "database", ClassProprietary},
		{"bigquery.googleapis.com/Dataset", "gcp", "warehouse", ClassProprietary},
		{"google_container_cluster", "gcp", "kubernetes", ClassPortable},
		{"Microsoft.DocumentDB/databaseAccounts", "azure", "database", ClassProprietary},
		{"Microsoft.Web/sites", "azure", "function", ClassProprietary},
		{"Microsoft.Web/sites", "azure", "web_app", ClassModerate},
		{"Microsoft.DBforPostgreSQL/flexibleServers", "azure", "database", ClassPortable},
		{"saas:stripe", "stripe", "saas_api", ClassProprietary},
		{"saas:okta", "okta", "identity", ClassModerate},
		{"", "onprem", "database", ClassPortable},
		{"something_new", "aws", "instance", ClassPortable},
	}
	for _, tc := range cases {
		p, ok := c.Lookup(tc.typ, tc.provider, tc.kind)
		if !ok || p.Class != tc.class {
			t.Errorf("Lookup(%s, %s, %s) = %+v %v, want %s", tc.typ, tc.provider, tc.kind, p, ok, tc.class)
		}
		if ok && p.Class != ClassPortable && len(p.Alternatives) == 0 && p.Provider != "*" {
			t.Errorf("%s is %s but names no portable alternative", p.Product, p.Class)
		}
	}
	if _, ok := c.Lookup("x", "nowhere", "mystery"); ok {
		t.Error("an unknown provider and kind should not match")
	}
}

func TestParseLockinCatalogErrors(t *testing.T) {
	cases := map[string]string{
		"untether_lockin: 2\nproducts: []\n": "untether_lockin is 2",
		"untether_lockin: 1\nproducts:\n  - {product: X, provider: aws, kind: db, class: sticky}\n": "class \"sticky\"",
		"untether_lockin: 1\nproducts:\n  - {product: X, kind: db, class: portable}\n":              "required",
		"untether_lockin: 1\nproducts: [\n":                                                         "over.yaml:2: malformed YAML",
		"untether_lockin: 1\nproducts:\n  - {product: X, provider: aws, kind: db, types: AWS::X}\n": "over.yaml:3:50: expected a list, got the string \"AWS::X\"",
		"": "empty",
	}
	for in, want := range cases {
		_, err := ParseLockinCatalog([]byte(in), "over.yaml")
		var ie *graph.InputError
		if !errors.As(err, &ie) || ie.File != "over.yaml" || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want *graph.InputError containing %q", in, err, want)
		}
	}
	_, err := ParseLockinCatalog([]byte("untether_lockin: 1\nproducts:\n  - {product: X, provider: aws, kind: db, class: sticky}\n"), "over.yaml")
	if ie := (*graph.InputError)(nil); errors.As(err, &ie) && ie.Line != 3 {
		t.Errorf("line %d, want 3", ie.Line)
	}
}

func TestLockinOverride(t *testing.T) {
	over, err := ParseLockinCatalog([]byte(`{"untether_lockin": 1, "products": [{"product": "Our DynamoDB wrapper", "provider": "aws", "kind": "database", "class": "moderate", "types": ["AWS::DynamoDB::Table"]}]}`), "over.json")
	if err != nil {
		t.Fatal(err)
	}
	c := over // layered over the built-in catalog
	if p, _ := c.Lookup("AWS::DynamoDB::Table", "aws", "database"); p.Class != ClassModerate {
		t.Errorf("override lost: %+v", p)
	}
	if p, _ := c.Lookup("AWS::Lambda::Function", "aws", "function"); p.Class != ClassProprietary {
		t.Errorf("built-in lost: %+v", p)
	}
	only, err := ParseLockinCatalog([]byte("untether_lockin: 1\nreplace: true\nproducts:\n  - {product: VMs, provider: \"*\", kind: instance, class: portable}\n"), "only.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := only.Lookup("AWS::Lambda::Function", "aws", "function"); ok {
		t.Error("replace: true kept the built-in catalog")
	}
}

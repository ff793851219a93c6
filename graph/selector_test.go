package graph

import (
	"errors"
	"testing"
)

func TestParseSelector(t *testing.T) {
	good := map[string]Selector{
		"provider:aws":                      {Kind: "provider", Value: "aws"},
		"region:aws/us-east-1":              {Kind: "region", Value: "aws/us-east-1"},
		"zone:aws/us-east-1/use1-az1":       {Kind: "zone", Value: "aws/us-east-1/use1-az1"},
		"service:aws/us-east-1/dynamodb":    {Kind: "service", Value: "aws/us-east-1/dynamodb"},
		"service:aws/global/iam":            {Kind: "service", Value: "aws/global/iam"},
		"node:arn:aws:rds:us-east-1:1:db:x": {Kind: "node", Value: "arn:aws:rds:us-east-1:1:db:x"},
		"tag:team=payments":                 {Kind: "tag", Value: "team=payments", Key: "team", TagValue: "payments"},
		"kind:database":                     {Kind: "kind", Value: "database"},
		"name:orders-db":                    {Kind: "name", Value: "orders-db"},
	}
	for s, want := range good {
		got, err := ParseSelector(s)
		if err != nil || got != want {
			t.Errorf("ParseSelector(%q) = %+v, %v; want %+v", s, got, err, want)
		}
		if got.String() != s {
			t.Errorf("String() = %q, want %q", got.String(), s)
		}
	}
	for _, s := range []string{"", "aws", "provider:", "region:aws", "zone:aws/r", "service:aws/dynamodb", "tag:team", "tag:=x", "planet:earth", "region:aws//x", "kind:", "name:", "node:"} {
		var se *SelectorError
		if _, err := ParseSelector(s); !errors.As(err, &se) {
			t.Errorf("ParseSelector(%q): want *SelectorError, got %v", s, err)
		}
	}
}

func TestSelectorNodeAndPlacement(t *testing.T) {
	for sel, want := range map[string]string{
		"provider:aws": "aws", "region:aws/us-east-1": "aws/us-east-1", "zone:aws/us-east-1/use1-az1": "aws/us-east-1/use1-az1",
		"service:aws/global/iam": "aws/global/service/iam", "node:x:y": "x:y", "tag:a=b": "", "kind:database": "", "name:n": "",
	} {
		s, err := ParseSelector(sel)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Node(); got != want {
			t.Errorf("%s.Node() = %q, want %q", sel, got, want)
		}
		if want == "" {
			continue
		}
		// A placement's own selector names it back.
		b := NewBuilder()
		id := ""
		switch s.Kind {
		case SelectProvider:
			id = b.Provider("aws")
		case SelectRegion:
			id = b.Region("aws", "us-east-1")
		case SelectZone:
			id = b.Zone("aws", "us-east-1", "use1-az1")
		case SelectService:
			id = b.ManagedService("aws", GlobalRegion, "iam")
		default:
			continue
		}
		if got := PlacementSelector(b.Get(id)).String(); got != sel {
			t.Errorf("PlacementSelector(%s) = %q, want %q", id, got, sel)
		}
	}
	odd := &Node{ID: "my-zone", Class: ClassPlacement, Level: LevelZone, Provider: "aws", Region: "r", Zones: []string{"z"}}
	if got := PlacementSelector(odd).String(); got != "node:my-zone" {
		t.Errorf("a placement whose id is not its fields' is named by node:ID, got %q", got)
	}
	n := &Node{Kind: "database", Name: "orders", Tags: map[string]string{"team": "pay"}}
	for sel, want := range map[string]bool{"tag:team=pay": true, "tag:team=web": false, "kind:database": true, "name:orders": true, "name:x": false, "node:orders": false} {
		s, _ := ParseSelector(sel)
		if s.Matches(n) != want {
			t.Errorf("%s.Matches = %v, want %v", sel, !want, want)
		}
	}
}

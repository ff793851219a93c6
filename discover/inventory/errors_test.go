package inventory

import (
	"strings"
	"testing"
)

// Each bad file gives exactly this message, at this line and column.
func TestParseErrors(t *testing.T) {
	const v = "untether_inventory: 1\n"
	for _, c := range []struct{ name, src, want string }{
		{"empty", "", "inv.yaml:1:1: empty inventory; expected a mapping starting with untether_inventory: 1"},
		{"syntax", "untether_inventory: 1\nservices: [a\n", "inv.yaml:2: malformed YAML: did not find expected ',' or ']'"},
		{"tabs", "untether_inventory: 1\n\tservices: []\n", "inv.yaml:2: malformed YAML: found a tab character that violates indentation"},
		{"not a mapping", "- a\n- b\n", "inv.yaml:1:1: expected the inventory as a mapping (key: value), got a list"},
		{"no version", "services: []\n", "inv.yaml:1:1: not an untether inventory: no untether_inventory version (expected untether_inventory: 1)"},
		{"future version", "untether_inventory: 2\n", "inv.yaml:1:21: unsupported inventory version the number 2; this build reads untether_inventory: 1"},
		{"version string", "untether_inventory: \"1\"\n", `inv.yaml:1:21: unsupported inventory version the string "1"; this build reads untether_inventory: 1`},
		{"unknown top key", v + "servics: []\n", "inv.yaml:2:1: unknown key \"servics\" in the inventory; expected one of: untether_inventory, services, resources, dependencies, groups"},
		{"duplicate top key", v + "services: []\nservices: []\n", "inv.yaml:3:1: key \"services\" appears twice in the inventory (first at line 2)"},
		{"services not a list", v + "services: {a: 1}\n", "inv.yaml:2:11: expected services as a list, got a mapping"},
		{"service not a mapping", v + "services: [checkout]\n", `inv.yaml:2:12: expected a service as a mapping (key: value), got the string "checkout"`},
		{"unknown service key", v + "services:\n  - id: a\n    teir: 1\n", "inv.yaml:4:5: unknown key \"teir\" in a service; expected one of: id, name, tier, owners, downtime_cost_per_hour, residency, tags, entry, needs"},
		{"service without id", v + "services:\n  - name: a\n", "inv.yaml:3:5: a service needs an id"},
		{"empty id", v + "services:\n  - id: \"\"\n", "inv.yaml:3:9: service id is empty; expected a non-empty id"},
		{"null id", v + "services:\n  - id:\n", "inv.yaml:3:8: expected service id as a string, got nothing (null) (quote it if you mean text)"},
		{"tier text", v + "services:\n  - id: a\n    tier: high\n", `inv.yaml:4:11: expected tier as a whole number from 1 to 4, got the string "high"`},
		{"tier range", v + "services:\n  - id: a\n    tier: 5\n", "inv.yaml:4:11: expected tier from 1 to 4, got 5"},
		{"tier float", v + "services:\n  - id: a\n    tier: 1.5\n", "inv.yaml:4:11: expected tier as a whole number from 1 to 4, got the number 1.5"},
		{"negative cost", v + "services:\n  - id: a\n    downtime_cost_per_hour: -5\n", "inv.yaml:4:29: expected downtime_cost_per_hour as a finite number >= 0, got -5"},
		{"nan cost", v + "services:\n  - id: a\n    downtime_cost_per_hour: .nan\n", "inv.yaml:4:29: expected downtime_cost_per_hour as a finite number >= 0, got .nan"},
		{"owners not a list", v + "services:\n  - id: a\n    owners: team-a\n", `inv.yaml:4:13: expected owners as a list, got the string "team-a"`},
		{"owner is a map", v + "services:\n  - id: a\n    owners: [{x: 1}]\n", "inv.yaml:4:14: expected each of owners as a string, got a mapping"},
		{"duplicate service", v + "services:\n  - id: a\n  - id: a\n", `inv.yaml:4:9: service "a" is declared twice (first at line 3)`},
		{"bad tag selector", v + "services:\n  - id: a\n    entry: [\"tag:=x\"]\n", `inv.yaml:4:13: each of entry: selector "tag:=x": expected tag:KEY=VALUE`},
		{"empty kind selector", v + "services:\n  - id: a\n    entry: [\"kind:\"]\n", `inv.yaml:4:13: each of entry: selector "kind:": expected kind:KIND`},
		{"id like a selector", v + "resources:\n  - {id: \"tag:x=y\", kind: k, provider: p}\n", `inv.yaml:3:10: resource id "tag:x=y" looks like a selector (tag:, kind:, name:); an id cannot start with one`},
		{"resource without provider", v + "resources:\n  - id: r\n    kind: database\n", "inv.yaml:3:5: a resource needs provider (id, kind and provider are required)"},
		{"provider with slash", v + "resources:\n  - {id: r, kind: k, provider: \"aws/x\"}\n", `inv.yaml:3:32: provider "aws/x" cannot contain '/' or spaces; it becomes part of placement ids`},
		{"zones without region", v + "resources:\n  - {id: r, kind: k, provider: p, zones: [a]}\n", "inv.yaml:3:42: zones need a region: a zone is part of one region (an on-prem site is a region)"},
		{"zone_need too big", v + "resources:\n  - {id: r, kind: k, provider: p, region: x, zones: [a], zone_need: 2}\n", "inv.yaml:3:69: zone_need is 2 but the resource lists 1 zones"},
		{"tags not strings", v + "resources:\n  - {id: r, kind: k, provider: p, tags: {a: [1]}}\n", "inv.yaml:3:45: expected tags.a as a string, got a list"},
		{"attrs nested map", v + "resources:\n  - {id: r, kind: k, provider: p, attrs: {a: {b: 1}}}\n", "inv.yaml:3:46: expected attrs.a as a string, number or boolean, got a mapping"},
		{"control char", v + "resources:\n  - {id: \"r\\u0007\", kind: k, provider: p}\n", "inv.yaml:3:10: resource id contains a control character (U+0007); expected printable text"},
		{"dependency without to", v + "dependencies:\n  - {from: a}\n", "inv.yaml:3:5: a dependency needs both from and to"},
		{"group need zero", v + "groups:\n  - {id: g, need: 0, members: [a]}\n", "inv.yaml:3:19: expected need from 1 to 1073741824, got 0"},
		{"parser line", v + "services:\n- b\nx\n", "inv.yaml:4: malformed YAML: could not find expected ':'"},
		{"alias to a list as a string", v + "services:\n  - id: &x [a]\n  - id: *x\n", "inv.yaml:3:9: expected service id as a string, got a list"},
		{"group unknown key", v + "groups:\n  - {id: g, needs: 1, members: [a]}\n", "inv.yaml:3:13: unknown key \"needs\" in a group; expected one of: id, need, members"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.src), "inv.yaml")
			if err == nil {
				t.Fatalf("no error; want %s", c.want)
			}
			inputError(t, err)
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

// Errors found while applying still point into the file.
func TestApplyErrors(t *testing.T) {
	const v = "untether_inventory: 1\n"
	for _, c := range []struct{ name, src, want string }{
		{"unknown id", v + "services:\n  - id: a\n    entry: [nope]\n",
			`inv.yaml:4:13: unknown node "nope": not in the estate or this inventory (services are service:ID, groups group:ID)`},
		{"selector matches nothing", v + "services:\n  - id: a\n    needs:\n      - tag:service=nothing\n",
			`inv.yaml:5:9: selector "tag:service=nothing" matches no resource`},
		{"dependency from unknown", v + "dependencies:\n  - {from: x, to: aws}\n", `inv.yaml:3:12: unknown node "x": not in the estate or this inventory (services are service:ID, groups group:ID)`},
		{"group too few members", v + "groups:\n  - {id: g, need: 3, members: [aws, \"kind:api\"]}\n", `inv.yaml:3:5: group "g" needs 3 but its members resolve to 2 nodes`},
		{"resource id is a placement", v + "resources:\n  - {id: aws, kind: k, provider: p}\n", `inv.yaml:3:5: resource id "aws" is already a placement node in the estate`},
		{"group id taken", v + "groups:\n  - {id: \"group:aws/us-east-1:1-of:use1-az1,use1-az2\", need: 1, members: [aws]}\n", `inv.yaml:3:5: group id "group:aws/us-east-1:1-of:use1-az1,use1-az2" is already used by another node`},
	} {
		t.Run(c.name, func(t *testing.T) {
			inv, err := Parse([]byte(c.src), "inv.yaml")
			if err != nil {
				t.Fatal(err)
			}
			_, err = inv.Apply(loadBase(t))
			if err == nil {
				t.Fatalf("no error; want %s", c.want)
			}
			inputError(t, err)
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

// Hostile text is data: quotes, unicode, HTML and very long strings come
// through unchanged and never panic.
func TestHostileStrings(t *testing.T) {
	long := strings.Repeat("x", 100000)
	src := "untether_inventory: 1\nresources:\n" +
		"  - id: \"<script>alert('x')</script>\"\n    kind: saas_api\n    provider: evil\n    name: \"\\\"; DROP TABLE; ‮\"\n" +
		"    tags: {\"a=b\": \"c:d\", \"ünï\": \"💥\"}\n" +
		"  - id: " + long + "\n    kind: k\n    provider: p\n" +
		"services:\n  - id: \"x/../../etc\"\n    entry: [\"tag:ünï=💥\", \"name:\\\"; DROP TABLE; ‮\"]\n"
	inv, err := Parse([]byte(src), "inv.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := inv.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	if hasEdge(e, "service:x/../../etc", "<script>alert('x')</script>") == nil {
		t.Error("hostile ids did not resolve")
	}
	if node(e, long) == nil {
		t.Error("long id lost")
	}
	// Billion laughs: aliases are refused by the parser's limits or typed
	// as aliases, never expanded into memory.
	bomb := "untether_inventory: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	if _, err := Parse([]byte(bomb), "inv.yaml"); err == nil {
		t.Error("unknown keys with aliases should be an error")
	}
	for _, junk := range []string{"\x00\x01", "{", "[[[[", "untether_inventory: 1\nservices:\n  - *x\n", ": :", "untether_inventory: 1\nservices:\n  - id: a\n    entry: *a\n"} {
		if _, err := Parse([]byte(junk), "inv.yaml"); err == nil {
			t.Errorf("Parse(%q) = nil error", junk)
		}
	}
}

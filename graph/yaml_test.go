package graph

import (
	"errors"
	"testing"
)

// Every YAML reader gives the same message for the same mistake, at the
// line an editor shows (and the column where the node is known).
func TestYAMLErrorsNameFileLineAndColumn(t *testing.T) {
	type doc struct {
		Name  string   `yaml:"name"`
		SLA   float64  `yaml:"sla"`
		Count int      `yaml:"count"`
		Types []string `yaml:"types"`
	}
	for _, c := range []struct{ name, src, want string }{
		// the scanner's line is 1-based already
		{"tab", "name: a\n\tsla: 1\n", "c.yaml:2: malformed YAML: found a tab character that violates indentation"},
		// the parser's is 0-based: the unclosed flow list starts on line 2
		{"flow", "name: a\ntypes: [a\n", "c.yaml:2: malformed YAML: did not find expected ',' or ']'"},
		{"block", "- a\nname: b\n", "c.yaml:2: malformed YAML: did not find expected '-' indicator"},
		// the end of the file is its last line, not the one after it
		{"end of file", "name: a\ntypes: [\n", "c.yaml:2: malformed YAML: did not find expected node content"},
		{"end without newline", "types: [", "c.yaml:1: malformed YAML: did not find expected node content"},
		{"no line", "name: \"\\q\"\n", "c.yaml: malformed YAML: found unknown escape character"},
		// type errors point at the value, in words
		{"number", "name: a\nsla: high\n", `c.yaml:2:6: expected a number, got the string "high"`},
		{"whole number", "count: many\n", `c.yaml:1:8: expected a whole number, got the string "many"`},
		{"list", "types: {a: 1}\n", "c.yaml:1:8: expected a list, got a mapping"},
		{"string", "name: [a]\n", "c.yaml:1:7: expected a string, got a list"},
		{"flow mapping", "{name: x, sla: a-very-long-text}\n", `c.yaml:1:16: expected a number, got the string "a-very-long-text"`},
		{"several", "sla: x\ncount: y\n", `c.yaml:1:6: expected a number, got the string "x" (and 1 more such problem(s))`},
		{"duplicate key", "name: a\nname: b\n", `c.yaml:2:1: mapping key "name" already defined at line 1`},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := ParseYAML([]byte(c.src), "c.yaml")
			if err == nil {
				var d doc
				err = DecodeYAML("c.yaml", n, &d)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an *InputError", err)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

func TestParseYAMLEmptyIsNil(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment\n"} {
		if n, err := ParseYAML([]byte(src), "e.yaml"); n != nil || err != nil {
			t.Errorf("%q: got %v, %v; want nil, nil", src, n, err)
		}
	}
}

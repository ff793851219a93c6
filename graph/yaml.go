package graph

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Every YAML input (inventory, policy, catalogs) is read through these
// helpers, so a bad file gives the same kind of message wherever it is
// used: an *InputError naming the file and line, and the column where the
// parser says which node was wrong.

// ParseYAML parses data as one YAML document and returns its top node, or
// nil for an empty document. A syntax error is an *InputError at its line:
// "malformed YAML: ...".
func ParseYAML(data []byte, file string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlSyntaxError(data, file, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// DecodeYAML decodes n (a node from ParseYAML) into v by its yaml struct
// tags. A value of the wrong type is an *InputError at the value's line and
// column, saying what was expected and what was found.
func DecodeYAML(file string, n *yaml.Node, v any) error {
	err := n.Decode(v)
	if err == nil {
		return nil
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) || len(te.Errors) == 0 {
		return &InputError{File: file, Line: n.Line, Col: n.Column, Msg: "invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	ie := typeError(file, n, te.Errors[0])
	if more := len(te.Errors) - 1; more > 0 {
		ie.Msg += fmt.Sprintf(" (and %d more such problem(s))", more)
	}
	return ie
}

// YAMLAt is an *InputError at n's line and column.
func YAMLAt(file string, n *yaml.Node, format string, args ...any) *InputError {
	return &InputError{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// DescribeYAML names what a node is, for "expected X, got Y" messages.
func DescribeYAML(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing (null)"
	case "!!bool":
		return "the boolean " + n.Value
	case "!!int", "!!float":
		return "the number " + n.Value
	}
	v := n.Value
	if len(v) > 60 {
		v = v[:60] + "..."
	}
	return fmt.Sprintf("the string %q", v)
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlSyntaxError lifts the line out of a yaml.v3 parse error ("yaml: line
// 3: ..."). The parser, unlike the scanner, counts that line from 0, and an
// error at the end of the file names the line after the last one: both are
// corrected so the line is one an editor shows.
func yamlSyntaxError(data []byte, file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &InputError{File: file, Msg: "malformed YAML: " + msg}
	}
	line, _ := strconv.Atoi(m[1])
	if parserError(m[2]) {
		line++
	}
	lines := bytes.Count(data, []byte{'\n'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		lines++
	}
	return &InputError{File: file, Line: max(1, min(line, lines)), Msg: "malformed YAML: " + m[2]}
}

// parserError tells the parser's messages (whose line is counted from 0)
// from the scanner's.
func parserError(msg string) bool {
	for _, p := range []string{"did not find expected ',' or", "did not find expected '-' indicator",
		"did not find expected key", "did not find expected node content", "did not find expected <",
		"found duplicate %", "found incompatible YAML document", "found undefined tag handle"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

var cannotUnmarshal = regexp.MustCompile("^cannot unmarshal (!![a-z]+)(?: `(.*)`)? into (.+)$")

// typeError turns one of yaml.v3's "line N: cannot unmarshal !!str `x` into
// float64" into a message in words at the offending node.
func typeError(file string, root *yaml.Node, text string) *InputError {
	m := yamlLine.FindStringSubmatch(text)
	if m == nil {
		return &InputError{File: file, Line: root.Line, Col: root.Column, Msg: "invalid YAML: " + text}
	}
	line, _ := strconv.Atoi(m[1])
	ie := &InputError{File: file, Line: line, Msg: m[2]}
	u := cannotUnmarshal.FindStringSubmatch(m[2])
	var tag, value string
	if u != nil {
		tag, value = u[1], strings.TrimSuffix(u[2], "...")
	}
	if n := nodeOnLine(root, line, tag, value); n != nil {
		ie.Col = n.Column
		if u != nil {
			if want := goTypeInWords(u[3]); want != "" {
				ie.Msg = "expected " + want + ", got " + DescribeYAML(n)
			}
		}
	}
	return ie
}

// nodeOnLine finds the node a type error at line is about: the first one
// there below root (root is what was decoded into) with the error's tag and,
// for a scalar, value; else the first node on that line.
func nodeOnLine(root *yaml.Node, line int, tag, value string) *yaml.Node {
	var match, first *yaml.Node
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 100 || match != nil {
			return
		}
		if n.Line == line {
			if first == nil {
				first = n
			}
			if depth > 0 && tag != "" && n.ShortTag() == tag && (n.Kind != yaml.ScalarNode || strings.HasPrefix(n.Value, value)) {
				match = n
				return
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	if match != nil {
		return match
	}
	return first
}

// goTypeInWords says what a Go type yaml.v3 names expects, or "" for a type
// it cannot tell (a struct is named by its own name).
func goTypeInWords(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	}
	return ""
}

package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/untether-dev/untether/graph"
)

// Decode reads one Terraform file's bytes into an estate; name is the file
// name used in errors and evidence.
func Decode(data []byte, name string) (*graph.Estate, error) {
	doc, err := parse(data, name)
	if err != nil {
		return nil, err
	}
	return build([]*document{doc})
}

// Read reads one or more Terraform files (several root modules or
// workspaces) and merges them into one estate.
func Read(paths ...string) (*graph.Estate, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("read terraform: no files given")
	}
	docs := make([]*document, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read terraform file: %w", err)
		}
		doc, err := parse(data, p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return build(docs)
}

// parse chooses the format by content and decodes it into instances.
func parse(data []byte, name string) (doc *document, err error) {
	defer func() {
		// The decoders check what they read; this is the last guard of the
		// promise that bad input never crashes the program.
		if r := recover(); r != nil {
			doc, err = nil, &graph.InputError{File: name, Path: "$", Msg: fmt.Sprintf("cannot read this Terraform file: %v", r)}
		}
	}()
	data = trimBOM(data)
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &graph.InputError{File: name, Line: 1, Col: 1, Msg: "empty file: expected a Terraform state or `terraform show -json` output"}
	}
	if trimmed[0] != '{' {
		if start := jsonStart(data); start > 0 {
			return nil, wrapperError(data, name, start)
		}
		if !json.Valid(data) {
			var v any
			return nil, graph.JSONError(data, name, "$", json.Unmarshal(data, &v))
		}
		return nil, &graph.InputError{File: name, Path: "$", Msg: "expected a JSON object (a Terraform state or `terraform show -json` output)"}
	}
	switch topLevelKind(data) {
	case "estate":
		return nil, &graph.InputError{File: name, Path: "$.untether_estate", Msg: "this is an untether estate file, not Terraform output"}
	case "show":
		return decodeShow(data, name)
	case "state":
		return decodeRawState(data, name)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, graph.JSONError(data, name, "$", err)
	}
	return nil, &graph.InputError{File: name, Path: "$", Msg: "not a Terraform file: expected a state (\"version\": 4) or `terraform show -json` output (\"format_version\")"}
}

// qualifyCollisions gives address-only ids that occur in several files the
// file's base name, so two workspaces never merge into one node.
func qualifyCollisions(nodes []*node) {
	files := map[string]map[string]bool{}
	for _, n := range nodes {
		if n.id != n.in.address {
			continue
		}
		if files[n.id] == nil {
			files[n.id] = map[string]bool{}
		}
		files[n.id][n.in.file] = true
	}
	for _, n := range nodes {
		if n.id == n.in.address && len(files[n.id]) > 1 {
			n.id = filepath.Base(n.in.file) + ":" + n.in.address
		}
	}
}

// topLevelKind reads top-level keys until one decides the format: "show"
// (format_version), "state" (version), "estate", or "" when none does or
// the JSON breaks first. Terraform writes these keys first, so a large
// file is not scanned twice.
func topLevelKind(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return ""
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch tok {
		case "format_version":
			return "show"
		case "untether_estate":
			return "estate"
		case "version": // show -json output never has a top-level version
			return "state"
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return ""
		}
	}
	return ""
}

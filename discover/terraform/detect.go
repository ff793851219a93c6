package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// Supported versions: raw state format 4, and show -json format_version major 0 or 1.
const (
	stateVersion     = 4
	maxFormatMajor   = 1
	wrapperPeekBytes = 4096
)

// Detect reports whether data is Terraform input this package reads or
// knowingly rejects: a raw state (version 4, or an older one), `terraform
// show -json` output for a state or a plan, or such JSON behind a CI
// wrapper's text. It decides by content, reading only the top-level keys.
func Detect(data []byte) bool {
	data = trimBOM(data)
	if start := jsonStart(data); start > 0 {
		return looksLikeWrapper(data[:start]) && topLevelIsTerraform(data[start:])
	}
	return topLevelIsTerraform(data)
}

func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}

// jsonStart returns the offset of the first '{' that opens a line, or 0 when
// the data starts (after blanks) with '{' or no such line exists.
func jsonStart(data []byte) int {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] == '{' {
		return 0
	}
	limit := min(len(data), wrapperPeekBytes)
	for i := 0; i < limit; i++ {
		if data[i] == '{' && (i == 0 || data[i-1] == '\n') {
			return i
		}
	}
	return 0
}

// looksLikeWrapper is text a CI step prints around Terraform's JSON, such as
// hashicorp/setup-terraform's "[command]/.../terraform-bin show -json plan".
func looksLikeWrapper(prefix []byte) bool {
	p := strings.ToLower(string(prefix))
	return strings.Contains(p, "terraform") || strings.Contains(p, "[command]") || strings.Contains(p, "::")
}

// topLevelIsTerraform walks the top-level keys until one decides.
func topLevelIsTerraform(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case "format_version", "terraform_version", "lineage", "planned_values", "resource_changes":
			return true
		case "untether_estate":
			return false
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// wrapperError explains a CI wrapper's text in front of the JSON. Stripping
// it would be guesswork: the wrapper may also escape the JSON and append
// its own lines, so the reader refuses and says how to get clean output.
func wrapperError(data []byte, name string, start int) error {
	first, _, _ := strings.Cut(string(data[:start]), "\n")
	first = strings.TrimSpace(first)
	if len(first) > 120 {
		first = first[:120] + "..."
	}
	return &graph.InputError{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf(
		"found text before the Terraform JSON (%q): this is a CI wrapper's output, such as hashicorp/setup-terraform "+
			"with terraform_wrapper enabled; write the plan with `terraform show -json plan.tfplan > plan.json` "+
			"with the wrapper disabled (terraform_wrapper: false) and pass that file", first)}
}

// checkFormatVersion accepts show -json format_version 0.x and 1.x.
func checkFormatVersion(v string, name string) error {
	if v == "" {
		return &graph.InputError{File: name, Path: "$.format_version", Msg: "missing format_version: expected `terraform show -json` output (format 0.1 to 1.x)"}
	}
	majorText, _, _ := strings.Cut(v, ".")
	major, err := strconv.Atoi(majorText)
	if err != nil {
		return &graph.InputError{File: name, Path: "$.format_version", Msg: fmt.Sprintf("format_version %q is not a version number; expected 0.1 to 1.x", v)}
	}
	if major > maxFormatMajor {
		return &graph.InputError{File: name, Path: "$.format_version", Msg: fmt.Sprintf(
			"format_version %s is a newer major version than this build reads (0.x and 1.x); upgrade untether", v)}
	}
	return nil
}

// checkStateVersion accepts raw state version 4 and explains the others.
func checkStateVersion(v int, name string) error {
	switch {
	case v == stateVersion:
		return nil
	case v >= 1 && v < stateVersion:
		return &graph.InputError{File: name, Path: "$.version", Msg: fmt.Sprintf(
			"legacy state format version %d (Terraform 0.11 or older): upgrade it with Terraform 0.12 or newer "+
				"(`terraform init` then `terraform state pull > state.json`), or pass `terraform show -json` output", v)}
	case v > stateVersion:
		return &graph.InputError{File: name, Path: "$.version", Msg: fmt.Sprintf(
			"state format version %d is newer than this build reads (%d); upgrade untether", v, stateVersion)}
	default:
		return &graph.InputError{File: name, Path: "$.version", Msg: fmt.Sprintf("state version %d is not valid; expected 4", v)}
	}
}

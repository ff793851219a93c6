package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// instance is one managed resource instance, whatever file format it came
// from: the single shape the mapping works on.
type instance struct {
	file     string
	address  string // full instance address: module.app.aws_instance.web[2]
	typ      string
	provider string // provider source or name: registry.terraform.io/hashicorp/aws
	values   map[string]any
	// sensitive and unknown are top-level attribute names whose value (or
	// any part of it) is sensitive, or unknown until apply.
	sensitive map[string]bool
	unknown   map[string]bool
	deps      []string // resource addresses this one depends on (no index)
	action    string   // plan only: create, update, replace, no-op ...
	// providerRegion is the region of the provider configuration, when a
	// plan's configuration names it.
	providerRegion string
	path           string // JSON path of the instance in its file
	// standIn: not in the input; made up from a reference to it (a
	// backend's self-link), so the estate marks it a placeholder.
	standIn bool
}

// document is one file's instances plus the plan's configuration references.
type document struct {
	kind      string // state, show-state or plan
	instances []*instance
	refs      []configRef
	// clusterRefs: config addresses a Kubernetes/Helm provider
	// configuration references (plans only).
	clusterRefs []string
	// inputs: "module.app.var.x" -> what the call passes; outputs:
	// "module.app.out" -> what the module's output expression references
	// (plans only).
	inputs, outputs map[string]moduleInput
}

// rawState is a raw state file, format version 4, as the careful reader
// (encoding/json) decodes it; fastRawState reads the same fields.
type rawState struct {
	Version   int `json:"version"`
	Resources []struct {
		Module    string `json:"module"`
		Mode      string `json:"mode"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Provider  string `json:"provider"`
		Instances []struct {
			IndexKey     any            `json:"index_key"`
			Deposed      string         `json:"deposed"`
			Attributes   map[string]any `json:"attributes"`
			Sensitive    any            `json:"sensitive_attributes"`
			Dependencies []string       `json:"dependencies"`
		} `json:"instances"`
	} `json:"resources"`
}

func decodeRawState(data []byte, name string) (*document, error) {
	version, resources, err := fastRawState(data)
	if err != nil {
		if version, resources, err = carefulRawState(data, name); err != nil {
			return nil, err
		}
	}
	if err := checkStateVersion(version, name); err != nil {
		return nil, err
	}
	doc := &document{kind: "state"}
	for ri, r := range resources {
		if r.mode == "managed" && (r.typ == "" || r.name == "") {
			return nil, &graph.InputError{File: name, Path: fmt.Sprintf("$.resources[%d]", ri), Msg: "a resource needs a type and a name"}
		}
	}
	perResource := make([][]*instance, len(resources))
	eachParallel(resources, func(ri int, r rawResource) {
		if r.mode != "managed" {
			return
		}
		base := r.typ + "." + r.name
		if r.module != "" {
			base = r.module + "." + base
		}
		provider := providerSource(r.provider)
		at := "$.resources[" + strconv.Itoa(ri) + "].instances["
		for ii, in := range r.instances {
			if in.deposed != "" {
				continue // a deposed object is on its way out
			}
			perResource[ri] = append(perResource[ri], &instance{
				file:      name,
				address:   base + indexSuffix(in.indexKey),
				typ:       r.typ,
				provider:  provider,
				values:    in.attributes,
				sensitive: sensitivePaths(in.sensitive),
				deps:      in.deps,
				path:      at + strconv.Itoa(ii) + "]",
			})
		}
	})
	for _, ins := range perResource {
		doc.instances = append(doc.instances, ins...)
	}
	return doc, nil
}

// carefulRawState reads a raw state with encoding/json, whose errors
// graph.JSONError turns into file and line:column.
func carefulRawState(data []byte, name string) (int, []rawResource, error) {
	var st rawState
	if err := json.Unmarshal(data, &st); err != nil {
		return 0, nil, graph.JSONError(data, name, "$", err)
	}
	out := make([]rawResource, len(st.Resources))
	for i, r := range st.Resources {
		out[i] = rawResource{module: r.Module, mode: r.Mode, typ: r.Type, name: r.Name, provider: r.Provider}
		for _, in := range r.Instances {
			out[i].instances = append(out[i].instances, rawInstance{indexKey: in.IndexKey, deposed: in.Deposed,
				attributes: in.Attributes, sensitive: in.Sensitive, deps: in.Dependencies})
		}
	}
	return st.Version, out, nil
}

// providerSource takes `provider["registry.terraform.io/hashicorp/aws"].west`
// (or the 0.12 form `provider.aws`) to its source or name.
func providerSource(p string) string {
	if i := strings.Index(p, `["`); i >= 0 {
		if j := strings.Index(p[i+2:], `"]`); j >= 0 {
			return p[i+2 : i+2+j]
		}
	}
	p = strings.TrimPrefix(p, "provider.")
	p, _, _ = strings.Cut(p, ".")
	return p
}

// indexSuffix renders a count index or for_each key as in an address.
func indexSuffix(key any) string {
	switch k := key.(type) {
	case nil:
		return ""
	case float64:
		return "[" + strconv.FormatFloat(k, 'f', -1, 64) + "]"
	case json.Number:
		return "[" + k.String() + "]"
	case string:
		return "[" + strconv.Quote(k) + "]"
	}
	return fmt.Sprintf("[%v]", key)
}

// sensitivePaths reads sensitive_attributes: a list of paths, each a list of
// steps ({"type":"get_attr","value":"password"}); newer versions may nest
// differently, so any get_attr value at the head of a path counts.
func sensitivePaths(v any) map[string]bool {
	if v == nil {
		return nil
	}
	out := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case []any:
			if len(t) > 0 {
				if step, ok := t[0].(map[string]any); ok && step["type"] == "get_attr" {
					if s, ok := step["value"].(string); ok {
						out[s] = true
					}
					return
				}
			}
			for _, e := range t {
				walk(e)
			}
		case map[string]any:
			if t["type"] == "get_attr" {
				if s, ok := t["value"].(string); ok {
					out[s] = true
				}
			}
		}
	}
	walk(v)
	return out
}

// markedKeys returns the top-level keys of a mask (sensitive_values,
// after_unknown) whose value is true or holds a true anywhere. A mask that
// is itself true marks the whole object: every key of values.
func markedKeys(raw json.RawMessage, values map[string]any) map[string]bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("false")) || bytes.Equal(raw, []byte("{}")) || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	out := map[string]bool{}
	switch t := v.(type) {
	case bool:
		if t {
			for k := range values {
				out[k] = true
			}
			out["*"] = true
		}
	case map[string]any:
		for k, m := range t {
			if holdsTrue(m) {
				out[k] = true
			}
		}
	}
	return out
}

func holdsTrue(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case []any:
		for _, e := range t {
			if holdsTrue(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range t {
			if holdsTrue(e) {
				return true
			}
		}
	}
	return false
}

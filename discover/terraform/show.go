package terraform

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// showDoc is `terraform show -json` output, for a state or a plan.
type showDoc struct {
	FormatVersion   string           `json:"format_version"`
	Values          *valuesDoc       `json:"values"`
	PlannedValues   *valuesDoc       `json:"planned_values"`
	ResourceChanges []resourceChange `json:"resource_changes"`
	PriorState      json.RawMessage  `json:"prior_state"`
	Configuration   *configDoc       `json:"configuration"`
	Variables       map[string]struct {
		Value any `json:"value"`
	} `json:"variables"`
}

type valuesDoc struct {
	RootModule *showModule `json:"root_module"`
}

type showModule struct {
	Address      string         `json:"address"`
	Resources    []showResource `json:"resources"`
	ChildModules []showModule   `json:"child_modules"`
}

type showResource struct {
	Address         string          `json:"address"`
	Mode            string          `json:"mode"`
	Type            string          `json:"type"`
	Name            string          `json:"name"`
	Index           any             `json:"index"`
	ProviderName    string          `json:"provider_name"`
	Values          map[string]any  `json:"values"`
	SensitiveValues json.RawMessage `json:"sensitive_values"`
	DependsOn       []string        `json:"depends_on"`
}

type resourceChange struct {
	Address      string `json:"address"`
	Mode         string `json:"mode"`
	Type         string `json:"type"`
	Name         string `json:"name"`
	ProviderName string `json:"provider_name"`
	Deposed      string `json:"deposed"`
	Change       struct {
		Actions        []string        `json:"actions"`
		After          map[string]any  `json:"after"`
		AfterUnknown   json.RawMessage `json:"after_unknown"`
		AfterSensitive json.RawMessage `json:"after_sensitive"`
	} `json:"change"`
}

func decodeShow(data []byte, name string) (*document, error) {
	var sd showDoc
	if err := json.Unmarshal(data, &sd); err != nil {
		return nil, graph.JSONError(data, name, "$", err)
	}
	if err := checkFormatVersion(sd.FormatVersion, name); err != nil {
		return nil, err
	}
	isPlan := sd.PlannedValues != nil || sd.ResourceChanges != nil || sd.Configuration != nil || sd.PriorState != nil
	if !isPlan {
		doc := &document{kind: "show-state"}
		if sd.Values != nil && sd.Values.RootModule != nil {
			if err := walkShowModule(doc, sd.Values.RootModule, name, "$.values.root_module", nil); err != nil {
				return nil, err
			}
		}
		return doc, nil // a state with no resources has only format_version
	}
	return decodePlan(&sd, name)
}

// walkShowModule appends the managed resources of m and its children.
func walkShowModule(doc *document, m *showModule, name, path string, changes map[string]*resourceChange) error {
	for i := range m.Resources {
		r := &m.Resources[i]
		at := fmt.Sprintf("%s.resources[%d]", path, i)
		if r.Mode != "managed" {
			continue
		}
		if r.Address == "" || r.Type == "" {
			return &graph.InputError{File: name, Path: at, Msg: "a resource needs an address and a type"}
		}
		in := &instance{
			file:      name,
			address:   r.Address,
			typ:       r.Type,
			provider:  r.ProviderName,
			values:    r.Values,
			sensitive: markedKeys(r.SensitiveValues, r.Values),
			deps:      r.DependsOn,
			path:      at,
		}
		if rc := changes[r.Address]; rc != nil {
			in.action = actionName(rc.Change.Actions)
			in.unknown = markedKeys(rc.Change.AfterUnknown, nil)
			for k := range markedKeys(rc.Change.AfterSensitive, r.Values) {
				if in.sensitive == nil {
					in.sensitive = map[string]bool{}
				}
				in.sensitive[k] = true
			}
		}
		doc.instances = append(doc.instances, in)
	}
	for i := range m.ChildModules {
		if err := walkShowModule(doc, &m.ChildModules[i], name, fmt.Sprintf("%s.child_modules[%d]", path, i), changes); err != nil {
			return err
		}
	}
	return nil
}

// actionName folds a change's action list into one word.
func actionName(actions []string) string {
	switch {
	case len(actions) == 0:
		return ""
	case slices.Contains(actions, "create") && slices.Contains(actions, "delete"):
		return "replace"
	}
	return strings.Join(actions, ",")
}

// decodePlan builds the planned state: planned_values when present (it
// already has creates and updates applied and deletes removed), else the
// resource_changes' "after" objects.
func decodePlan(sd *showDoc, name string) (*document, error) {
	doc := &document{kind: "plan"}
	changes := map[string]*resourceChange{}
	for i := range sd.ResourceChanges {
		rc := &sd.ResourceChanges[i]
		if rc.Mode == "managed" && rc.Deposed == "" {
			changes[rc.Address] = rc
		}
	}
	switch {
	case sd.PlannedValues != nil && sd.PlannedValues.RootModule != nil:
		if err := walkShowModule(doc, sd.PlannedValues.RootModule, name, "$.planned_values.root_module", changes); err != nil {
			return nil, err
		}
	case sd.PlannedValues != nil && sd.ResourceChanges == nil:
		return nil, &graph.InputError{File: name, Path: "$.planned_values", Msg: "plan has planned_values without root_module and no resource_changes: the plan JSON is incomplete"}
	case sd.ResourceChanges != nil:
		for i := range sd.ResourceChanges {
			rc := &sd.ResourceChanges[i]
			if rc.Mode != "managed" || rc.Deposed != "" || rc.Change.After == nil || actionName(rc.Change.Actions) == "delete" {
				continue
			}
			doc.instances = append(doc.instances, &instance{
				file: name, address: rc.Address, typ: rc.Type, provider: rc.ProviderName,
				values: rc.Change.After, action: actionName(rc.Change.Actions),
				sensitive: markedKeys(rc.Change.AfterSensitive, rc.Change.After),
				unknown:   markedKeys(rc.Change.AfterUnknown, nil),
				path:      fmt.Sprintf("$.resource_changes[%d]", i),
			})
		}
	default:
		return nil, &graph.InputError{File: name, Path: "$", Msg: "plan has neither planned_values nor resource_changes: the plan JSON is incomplete (expected `terraform show -json` of a saved plan)"}
	}
	if sd.Configuration != nil {
		applyConfiguration(doc, sd, name)
	}
	priorDependencies(doc, sd.PriorState)
	return doc, nil
}

// priorDependencies gives planned instances the depends_on of the same
// address in the plan's prior state (planned values carry none).
func priorDependencies(doc *document, raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	var prior struct {
		Values *valuesDoc `json:"values"`
	}
	if json.Unmarshal(raw, &prior) != nil || prior.Values == nil || prior.Values.RootModule == nil {
		return
	}
	deps := map[string][]string{}
	var walk func(m *showModule)
	walk = func(m *showModule) {
		for _, r := range m.Resources {
			if len(r.DependsOn) > 0 {
				deps[r.Address] = r.DependsOn
			}
		}
		for i := range m.ChildModules {
			walk(&m.ChildModules[i])
		}
	}
	walk(prior.Values.RootModule)
	for _, in := range doc.instances {
		if len(in.deps) == 0 {
			in.deps = deps[in.address]
		}
	}
}

package terraform

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// configRef is an expression reference in a plan's configuration: the
// resource at config address from refers, in attribute key, to the
// resource at config address to. index is "[0]" when the reference names
// one instance, byCountIndex or byEachKey when the expression picks the
// instance with the referring instance's own index or key.
type configRef struct {
	from, key, to, index string
	via                  string // the module output it went through, if any
	// within is the module instance the reference names by a constant key
	// (module.net["a"] in module.net["a"].subnet_id): only targets inside
	// it are meant; "" when the reference names no instance of a module.
	within string
}

// Instance selectors of a configRef.
const (
	byCountIndex = "count.index"
	byEachKey    = "each.key"
)

type configDoc struct {
	ProviderConfig map[string]providerConfig `json:"provider_config"`
	RootModule     *configModule             `json:"root_module"`
}

type providerConfig struct {
	Name          string                     `json:"name"`
	Alias         string                     `json:"alias"`
	ModuleAddress string                     `json:"module_address"`
	Expressions   map[string]json.RawMessage `json:"expressions"`
}

type configModule struct {
	Resources   []configResource      `json:"resources"`
	ModuleCalls map[string]moduleCall `json:"module_calls"`
	Outputs     map[string]struct {
		Expression json.RawMessage `json:"expression"`
	} `json:"outputs"`
}

type moduleCall struct {
	Module      *configModule              `json:"module"`
	Expressions map[string]json.RawMessage `json:"expressions"`
}

// moduleInput is the expression a module call passes for one variable, or
// a module's output expression: the references in it, in the address
// space of the module the expression is written in.
type moduleInput struct {
	refs   []string
	prefix string
}

type configResource struct {
	Address           string                     `json:"address"`
	Mode              string                     `json:"mode"`
	ProviderConfigKey string                     `json:"provider_config_key"`
	Expressions       map[string]json.RawMessage `json:"expressions"`
	DependsOn         []string                   `json:"depends_on"`
}

// applyConfiguration reads the provider regions and expression references
// of a plan's configuration into doc. The configuration is advisory: a part
// it cannot read is skipped, never an error, since the planned values
// already hold the estate.
func applyConfiguration(doc *document, sd *showDoc, _ string) {
	cfg := sd.Configuration
	regions := map[string]string{} // config address -> provider region
	// Module inputs and outputs first: a resource may reference the output
	// of a module written after it, and a module input may hold another
	// module's output.
	doc.inputs, doc.outputs = map[string]moduleInput{}, map[string]moduleInput{}
	var interfaces func(m *configModule, prefix string)
	interfaces = func(m *configModule, prefix string) {
		if m == nil {
			return
		}
		for _, name := range sortedKeys(m.ModuleCalls) {
			call := m.ModuleCalls[name]
			child := prefix + "module." + name + "."
			for v, raw := range call.Expressions {
				if refs := expressionRefs(raw); len(refs) > 0 {
					doc.inputs[child+"var."+v] = moduleInput{refs, prefix}
				}
			}
			if call.Module != nil {
				for out, o := range call.Module.Outputs {
					if refs := expressionRefs(o.Expression); len(refs) > 0 {
						doc.outputs[child+out] = moduleInput{refs, child}
					}
				}
			}
			interfaces(call.Module, child)
		}
	}
	interfaces(cfg.RootModule, "")
	var walk func(m *configModule, prefix string)
	walk = func(m *configModule, prefix string) {
		if m == nil {
			return
		}
		for _, r := range m.Resources {
			if r.Mode != "managed" || r.Address == "" {
				continue
			}
			addr := prefix + r.Address
			if reg := providerRegion(cfg, sd, r.ProviderConfigKey); reg != "" {
				regions[addr] = reg
			}
			for _, key := range sortedKeys(r.Expressions) { // sorted: the first evidence of an edge wins
				raw := r.Expressions[key]
				var v any
				if json.Unmarshal(raw, &v) == nil {
					collectRefs(doc, addr, prefix, key, v)
				}
			}
			for _, d := range r.DependsOn {
				addRef(doc, addr, prefix, "depends_on", d, "")
			}
		}
		for _, name := range sortedKeys(m.ModuleCalls) {
			walk(m.ModuleCalls[name].Module, prefix+"module."+name+".")
		}
	}
	walk(cfg.RootModule, "")
	for _, key := range sortedKeys(cfg.ProviderConfig) {
		pc := cfg.ProviderConfig[key]
		if !clusterProviders[pc.Name] {
			continue
		}
		prefix := ""
		if pc.ModuleAddress != "" {
			prefix = pc.ModuleAddress + "."
		}
		for _, e := range sortedKeys(pc.Expressions) {
			var v any
			if json.Unmarshal(pc.Expressions[e], &v) == nil {
				collectProviderRefs(doc, prefix, v)
			}
		}
	}
	for _, in := range doc.instances {
		if reg := regions[configAddress(in.address)]; reg != "" {
			in.providerRegion = reg
		}
	}
}

// collectRefs walks an expressions value: {"references": [...]} at a leaf,
// nested blocks as objects or lists of objects.
func collectRefs(doc *document, from, prefix, key string, v any) {
	switch t := v.(type) {
	case map[string]any:
		if refs, ok := t["references"].([]any); ok {
			// count.index or each.key/each.value beside a reference picks the
			// instance with the same index or key, never all of them.
			mode := ""
			for _, r := range refs {
				switch r {
				case "count.index":
					mode = byCountIndex
				case "each.key", "each.value":
					mode = byEachKey
				}
			}
			var strs []string
			for _, r := range refs {
				if s, ok := r.(string); ok {
					strs = append(strs, s)
				}
			}
			for _, s := range explicitRefs(strs) {
				addRef(doc, from, prefix, key, s, mode)
			}
			return
		}
		for _, k := range sortedKeys(t) {
			collectRefs(doc, from, prefix, k, t[k])
		}
	case []any:
		for _, e := range t {
			collectRefs(doc, from, prefix, key, e)
		}
	}
}

// addRef records a reference to a managed resource ("aws_vpc.main.id",
// "aws_instance.web[0]"); variables, locals, data sources and module
// outputs are not resources and are skipped.
func addRef(doc *document, from, prefix, key, ref, mode string) {
	addRefDepth(doc, from, prefix, key, ref, mode, "", "", 0)
}

// addRefDepth follows a module variable (var.subnet_id inside module.app)
// to what the module call passes for it, and a module output
// (module.vpc.private_subnets) to what the output expression references,
// so a reference is not lost at a module boundary. An index on the output
// (module.vpc.private_subnets[0]) picks that instance when the output
// holds one resource's instances, and a constant instance key on the call
// (module.net["a"].subnet_id) that module instance's resources only.
func addRefDepth(doc *document, from, prefix, key, ref, mode, via, within string, depth int) {
	if depth >= 8 {
		return
	}
	if v, ok := strings.CutPrefix(ref, "var."); ok && prefix != "" {
		v, _, _ = strings.Cut(v, ".")
		if in, ok := doc.inputs[prefix+"var."+v]; ok {
			for _, r := range explicitRefs(in.refs) {
				addRefDepth(doc, from, in.prefix, key, r, mode, via, within, depth+1)
			}
		}
		return
	}
	if call, callKey, out, index, ok := moduleOutputRef(ref); ok {
		o, found := doc.outputs[prefix+"module."+call+"."+out]
		if !found {
			return
		}
		refs := explicitRefs(o.refs)
		if index != "" {
			mode = index
		}
		if mode != "" && len(referencedObjects(refs)) != 1 {
			return // an element of a list built from several: which one is not said
		}
		if via == "" {
			via = prefix + "module." + call + "." + out
		}
		if callKey != "" && within == "" {
			within = "module." + call + callKey
		}
		for _, r := range refs {
			addRefDepth(doc, from, o.prefix, key, r, mode, via, within, depth+1)
		}
		return
	}
	parts := strings.SplitN(ref, ".", 3)
	if len(parts) < 2 || !strings.Contains(parts[0], "_") || parts[0] == "terraform" {
		return
	}
	name, index := parts[1], mode
	if i := strings.IndexByte(name, '['); i >= 0 {
		name, index = name[:i], name[i:]
		if index == "[count.index]" {
			index = byCountIndex
		} else if strings.HasPrefix(index, "[each.") {
			index = byEachKey
		}
	}
	to := prefix + parts[0] + "." + name
	doc.refs = append(doc.refs, configRef{from: from, key: key, to: to, index: index, via: via, within: within})
}

// providerRegion resolves the region of the provider configuration key:
// a constant, or a root variable's value.
func providerRegion(cfg *configDoc, sd *showDoc, key string) string {
	pc, ok := cfg.ProviderConfig[key]
	if !ok {
		if _, rest, cut := strings.Cut(key, ":"); cut {
			pc, ok = cfg.ProviderConfig[rest]
		}
	}
	if !ok {
		return ""
	}
	raw, ok := pc.Expressions["region"]
	if !ok {
		return ""
	}
	var e struct {
		Constant   any      `json:"constant_value"`
		References []string `json:"references"`
	}
	if json.Unmarshal(raw, &e) != nil {
		return ""
	}
	if s, ok := e.Constant.(string); ok {
		return s
	}
	if len(e.References) > 0 && pc.ModuleAddress == "" {
		if v, ok := strings.CutPrefix(e.References[0], "var."); ok {
			if s, ok := sd.Variables[v].Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

// configAddress strips every instance key from an address:
// module.app["x"].aws_instance.web[2] -> module.app.aws_instance.web.
func configAddress(addr string) string {
	if !strings.Contains(addr, "[") {
		return addr
	}
	var b strings.Builder
	depth, inString, escaped := 0, false, false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"' && depth > 0:
			inString = true
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// collectProviderRefs records the managed resources a Kubernetes or Helm
// provider configuration references (its host, certificate, token): the
// cluster its objects are deployed to.
func collectProviderRefs(doc *document, prefix string, v any) {
	switch t := v.(type) {
	case map[string]any:
		if refs, ok := t["references"].([]any); ok {
			for _, r := range refs {
				if s, ok := r.(string); ok {
					parts := strings.SplitN(s, ".", 3)
					if len(parts) >= 2 && strings.Contains(parts[0], "_") && parts[0] != "data" {
						name, _, _ := strings.Cut(parts[1], "[")
						doc.clusterRefs = append(doc.clusterRefs, prefix+parts[0]+"."+name)
					}
				}
			}
			return
		}
		for _, k := range sortedKeys(t) {
			collectProviderRefs(doc, prefix, t[k])
		}
	case []any:
		for _, e := range t {
			collectProviderRefs(doc, prefix, e)
		}
	}
}

// expressionRefs are the references of one configuration expression.
func expressionRefs(raw json.RawMessage) []string {
	var e struct {
		References []string `json:"references"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &e) != nil {
		return nil
	}
	return e.References
}

// explicitRefs drops a reference that another one in the same list names
// more precisely: Terraform lists aws_subnet.a[0].id, aws_subnet.a[0] and
// aws_subnet.a for the one expression aws_subnet.a[0].id, and the bare
// aws_subnet.a must not stand for every instance.
func explicitRefs(refs []string) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if !slices.ContainsFunc(refs, func(o string) bool { return strings.HasPrefix(o, r+"[") }) {
			out = append(out, r)
		}
	}
	return out
}

// moduleOutputRef splits module.vpc.private_subnets[2].id into the call
// (vpc), the output (private_subnets) and a constant index ("[2]"); ok is
// false for anything else (module.vpc alone names no output). A constant
// instance key on the call (module.app["a"].out) is callKey (`["a"]`):
// configuration addresses have none, so it picks the module instance
// later; a key that is an expression (module.app[each.key]) is dropped.
func moduleOutputRef(ref string) (call, callKey, out, index string, ok bool) {
	rest, found := strings.CutPrefix(ref, "module.")
	if !found {
		return "", "", "", "", false
	}
	cuts := addressDots(rest)
	if len(cuts) == 0 {
		return "", "", "", "", false
	}
	call = configAddress(rest[:cuts[0]])
	if k := rest[len(call):cuts[0]]; constantKey(k) {
		callKey = k
	}
	out = rest[cuts[0]+1:]
	if len(cuts) > 1 {
		out = rest[cuts[0]+1 : cuts[1]]
	}
	if i := strings.IndexByte(out, '['); i >= 0 {
		out, index = out[:i], out[i:]
		if j := strings.IndexByte(index, ']'); j >= 0 {
			index = index[:j+1]
		}
		if _, err := strconv.Atoi(strings.Trim(index, "[]")); err != nil {
			index = "" // a key, not a position: every instance stays
		}
	}
	return call, callKey, out, index, out != ""
}

// constantKey reports whether k is one constant instance key: [2] or ["a"].
func constantKey(k string) bool {
	inner, ok := strings.CutPrefix(k, "[")
	if inner, ok = strings.CutSuffix(inner, "]"); !ok || inner == "" {
		return false
	}
	if _, err := strconv.Atoi(inner); err == nil {
		return true
	}
	return len(inner) >= 2 && inner[0] == '"' && inner[len(inner)-1] == '"' && !strings.ContainsAny(inner[1:len(inner)-1], `"[]`)
}

// referencedObjects are the distinct resources, module outputs and
// variables refs name (aws_vpc.this[0].id and aws_vpc.this[0] are one);
// count.index, each.key, locals, path and terraform name none.
func referencedObjects(refs []string) map[string]bool {
	out := map[string]bool{}
	for _, r := range refs {
		parts := strings.Split(r, ".")
		n := 2
		switch parts[0] {
		case "count", "each", "local", "path", "terraform", "self":
			continue
		case "module", "data":
			n = 3
		}
		if len(parts) < n {
			continue
		}
		key := ""
		for _, p := range parts[:n] {
			p, _, _ = strings.Cut(p, "[")
			key += p + "."
		}
		out[key] = true
	}
	return out
}

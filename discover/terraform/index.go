package terraform

import (
	"cmp"
	"slices"
	"strings"
)

// index finds nodes by the values other resources use to point at them.
type index struct {
	byConfig map[inFile][]*node // config address (no instance keys)
	byValue  map[string][]*node // normalised id, arn, self_link
	byName   map[inFile][]*node // name, for name-valued references
	byDNS    map[string][]*node // normalised DNS names of endpoints
}

// inFile is a key that means something only within one file (an address,
// a name): two workspaces never meet through it.
type inFile struct{ file, key string }

// nameRefKeys are attributes that refer to another resource by its name,
// with a part of the type the target must have.
var nameRefKeys = map[string]string{
	"cluster": "cluster", "cluster_name": "cluster", "function_name": "function",
	"db_subnet_group_name": "subnet_group", "subnet_group_name": "subnet_group",
	"master_instance_name": "sql_database_instance", "replicate_source_db": "db_instance",
	"autoscaling_group_name": "autoscaling_group", "topic": "topic", "network": "network",
	"subnetwork": "subnetwork", "instance": "instance", "server_name": "server", "queue_name": "queue",
	"bucket": "bucket", "target_group_name": "target_group", "load_balancer_name": "lb",
	"cluster_identifier": "cluster", "global_cluster_identifier": "global_cluster",
	"replication_group_id": "replication_group", "namespace_name": "namespace",
	"storage_account_name": "storage_account", "managed_zone": "managed_zone",
}

// skipTopKeys are a resource's own identity and descriptive attributes:
// never references to others.
var skipTopKeys = toSet("id", "arn", "self_link", "name", "description", "tags", "tags_all", "labels",
	"effective_labels", "terraform_labels", "dns_name", "domain_name", "fqdn", "bucket_domain_name",
	"bucket_regional_domain_name", "endpoint", "unique_id", "owner_id", "project", "region", "location",
	"availability_zone", "zone", "timeouts", "policy", "assume_role_policy", "resource_group_name",
	"identifier", "name_prefix", "instance_group")

var dnsKeys = []string{"dns_name", "domain_name", "bucket_domain_name", "bucket_regional_domain_name", "fqdn", "website_endpoint",
	"default_hostname", "default_site_hostname", "primary_web_host"}

func newIndex(nodes []*node) *index {
	ix := &index{byConfig: map[inFile][]*node{}, byValue: make(map[string][]*node, 2*len(nodes)),
		byName: map[inFile][]*node{}, byDNS: map[string][]*node{}}
	for _, n := range nodes {
		ck := inFile{n.in.file, n.config}
		ix.byConfig[ck] = append(ix.byConfig[ck], n)
		for _, k := range []string{"id", "arn", "self_link", "instance_group"} { // a MIG's instance_group is what backends name
			if s := knownString(n.in, k); specific(s) {
				key := normValue(s)
				if !slices.Contains(ix.byValue[key], n) {
					ix.byValue[key] = append(ix.byValue[key], n)
				}
			}
		}
		for _, k := range nameKeys {
			if s := knownString(n.in, k); s != "" {
				key := inFile{n.in.file, s}
				ix.byName[key] = append(ix.byName[key], n)
				break
			}
		}
		for _, k := range dnsKeys {
			if s := knownString(n.in, k); strings.Contains(s, ".") {
				ix.byDNS[normDNS(s)] = append(ix.byDNS[normDNS(s)], n)
			}
		}
	}
	return ix
}

func knownString(in *instance, key string) string {
	if in.sensitive[key] || in.unknown[key] {
		return ""
	}
	s, _ := in.values[key].(string)
	return s
}

// specific reports whether a value is distinctive enough to be an id:
// short words such as "default" or "enabled" would join unrelated resources.
func specific(s string) bool {
	return len(s) >= 4 && strings.ContainsAny(s, "0123456789-_:/.")
}

func normValue(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"https://www.googleapis.com/compute/v1/", "https://www.googleapis.com/compute/beta/",
		"https://compute.googleapis.com/compute/v1/", "https://container.googleapis.com/v1/",
		"https://www.googleapis.com/sql/v1beta4/"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

func normDNS(s string) string {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	return strings.TrimPrefix(s, "dualstack.")
}

// valueRefs finds the attributes of n that hold another node's identity.
func (ix *index) valueRefs(n *node) []ref {
	var out []ref
	seen := map[[2]string]bool{}
	add := func(key string, targets []*node) {
		var same []*node
		for _, t := range targets {
			if t.in.file == n.in.file {
				same = append(same, t)
			}
		}
		if len(same) > 0 {
			targets = same
		}
		for _, t := range targets {
			k := [2]string{key, t.in.file + "\x00" + t.in.address}
			if t != n && !seen[k] {
				seen[k] = true
				out = append(out, ref{key: key, target: t})
			}
		}
	}
	var walk func(key string, v any, depth int)
	walk = func(key string, v any, depth int) {
		if depth > 12 {
			return
		}
		switch t := v.(type) {
		case string:
			if t == "" {
				return
			}
			if specific(t) {
				if ts := ix.byValue[normValue(t)]; len(ts) > 0 {
					add(key, ts)
					return
				}
			}
			if want := nameRefKeys[key]; want != "" {
				var ts []*node
				for _, c := range ix.byName[inFile{n.in.file, lastSegment(t)}] {
					if strings.Contains(c.in.typ, want) {
						ts = append(ts, c)
					}
				}
				if len(ts) > 0 {
					add(key, ts)
					return
				}
			}
			if strings.Contains(t, ".") {
				if ts := ix.byDNS[normDNS(t)]; len(ts) > 0 {
					add(key, ts)
				}
			}
		case []any:
			for _, e := range t {
				walk(key, e, depth+1)
			}
		case map[string]any:
			for k, e := range t { // refs are sorted below
				walk(k, e, depth+1)
			}
		}
	}
	own, _ := n.in.values["id"].(string)
	for k, v := range n.in.values {
		if skipTopKeys[k] || n.in.sensitive[k] || n.in.unknown[k] {
			continue
		}
		if s, ok := v.(string); ok && s == own {
			continue // the resource's own id under another name (bucket, function_name)
		}
		walk(k, v, 0)
	}
	slices.SortFunc(out, func(a, b ref) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.target.in.address, b.target.in.address),
			strings.Compare(a.target.in.file, b.target.in.file))
	})
	return out
}

// inModuleInstance keeps the targets inside module instance within
// (module.net["a"], at any depth); every target stays when within is ""
// or when none is inside it (a key the plan does not hold says nothing).
func inModuleInstance(all []*node, within string) []*node {
	if within == "" {
		return all
	}
	var in []*node
	for _, t := range all {
		if strings.Contains("."+t.module+".", "."+within+".") {
			in = append(in, t)
		}
	}
	if len(in) == 0 {
		return all
	}
	return in
}

// configRefs adds a plan's expression references to the nodes' refs: they
// link resources whose ids are unknown until apply.
func (ix *index) configRefs(d *document) {
	if len(d.instances) == 0 {
		return
	}
	file := d.instances[0].file
	for _, r := range d.refs {
		for _, n := range ix.byConfig[inFile{file, r.from}] {
			for _, t := range inModuleInstance(ix.resolve(n, r.to, r.index), r.within) {
				if t != n && !slices.ContainsFunc(n.refs, func(x ref) bool { return x.target == t && x.key == r.key }) {
					n.refs = append(n.refs, ref{key: r.key, target: t, config: true, via: r.via})
				}
			}
		}
	}
}

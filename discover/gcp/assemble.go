package gcp

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"cloud.google.com/go/asset/apiv1/assetpb"

	"github.com/untether-dev/untether/discover/redact"
	"github.com/untether-dev/untether/discover/roles"
	"github.com/untether-dev/untether/graph"
)

// item is one asset as the mapping reads it.
type item struct {
	name, typ, location, projectNum string
	data                            map[string]any
}

func itemOf(a *assetpb.Asset) item {
	it := item{name: a.GetName(), typ: a.GetAssetType()}
	if r := a.GetResource(); r != nil {
		it.location = r.GetLocation()
		if d := r.GetData(); d != nil {
			it.data = d.AsMap()
		}
	}
	for _, anc := range a.GetAncestors() {
		if n, ok := strings.CutPrefix(anc, "projects/"); ok {
			it.projectNum = n
			break
		}
	}
	return it
}

// asm builds the estate: nodes first, then placements and references,
// which resolve self links, asset names and "projects/..." paths alike.
type asm struct {
	b       *graph.Builder
	alias   map[string]string // normalised link -> node id
	igOwner map[string]string // instance group link -> its manager's node id
	refs    [][3]string       // from, to (a link), evidence: resolved last
	project map[string]string // project number -> project id
}

var projectInPath = regexp.MustCompile(`(?:^|/)projects/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:/|$)`)

func assemble(ls []listing, runGaps []graph.Gap) (*graph.Estate, error) {
	a := &asm{b: graph.NewBuilder(), alias: map[string]string{}, igOwner: map[string]string{}, project: map[string]string{}}
	var items []item
	for _, l := range ls {
		items = append(items, l.assets...)
		for _, g := range l.gaps {
			a.b.Gap(g)
		}
	}
	for _, g := range runGaps {
		a.b.Gap(g)
	}
	// One asset may come through several parents (a project and its folder).
	slices.SortFunc(items, func(x, y item) int { return cmp.Compare(x.name, y.name) })
	items = slices.CompactFunc(items, func(x, y item) bool { return x.name == y.name })
	for _, it := range items {
		if m := projectInPath.FindStringSubmatch(it.name); m != nil && it.projectNum != "" {
			a.project[it.projectNum] = m[1]
		}
	}
	for _, it := range items {
		a.node(it)
	}
	for _, it := range items {
		if rule, ok := rules[it.typ]; ok {
			rule(a, it)
		}
	}
	for _, r := range a.refs {
		a.b.Edge(r[0], a.resolve(r[1], r[0]), r[2])
	}
	if len(items) > 0 {
		a.b.ManagedService("gcp", graph.GlobalRegion, "iam")
	}
	e, err := a.b.Estate()
	if err != nil {
		return nil, fmt.Errorf("gcp: %w", err)
	}
	return e, nil
}

// lagNote travels with every node: the inventory is not the live state.
const lagNote = " (Cloud Asset Inventory: can lag the live state by minutes)"

// id is the node id of an asset: its self link (what Terraform's
// self_link holds) or else its asset name.
func (it item) id() string {
	if s := str(it.data, "selfLink"); strings.HasPrefix(s, "https://") {
		return s
	}
	return it.name
}

func (a *asm) projectOf(it item) string {
	if m := projectInPath.FindStringSubmatch(it.name); m != nil {
		return m[1]
	}
	if id, ok := a.project[it.projectNum]; ok {
		return id
	}
	return it.projectNum
}

// node writes the resource node of an asset and its aliases.
func (a *asm) node(it item) {
	id := it.id()
	e, _ := roles.Lookup(it.typ)
	kind := e.Kind
	if kind == "" {
		kind = "generic"
	}
	name := lastSegment(str(it.data, "name"))
	if name == "" {
		name = lastSegment(it.name)
	}
	a.b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: kind, Type: it.typ, Role: e.Role, Provider: "gcp",
		Account: a.projectOf(it), Region: regionOfLocation(it.location), Name: name, Tags: labels(it.data),
		Attrs: map[string]any{"asset_name": it.name}, Evidence: "cloudasset:ListAssets " + it.typ + lagNote})
	for _, k := range []string{id, it.name, str(it.data, "selfLink"), str(it.data, "name")} {
		if k := normLink(k); strings.HasPrefix(k, "projects/") {
			a.alias[k] = id
		}
	}
}

// ref records that from needs the resource at link (resolved once every
// node exists).
func (a *asm) ref(from, link, evidence string) {
	if link != "" {
		a.refs = append(a.refs, [3]string{from, link, evidence})
	}
}

// resolve is the node a link names, an instance group's manager standing
// for the group, or a stub when the link is outside what was read.
func (a *asm) resolve(link, neededBy string) string {
	k := normLink(link)
	if id, ok := a.igOwner[k]; ok {
		return id
	}
	if id, ok := a.alias[k]; ok {
		return id
	}
	if a.b.Get(link) == nil {
		a.b.Node(graph.Node{ID: link, Class: graph.ClassResource, Kind: "unknown", Provider: "gcp", Name: lastSegment(link),
			Evidence: "referenced by " + neededBy + "; not itself read (outside the parents given, or not a mapped asset type)"})
	}
	return link
}

// normLink reduces a self link, asset name or path to "projects/...".
func normLink(s string) string {
	if i := strings.Index(s, "/projects/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// labels are the asset's labels with secret-looking values redacted.
func labels(d map[string]any) map[string]string {
	out := map[string]string{}
	for _, m := range []map[string]any{obj(d, "labels"), obj(obj(d, "settings"), "userLabels"), obj(d, "resourceLabels"), obj(obj(d, "metadata"), "labels")} {
		for k, v := range m {
			if s, ok := v.(string); ok && !strings.Contains(k, "googleapis.com/") {
				out[k] = s
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return redact.Tags(out)
}

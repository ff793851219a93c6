package report

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
)

// exporters are the estate picture formats of `untether export`, by name.
var exporters = map[string]func(w *bufio.Writer, v *exportView) error{
	"dot":     exportDOT,
	"mermaid": exportMermaid,
	"graphml": exportGraphML,
	"json":    nil, // the estate file itself, written by graph.Encode
}

// ExportFormats lists the formats Export accepts, sorted.
func ExportFormats() []string {
	names := make([]string, 0, len(exporters))
	for k := range exporters {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// Export writes the estate as a picture or an interchange file: "dot"
// (Graphviz, clustered by provider and region), "mermaid" (a flowchart),
// "graphml" (XML for yEd, Gephi and networkx) or "json" (the estate file,
// via graph.Encode). Nodes whose id is in highlight (the SPOFs) are drawn
// red; groups are drawn as gates labelled "k of n". Every id and label is
// quoted and escaped for its format, and the output is deterministic: nodes
// by id, edges by (from, to), whatever the estate's order. The estate is
// not changed except by the json format, which sorts it as graph.Encode does.
// An unknown format is an error naming the formats.
func Export(w io.Writer, format string, e *graph.Estate, highlight map[string]bool) error {
	write, ok := exporters[format]
	if !ok {
		return fmt.Errorf("unknown export format %q (formats: %s)", format, strings.Join(ExportFormats(), ", "))
	}
	if e == nil {
		return fmt.Errorf("export %s: no estate", format)
	}
	if format == "json" {
		if err := EncodeEstate(w, e); err != nil {
			return fmt.Errorf("export json: %w", err)
		}
		return nil
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := write(bw, newExportView(e, highlight)); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// exportView is the estate in canonical order with what every picture
// format needs: each group's member count and the provider/region clusters.
type exportView struct {
	nodes     []*graph.Node // by id
	edges     []*graph.Edge // by (from, to)
	members   map[string]int
	highlight map[string]bool
	clusters  []cluster // by provider
	loose     []*graph.Node
}

// cluster is one provider's nodes: some directly, the rest per region.
type cluster struct {
	provider string
	direct   []*graph.Node
	regions  []regionCluster // by region
}

type regionCluster struct {
	region string
	nodes  []*graph.Node
}

func newExportView(e *graph.Estate, highlight map[string]bool) *exportView {
	v := &exportView{members: map[string]int{}, highlight: highlight}
	for i := range e.Nodes {
		v.nodes = append(v.nodes, &e.Nodes[i])
	}
	slices.SortStableFunc(v.nodes, func(a, b *graph.Node) int { return cmp.Compare(a.ID, b.ID) })
	for i := range e.Edges {
		v.edges = append(v.edges, &e.Edges[i])
	}
	slices.SortStableFunc(v.edges, func(a, b *graph.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	for _, ed := range v.edges {
		v.members[ed.From]++
	}

	byProvider := map[string]*cluster{}
	var providers []string
	for _, n := range v.nodes {
		if n.Provider == "" || (n.Class != graph.ClassResource && n.Class != graph.ClassPlacement) {
			v.loose = append(v.loose, n)
			continue
		}
		c, ok := byProvider[n.Provider]
		if !ok {
			c = &cluster{provider: n.Provider}
			byProvider[n.Provider] = c
			providers = append(providers, n.Provider)
		}
		if n.Region == "" {
			c.direct = append(c.direct, n)
			continue
		}
		i, found := slices.BinarySearchFunc(c.regions, n.Region, func(r regionCluster, region string) int {
			return cmp.Compare(r.region, region)
		})
		if !found {
			c.regions = slices.Insert(c.regions, i, regionCluster{region: n.Region})
		}
		c.regions[i].nodes = append(c.regions[i].nodes, n)
	}
	slices.Sort(providers)
	for _, p := range providers {
		v.clusters = append(v.clusters, *byProvider[p])
	}
	return v
}

// label is the text a picture shows for a node: a group's gate, else its
// name (or id) with its kind or level underneath.
func (v *exportView) label(n *graph.Node) (title, sub string) {
	switch n.Class {
	case graph.ClassGroup:
		return fmt.Sprintf("%d of %d", n.Need, v.members[n.ID]), compactID(n.ID)
	case graph.ClassService:
		return n.Label(), fmt.Sprintf("service, tier %d", n.EffectiveTier())
	case graph.ClassPlacement:
		return compactID(n.ID), string(n.Level)
	}
	return compactID(n.Label()), n.Kind
}

// EncodeEstate writes the estate file as graph.Encode does, with the hidden
// characters and workflow commands of its strings made inert by
// escape.JSON (as \u escapes: the data is unchanged for any JSON reader),
// so an estate printed to a terminal or a CI log cannot reorder text or
// forge an annotation. It streams: each line goes out as it is encoded.
func EncodeEstate(w io.Writer, e *graph.Estate) error {
	return InertJSON(w, func(w io.Writer) error { return graph.Encode(w, e) })
}

// InertJSON runs encode, which writes JSON with newlines between its items
// (an estate, an indented baseline), through escape.JSON a line at a time.
func InertJSON(w io.Writer, encode func(io.Writer) error) error {
	lw := &jsonLines{w: w}
	if err := encode(lw); err != nil {
		return err
	}
	return lw.flush()
}

// jsonLines passes JSON through escape.JSON a line at a time. Nothing it
// rewrites spans a line: raw newlines only separate tokens in JSON.
type jsonLines struct {
	w       io.Writer
	pending []byte
}

func (j *jsonLines) Write(p []byte) (int, error) {
	j.pending = append(j.pending, p...)
	if i := bytes.LastIndexByte(j.pending, '\n'); i >= 0 {
		if _, err := j.w.Write(escape.JSON(j.pending[:i+1])); err != nil {
			return 0, err
		}
		j.pending = append(j.pending[:0], j.pending[i+1:]...)
	}
	return len(p), nil
}

func (j *jsonLines) flush() error {
	if len(j.pending) == 0 {
		return nil
	}
	_, err := j.w.Write(escape.JSON(j.pending))
	j.pending = j.pending[:0]
	return err
}

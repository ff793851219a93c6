package report

import (
	"bufio"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
)

func exportDOT(w *bufio.Writer, v *exportView) error {
	w.WriteString("digraph untether {\n")
	w.WriteString("  rankdir=LR;\n  compound=true;\n")
	w.WriteString("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n")
	w.WriteString("  edge [color=\"#666666\", arrowsize=0.6];\n")
	for ci, c := range v.clusters {
		fmt.Fprintf(w, "  subgraph cluster_p%d {\n    label=%s;\n    style=rounded;\n    color=\"#999999\";\n", ci, escape.DotString(providerName(c.provider)))
		for _, n := range c.direct {
			dotNode(w, v, n, "    ")
		}
		for ri, r := range c.regions {
			fmt.Fprintf(w, "    subgraph cluster_p%d_r%d {\n      label=%s;\n      style=dashed;\n      color=\"#bbbbbb\";\n", ci, ri, escape.DotString(r.region))
			for _, n := range r.nodes {
				dotNode(w, v, n, "      ")
			}
			w.WriteString("    }\n")
		}
		w.WriteString("  }\n")
	}
	for _, n := range v.loose {
		dotNode(w, v, n, "  ")
	}
	for _, e := range v.edges {
		fmt.Fprintf(w, "  %s -> %s", escape.DotString(e.From), escape.DotString(e.To))
		if e.Evidence != "" {
			fmt.Fprintf(w, " [tooltip=%s]", escape.DotString(escape.Shorten(e.Evidence, 200)))
		}
		w.WriteString(";\n")
	}
	_, err := w.WriteString("}\n")
	return err
}

func dotNode(w *bufio.Writer, v *exportView, n *graph.Node, indent string) {
	title, sub := v.label(n)
	lines := []string{escape.Shorten(title, 60)}
	if sub != "" {
		lines = append(lines, escape.Shorten(sub, 60))
	}
	attrs := []string{"label=" + escape.DotLines(lines...), "tooltip=" + escape.DotString(escape.Shorten(n.ID, 300))}
	switch n.Class {
	case graph.ClassGroup:
		attrs = append(attrs, "shape=invhouse", `fillcolor="#eef3ff"`)
	case graph.ClassService:
		attrs = append(attrs, "shape=oval", `fillcolor="#e8f5e9"`)
	case graph.ClassPlacement:
		attrs = append(attrs, `fillcolor="#f5f5f5"`)
	}
	if v.highlight[n.ID] {
		attrs = slices.DeleteFunc(attrs, func(a string) bool { return strings.HasPrefix(a, "fillcolor=") })
		attrs = append(attrs, `color="#cc0000"`, `fillcolor="#ffdddd"`, "penwidth=2", `fontcolor="#990000"`)
	}
	fmt.Fprintf(w, "%s%s [%s];\n", indent, escape.DotString(n.ID), strings.Join(attrs, ", "))
}

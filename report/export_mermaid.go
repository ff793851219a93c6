package report

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
)

// exportMermaid writes a Mermaid flowchart: one subgraph per provider and
// region, groups as hexagon gates "k of n", services as stadiums, SPOFs in
// the "spof" class. Nodes get generated names (n0, n1 ...) and every label
// goes through MermaidLabel, so no estate text is ever Mermaid syntax.
func exportMermaid(w *bufio.Writer, v *exportView) error {
	ids := newMermaidIDs()
	for _, n := range v.nodes {
		ids.name(n.ID)
	}
	w.WriteString("flowchart LR\n")
	w.WriteString("  classDef spof fill:#fdd,stroke:#c00,stroke-width:2px,color:#900\n")
	w.WriteString("  classDef group fill:#eef3ff,stroke:#6b7bb5\n")
	w.WriteString("  classDef service fill:#e8f5e9,stroke:#2e7d32\n")
	for ci, c := range v.clusters {
		fmt.Fprintf(w, "  subgraph p%d[%s]\n", ci, escape.MermaidLabel(providerName(c.provider)))
		for _, n := range c.direct {
			mermaidNode(w, v, ids, n, "    ")
		}
		for ri, r := range c.regions {
			fmt.Fprintf(w, "    subgraph p%dr%d[%s]\n", ci, ri, escape.MermaidLabel(escape.Shorten(r.region, 60)))
			for _, n := range r.nodes {
				mermaidNode(w, v, ids, n, "      ")
			}
			w.WriteString("    end\n")
		}
		w.WriteString("  end\n")
	}
	for _, n := range v.loose {
		mermaidNode(w, v, ids, n, "  ")
	}
	for _, e := range v.edges {
		from, _ := ids.name(e.From)
		to, _ := ids.name(e.To)
		fmt.Fprintf(w, "  %s --> %s\n", from, to)
	}
	var spofs, groups, services []string
	for _, n := range v.nodes {
		name, _ := ids.name(n.ID)
		switch {
		case v.highlight[n.ID]:
			spofs = append(spofs, name)
		case n.Class == graph.ClassGroup:
			groups = append(groups, name)
		case n.Class == graph.ClassService:
			services = append(services, name)
		}
	}
	for _, c := range []struct {
		class string
		names []string
	}{{"group", groups}, {"service", services}, {"spof", spofs}} {
		if len(c.names) > 0 {
			fmt.Fprintf(w, "  class %s %s\n", strings.Join(c.names, ","), c.class)
		}
	}
	return nil
}

func mermaidNode(w *bufio.Writer, v *exportView, ids *mermaidIDs, n *graph.Node, indent string) {
	name, _ := ids.name(n.ID)
	title, sub := v.label(n)
	text := title
	if sub != "" {
		text += " - " + sub
	}
	label := escape.MermaidLabel(escape.Shorten(text, 60))
	switch n.Class {
	case graph.ClassGroup:
		fmt.Fprintf(w, "%s%s{{%s}}\n", indent, name, label)
	case graph.ClassService:
		fmt.Fprintf(w, "%s%s([%s])\n", indent, name, label)
	default:
		fmt.Fprintf(w, "%s%s[%s]\n", indent, name, label)
	}
}

package report

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/report/escape"
)

// mermaidIDs gives estate ids short, safe Mermaid node names (n0, n1 ...)
// in first-seen order, so the diagram never carries a raw id as syntax.
type mermaidIDs struct {
	ids   map[string]string
	order []string
}

func newMermaidIDs() *mermaidIDs { return &mermaidIDs{ids: map[string]string{}} }

// name returns the Mermaid name of id and whether it is new.
func (m *mermaidIDs) name(id string) (string, bool) {
	if n, ok := m.ids[id]; ok {
		return n, false
	}
	n := fmt.Sprintf("n%d", len(m.order))
	m.ids[id] = n
	m.order = append(m.order, id)
	return n, true
}

// mermaidChain writes a flowchart of one dependency chain, the failing node
// (the last) drawn red.
func mermaidChain(b *strings.Builder, chain []string, names map[string]string) {
	ids := newMermaidIDs()
	b.WriteString("```mermaid\nflowchart LR\n")
	var prev string
	for _, id := range chain {
		n, isNew := ids.name(id)
		if isNew {
			label := compactID(id)
			if nm, ok := names[id]; ok {
				label = nm
			}
			fmt.Fprintf(b, "  %s[%s]\n", n, escape.MermaidLabel(escape.Shorten(label, 60)))
		}
		if prev != "" {
			fmt.Fprintf(b, "  %s --> %s\n", prev, n)
		}
		prev = n
	}
	if prev != "" {
		fmt.Fprintf(b, "  style %s fill:#fdd,stroke:#c00,stroke-width:2px\n", prev)
	}
	b.WriteString("```\n\n")
}

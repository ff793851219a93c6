package report

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
)

// graphMLKeys are the node and edge attributes GraphML declares, in order.
var graphMLKeys = []struct{ id, target, typ string }{
	{"class", "node", "string"},
	{"level", "node", "string"},
	{"kind", "node", "string"},
	{"type", "node", "string"},
	{"provider", "node", "string"},
	{"account", "node", "string"},
	{"region", "node", "string"},
	{"zones", "node", "string"},
	{"name", "node", "string"},
	{"need", "node", "int"},
	{"members", "node", "int"},
	{"tier", "node", "int"},
	{"spof", "node", "boolean"},
	{"label", "node", "string"},
	{"evidence", "edge", "string"},
}

// exportGraphML writes GraphML 1.0 with the node fields as typed data keys.
func exportGraphML(w *bufio.Writer, v *exportView) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphMLKeys {
		fmt.Fprintf(w, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.target, k.id, k.typ)
	}
	w.WriteString(`  <graph id="untether" edgedefault="directed">` + "\n")
	for _, n := range v.nodes {
		fmt.Fprintf(w, "    <node id=\"%s\">\n", escape.XML(n.ID))
		title, _ := v.label(n)
		data := [][2]string{
			{"class", string(n.Class)}, {"level", string(n.Level)}, {"kind", n.Kind}, {"type", n.Type},
			{"provider", n.Provider}, {"account", n.Account}, {"region", n.Region},
			{"zones", strings.Join(n.Zones, ",")}, {"name", n.Name},
		}
		if n.Class == graph.ClassGroup {
			data = append(data, [2]string{"need", strconv.Itoa(n.Need)}, [2]string{"members", strconv.Itoa(v.members[n.ID])})
		}
		if n.Class == graph.ClassService {
			data = append(data, [2]string{"tier", strconv.Itoa(n.EffectiveTier())})
		}
		if v.highlight[n.ID] {
			data = append(data, [2]string{"spof", "true"})
		}
		data = append(data, [2]string{"label", title})
		for _, d := range data {
			if d[1] != "" {
				fmt.Fprintf(w, "      <data key=%q>%s</data>\n", d[0], escape.XML(d[1]))
			}
		}
		w.WriteString("    </node>\n")
	}
	for i, e := range v.edges {
		fmt.Fprintf(w, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\"", i, escape.XML(e.From), escape.XML(e.To))
		if e.Evidence == "" {
			w.WriteString("/>\n")
			continue
		}
		fmt.Fprintf(w, ">\n      <data key=\"evidence\">%s</data>\n    </edge>\n", escape.XML(e.Evidence))
	}
	_, err := w.WriteString("  </graph>\n</graphml>\n")
	return err
}

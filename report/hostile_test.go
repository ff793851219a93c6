package report

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
)

// hostile is what an attacker could put in a resource name or tag.
var hostile = "<script>alert(1)</script>\"|`x`\n# h1 | [a](javascript:alert(1)) @admin \x1b[2J\u202e" + strings.Repeat("long", 300)

// hostileAudit puts the hostile string everywhere the estate reaches.
func hostileAudit() *simulate.Audit {
	a := fixtureAudit()
	a.Services[0].Name = hostile
	a.SPOFs[0].Node = hostile
	a.SPOFs[0].Chain = []string{"service:checkout", hostile}
	a.SPOFs = append(a.SPOFs, simulate.SPOF{Node: hostile, Level: "zone", Services: []string{"service:" + hostile}, Chain: []string{hostile, hostile + "2"}})
	a.Scenarios[0].Name = hostile
	a.Scenarios[0].Fail = []string{"node:" + hostile}
	a.Lockin.Resources[0].Node = hostile
	a.Lockin.Resources[0].Alternatives = []string{hostile}
	a.Concentration.Regions.Shares[0].Key = hostile
	a.Gaps[0].Detail = hostile
	a.Estate.Generic[0].Type = hostile
	a.Score.Method = hostile
	return a
}

func hostileExplanation() *simulate.Explanation {
	x := fixtureExplanation()
	x.Node = hostile
	x.Down[0].Path = append(x.Down[0].Path, hostile)
	x.Down[0].Evidence = append(x.Down[0].Evidence, hostile)
	x.Survives[0].Groups = []string{hostile}
	x.Summary = hostile
	return x
}

func hostileResults() []Result {
	s := fixtureSimulation()
	s.Fail = []string{"node:" + hostile}
	s.Selectors = []graph.Selector{graph.NodeSelector(hostile)}
	s.Down = append(s.Down, hostile)
	s.ServicesDown = append(s.ServicesDown, "service:"+hostile)
	return []Result{NewAudit(hostileAudit(), AuditInput{}), NewSimulation(s), NewExplanation(hostileExplanation())}
}

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

func TestHostileMarkdown(t *testing.T) {
	for _, r := range hostileResults() {
		out := string(render(t, MarkdownWriter{}, r, Options{}))
		for _, bad := range []string{"<script", "</script", "\x1b", "\u202e", "@admin", "](javascript"} {
			if strings.Contains(out, bad) {
				t.Errorf("%T: markdown carries %q", r, bad)
			}
		}
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if strings.Contains(l, "```") && l != "```" && l != "```mermaid" {
				t.Errorf("%T line %d: stray code fence: %q", r, i+1, escape.Shorten(l, 80))
			}
			if strings.HasPrefix(l, "# h1") {
				t.Errorf("%T line %d: a newline in a name started a heading", r, i+1)
			}
		}
		// Every table row has as many cell breaks as its header.
		cols := 0
		for i, l := range lines {
			if !strings.HasPrefix(l, "|") {
				cols = 0
				continue
			}
			n := len(unescapedPipe.FindAllString(l, -1))
			if cols == 0 {
				cols = n
			} else if n != cols {
				t.Errorf("%T line %d: %d cell breaks, header has %d: %q", r, i+1, n, cols, escape.Shorten(l, 120))
			}
		}
		checkMermaidBlocks(t, out)
	}
}

// mermaidLine is every statement shape the writers emit; labels are quoted
// and hold only safe runes and #code; entities.
var mermaidLine = regexp.MustCompile(`^(flowchart LR|\s*classDef \w+ [\w:#,.-]+|\s*class [n0-9,]+ \w+|\s*style n\d+ [\w:#,.-]+|\s*end|\s*n\d+ --> n\d+|` +
	`\s*(n\d+|subgraph p\d+(r\d+)?)(\[|\{\{|\(\[)"[A-Za-z0-9 \-_./:,=+*'!?$#;]*"(\]|\}\}|\]\)))$`)

func checkMermaid(t *testing.T, body string) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		if !mermaidLine.MatchString(l) {
			t.Errorf("unexpected mermaid line: %q", escape.Shorten(l, 160))
		}
	}
}

func checkMermaidBlocks(t *testing.T, md string) {
	t.Helper()
	for _, block := range strings.Split(md, "```mermaid\n")[1:] {
		body, _, _ := strings.Cut(block, "```")
		checkMermaid(t, body)
	}
}

func hostileEstate(t *testing.T) *graph.Estate {
	e := fixtureEstate(t, hostile)
	e.Nodes = append(e.Nodes, graph.Node{ID: hostile, Class: graph.ClassResource, Provider: hostile, Region: hostile, Kind: hostile})
	e.Edges = append(e.Edges, graph.Edge{From: "service:checkout", To: hostile, Evidence: hostile})
	return e
}

func TestHostileExport(t *testing.T) {
	e := hostileEstate(t)
	var buf bytes.Buffer
	if err := Export(&buf, "dot", e, map[string]bool{hostile: true}); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for i, l := range strings.Split(strings.TrimRight(dot, "\n"), "\n") {
		// Outside quoted strings a line holds only DOT syntax: strip the
		// strings (with their escapes) and look at what is left.
		rest := regexp.MustCompile(`"(\\.|[^"\\])*"`).ReplaceAllString(l, `Q`)
		if strings.ContainsAny(strings.ReplaceAll(rest, "->", ""), "\"<>`|\\") {
			t.Errorf("dot line %d: estate text escaped its quotes: %q", i+1, escape.Shorten(rest, 120))
		}
	}

	buf.Reset()
	if err := Export(&buf, "mermaid", e, map[string]bool{hostile: true}); err != nil {
		t.Fatal(err)
	}
	checkMermaid(t, buf.String())

	buf.Reset()
	if err := Export(&buf, "graphml", e, nil); err != nil {
		t.Fatal(err)
	}
	wellFormedXML(t, buf.String())
	if strings.Contains(buf.String(), "<script") {
		t.Error("graphml carries a raw <script")
	}
	var doc struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range doc.Nodes {
		// XML cannot carry ESC and a reader must not see bidi overrides:
		// they come back as visible escapes, the rest verbatim.
		found = found || n.ID == escape.Visible(hostile)
	}
	if !found {
		t.Error("graphml: the hostile id did not round-trip")
	}
}

func TestHostileTable(t *testing.T) {
	for _, r := range hostileResults() {
		for _, color := range []bool{false, true} {
			out := string(render(t, TableWriter{}, r, Options{Color: color, Width: 80}))
			if !color && strings.Contains(out, "\x1b") {
				t.Errorf("%T: Color=false output has an ANSI escape", r)
			}
			if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\u202e") {
				t.Errorf("%T color=%v: a hostile control sequence reached the terminal", r, color)
			}
		}
	}
}

func TestTableWidthAndPlain(t *testing.T) {
	for _, r := range []Result{NewAudit(fixtureAudit(), AuditInput{}), NewSimulation(fixtureSimulation()), NewExplanation(fixtureExplanation())} {
		for _, w := range []int{60, 100, 160} {
			out := string(render(t, TableWriter{}, r, Options{Width: w}))
			if strings.Contains(out, "\x1b") {
				t.Fatalf("%T: plain output has an ANSI escape", r)
			}
			for i, l := range strings.Split(out, "\n") {
				if n := len([]rune(l)); n > w {
					t.Errorf("%T width %d line %d is %d wide: %q", r, w, i+1, n, l)
				}
			}
		}
	}
}

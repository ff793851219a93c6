package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// htmlHostile are names an attacker can give cloud resources, tags or accounts.
var htmlHostile = []string{
	"<script>alert(1)</script>",
	`"><img src=x onerror=alert(1)>`,
	"javascript:alert(1)",
	`'; alert(1); '`,
	"</style><script>alert(1)</script>",
	"</title><script>alert(1)</script>",
	"]]><svg onload=alert(1)>",
	"{{.CSP}}",
	"\u202egnp.exe",
	strings.Repeat("A<b>&\"'", 20000), // very long
}

func htmlHostileName(i int) string { return htmlHostile[i%len(htmlHostile)] }

// htmlHostileInput is the realistic fixture with every name, id, product,
// detail and method replaced by htmlHostile text.
func htmlHostileInput(t testing.TB) (*AuditReport, *htmlExtras) {
	b := graph.NewBuilder()
	ids := make([]string, len(htmlHostile))
	for i, h := range htmlHostile {
		ids[i] = "service:" + h
		b.Node(graph.Node{ID: ids[i], Class: graph.ClassService, Name: h, Tier: 1})
		res := "res:" + h
		b.Node(graph.Node{ID: res, Class: graph.ClassResource, Name: h, Kind: h, Provider: "aws"})
		b.Edge(ids[i], res, h)
		b.Place(res, "aws", "us-east-1", []string{"use1-az1"}, h)
	}
	b.Gap(graph.Gap{Provider: htmlHostile[0], Account: htmlHostile[1], Region: htmlHostile[2], Service: htmlHostile[3], Status: htmlHostile[4], Detail: htmlHostile[9]})
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	a := htmlAudit(htmlEstate(t))
	a.Score.Grade = htmlHostile[0]
	a.Score.Method = htmlHostile[9]
	a.Lockin.Method, a.Concentration.Method = htmlHostile[1], htmlHostile[4]
	a.Services = nil
	a.SPOFs = nil
	for i, h := range htmlHostile {
		a.Services = append(a.Services, simulate.ServiceScore{Service: ids[i], Name: h, Tier: 1, Critical: true, Weight: 8, Score: float64(i * 10),
			Availability: &simulate.Availability{Method: h}})
		a.SPOFs = append(a.SPOFs, simulate.SPOF{Node: "res:" + h, Level: []graph.Level{graph.LevelResource, graph.Level(h)}[i%2], Services: []string{ids[i]}, Chain: []string{ids[i], "res:" + h}})
		a.DoublePoints = append(a.DoublePoints, simulate.DoublePoint{Nodes: [2]string{h, htmlHostileName(i + 1)}, Services: []string{ids[i]}})
		a.Scenarios = append(a.Scenarios, simulate.Scenario{Name: h, Kind: []string{"zone", h}[i%2], Fail: []string{"zone:" + h}, Nodes: []string{h}, ServicesDown: []string{ids[i]}, CriticalDown: 1, CostPerHour: 1000})
		a.Lockin.Resources = append(a.Lockin.Resources, simulate.ResourceLockin{Node: h, Provider: h, Product: h, Class: h, Value: 1, Alternatives: []string{h, htmlHostileName(i + 3)}})
		a.Lockin.Services = append(a.Lockin.Services, simulate.ServiceLockin{Service: ids[i], Lockin: 0.5})
		a.Lockin.Providers = append(a.Lockin.Providers, simulate.ProviderLockin{Provider: h, Share: 0.1})
		a.Concentration.Zones.Shares = append(a.Concentration.Zones.Shares, simulate.Share{Key: h, Share: 10})
		a.Estate.Generic = append(a.Estate.Generic, simulate.TypeCount{Type: h, Count: i + 1})
	}
	a.Gaps = e.Gaps
	plan := &htmlPlan{Goal: htmlHostile[0], Waves: []htmlWave{{Name: htmlHostile[1], Actions: []htmlAction{{Title: htmlHostile[2], Node: htmlHostile[9], Effort: htmlHostile[3], Cost: htmlHostile[4]}}}}}
	return NewAudit(a, AuditInput{Estate: e, Inputs: htmlHostile}), &htmlExtras{Plan: plan, Title: htmlHostile[5], Baseline: &simulate.Score{Grade: htmlHostile[6]}}
}

var htmlHrefRE = regexp.MustCompile(`(?i)\s(href|src|xlink:href|action|formaction)\s*=\s*"([^"]*)"`)

func TestHTMLHostileNamesInert(t *testing.T) {
	a, x := htmlHostileInput(t)
	page := renderHTML(t, a, x)
	low := bytes.ToLower(page)
	for _, bad := range []string{"<script", "<img", "<iframe", "<object", "<embed", "<svg onload", "onerror=\"", "</title><script"} {
		if bytes.Contains(low, []byte(bad)) {
			t.Errorf("htmlHostile text reached the page as markup: %q", bad)
		}
	}
	for _, m := range htmlHrefRE.FindAllSubmatch(page, -1) {
		if !bytes.HasPrefix(m[2], []byte("#")) {
			t.Errorf("link to %q: only in-page anchors are allowed", m[2])
		}
	}
	if n := bytes.Count(low, []byte("<style>")); n != 1 {
		t.Errorf("%d <style> elements, want 1 (the embedded stylesheet)", n)
	}
	if n := bytes.Count(page, []byte("Content-Security-Policy")); n != 1 {
		t.Errorf("%d CSP meta tags, want 1", n)
	}
	if !bytes.Contains(page, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("the htmlHostile name is not shown, escaped")
	}
	// A 160,000-character name is cut everywhere it appears.
	if len(page) > 400_000 {
		t.Errorf("page is %d bytes: long names are not cut", len(page))
	}
	if !bytes.Equal(page, renderHTML(t, a, x)) {
		t.Error("htmlHostile input rendered differently twice")
	}
}

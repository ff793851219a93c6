package cmd

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
)

// runFormats runs one command on the demo with the table on standard output
// and the json, markdown and html reports written by --output, and returns
// each format's text. Markdown's backslash escapes and HTML's entities are
// undone, so one pattern reads a figure from every format.
func runFormats(t *testing.T, args ...string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	out := map[string]string{}
	files := map[string]string{}
	for _, f := range []string{"json", "markdown", "html"} {
		files[f] = filepath.Join(dir, "report."+f)
		args = append(args, "--output", f+"="+files[f])
	}
	var stdout, stderr bytes.Buffer
	ios := &IOStreams{Out: &stdout, ErrOut: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(append(args, "--format", "table"), ios); code != 0 && code != 1 {
		t.Fatalf("untether %v: exit %d: %s", args, code, stderr.String())
	}
	out["table"] = stdout.String()
	for f, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	out["markdown"] = html.UnescapeString(regexp.MustCompile(`\\(.)`).ReplaceAllString(out["markdown"], "$1"))
	out["htmlraw"] = out["html"]
	out["html"] = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out["html"], " "))
	return out
}

// figure reads the first submatch of pattern in a format's text, its
// whitespace collapsed (a wrapped line reads as one).
func figure(t *testing.T, outs map[string]string, format, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(strings.Join(strings.Fields(outs[format]), " "))
	if m == nil {
		t.Errorf("%s: no match for %q", format, pattern)
		return ""
	}
	return m[1]
}

// TestEveryFigureTheSameInEveryFormat reads the headline, the score, the
// worst outage and the cost figures out of the table, Markdown and HTML
// reports of audit, plan and check on the demo, and compares them with the
// JSON result they were rendered from.
func TestEveryFigureTheSameInEveryFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo audit, plan and check")
	}
	t.Run("audit", func(t *testing.T) {
		outs := runFormats(t, "audit", "--demo")
		var a simulate.Audit
		if err := json.Unmarshal([]byte(outs["json"]), &a); err != nil {
			t.Fatal(err)
		}
		// A scenario's node ids are not in the JSON: its selectors name them.
		for i := range a.Scenarios {
			for _, f := range a.Scenarios[i].Fail {
				sel, err := graph.ParseSelector(f)
				if err != nil {
					t.Fatal(err)
				}
				a.Scenarios[i].Nodes = append(a.Scenarios[i].Nodes, sel.Node())
			}
		}
		r := report.NewAudit(&a, report.AuditInput{})
		s := r.HeadlineScenario
		if s == nil {
			t.Fatal("the demo has no headline outage")
		}
		wantCost, wantScore := report.Money(s.CostPerHour), report.Decimal(a.Score.Resilience, 1)
		wantHeadline := r.Headline
		for _, f := range []string{"table", "markdown", "html"} {
			if !strings.Contains(strings.Join(strings.Fields(outs[f]), " "), wantHeadline) {
				t.Errorf("%s: the headline %q is missing", f, wantHeadline)
			}
			if got := figure(t, outs, f, `If [^,]+ fails, \d+ of \d+ critical services stop, costing (\$[0-9,]+) per hour`); got != wantCost {
				t.Errorf("%s: headline cost %s, json %s", f, got, wantCost)
			}
			if got := figure(t, outs, f, `Resilience\s+([0-9.]+)\s*/\s*100|Resilience score.*?([0-9.]+)`); got != wantScore && f != "html" {
				t.Errorf("%s: score %s, json %s", f, got, wantScore)
			}
		}
		if got := figure(t, outs, "htmlraw", `score-value">([0-9.]+)<`); got != "" && got != wantScore {
			t.Errorf("html: score %s, json %s", got, wantScore)
		}
		// The card beside the headline is the headline's own outage.
		if got := figure(t, outs, "html", `Stopped by the worst [a-z ]+outage\s+[^·]+· (\$[0-9,]+)/h`); got != wantCost {
			t.Errorf("html: worst-outage card %s, headline %s", got, wantCost)
		}
		wantSPOFs := report.Number(len(a.SPOFs))
		if got := figure(t, outs, "table", `Single points of failure \(([0-9,]+)\)`); got != wantSPOFs {
			t.Errorf("table: %s SPOFs, json %s", got, wantSPOFs)
		}
		if got := figure(t, outs, "markdown", `single points of failure \(([0-9,]+)\)`); got != wantSPOFs {
			t.Errorf("markdown: %s SPOFs, json %s", got, wantSPOFs)
		}
		if got := figure(t, outs, "html", `\s([0-9,]+)\s+Single points of failure`); got != wantSPOFs {
			t.Errorf("html: %s SPOFs, json %s", got, wantSPOFs)
		}
	})
	t.Run("plan", func(t *testing.T) {
		outs := runFormats(t, "plan", "--demo", "--goal", "survive-region")
		var p planner.Plan
		if err := json.Unmarshal([]byte(outs["json"]), &p); err != nil {
			t.Fatal(err)
		}
		if p.DowntimeCostAvoidedPerHour > p.GoalOutageCostPerHour.Before {
			t.Errorf("avoided %v exceeds the outage it comes from %v", p.DowntimeCostAvoidedPerHour, p.GoalOutageCostPerHour.Before)
		}
		r := report.NewPlan(&p, nil)
		want := r.Cost
		for _, f := range []string{"table", "markdown", "html"} {
			flat := strings.Join(strings.Fields(outs[f]), " ")
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the cost sentence %q is missing", f, want)
			}
			if got := figure(t, outs, f, `: (\$[0-9,]+) per hour of outage avoided`); got != report.Money(p.DowntimeCostAvoidedPerHour) {
				t.Errorf("%s: avoided %s, json %s", f, got, report.Money(p.DowntimeCostAvoidedPerHour))
			}
			for _, g := range p.Goals {
				if !g.Met && !strings.Contains(flat, "not reachable") {
					t.Errorf("%s: goal %s is out of reach but the report does not say so", f, g.Goal)
				}
			}
			for _, u := range r.Unreachable[:min(len(r.Unreachable), 1)] {
				why := u[1]
				if !strings.Contains(flat, strings.Join(strings.Fields(why), " ")[:40]) {
					t.Errorf("%s: the reason %q is missing", f, why)
				}
			}
		}
	})
	t.Run("check", func(t *testing.T) {
		dir := t.TempDir()
		base := filepath.Join(dir, "base.json")
		var stderr bytes.Buffer
		if code := Run([]string{"baseline", "--demo", "-o", base}, &IOStreams{Out: &bytes.Buffer{}, ErrOut: &stderr, Getenv: func(string) string { return "" }}); code != 0 {
			t.Fatalf("baseline: exit %d: %s", code, stderr.String())
		}
		outs := runFormats(t, "check", "--demo", "--baseline", base)
		var r gate.CheckResult
		if err := json.Unmarshal([]byte(outs["json"]), &r); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"table", "markdown"} {
			if !strings.Contains(strings.Join(strings.Fields(outs[f]), " "), r.Headline) {
				t.Errorf("%s: the headline %q is missing", f, r.Headline)
			}
			if got := figure(t, outs, f, `New findings \(([0-9]+)\)`); got != report.Number(len(r.New)) {
				t.Errorf("%s: %s new findings, json %d", f, got, len(r.New))
			}
		}
		if got := figure(t, outs, "htmlraw", `score-value">([0-9.]+)<`); got != "" && got != report.Decimal(r.Scores.Resilience.Current, 1) {
			t.Errorf("html: score %s, json %v", got, r.Scores.Resilience.Current)
		}
	})
}

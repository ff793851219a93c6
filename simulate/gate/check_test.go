package gate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// checkAudit is a hand-made audit: one zone SPOF and one medium finding.
func checkAudit() *simulate.Audit {
	return &simulate.Audit{
		Version: simulate.AuditVersion,
		Score:   simulate.Score{Resilience: 72.5, Grade: "C"},
		SPOFs: []simulate.SPOF{{Node: "aws/us-east-1/use1-az1", Level: "zone", Services: []string{"service:checkout"},
			Chain: []string{"service:checkout", "db:orders", "aws/us-east-1/use1-az1"}}},
		Lockin: simulate.Lockin{Estate: 0.4},
		Concentration: simulate.Concentration{
			Providers: simulate.HHI{Index: 10000}, Regions: simulate.HHI{Index: 5000}, Zones: simulate.HHI{Index: 3400},
		},
		Findings: []simulate.Finding{
			{ID: "spof-zone:aws/us-east-1/use1-az1", Rule: "spof-zone", Severity: "critical",
				Node: "aws/us-east-1/use1-az1", Services: []string{"service:checkout"}, Message: "zone use1-az1 takes checkout down"},
			{ID: "lockin:db:orders", Rule: "lockin", Severity: "medium", Node: "db:orders", Message: "proprietary store"},
		},
	}
}

var day = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func mustGate(t *testing.T, terms ...string) Gate {
	t.Helper()
	g, err := ParseFailOn(terms)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestCheckNewSPOFFails(t *testing.T) {
	cur := checkAudit()
	base := NewBaseline(&simulate.Audit{Score: simulate.Score{Resilience: 80, Grade: "B"}, Findings: cur.Findings[1:]})
	r := Check(cur, base, mustGate(t, "high", "new-spof"), day)
	if !r.Failed() {
		t.Fatalf("verdict %s, want fail", r.Verdict)
	}
	if len(r.New) != 1 || r.New[0].ID != "spof-zone:aws/us-east-1/use1-az1" || !r.New[0].FailsGate {
		t.Fatalf("new = %+v", r.New)
	}
	if len(r.Unchanged) != 1 || len(r.NewSPOFs) != 1 {
		t.Fatalf("unchanged %d, new spofs %d", len(r.Unchanged), len(r.NewSPOFs))
	}
	if r.Scores.Resilience.Change != -7.5 {
		t.Errorf("resilience change %v, want -7.5", r.Scores.Resilience.Change)
	}
	if !strings.Contains(r.Headline, "failed") {
		t.Errorf("headline %q", r.Headline)
	}
}

func TestCheckFixedPasses(t *testing.T) {
	base := NewBaseline(checkAudit())
	cur := checkAudit()
	cur.SPOFs = nil
	cur.Findings = cur.Findings[1:]
	r := Check(cur, base, mustGate(t, "low", "new-spof"), day)
	if r.Failed() {
		t.Fatalf("failed: %+v", r.Reasons)
	}
	if len(r.Fixed) != 1 || r.Fixed[0].Rule != "spof-zone" || len(r.FixedSPOFs) != 1 {
		t.Fatalf("fixed = %+v / %+v", r.Fixed, r.FixedSPOFs)
	}
}

func TestCheckWaivers(t *testing.T) {
	base := NewBaseline(&simulate.Audit{})
	cur := checkAudit()
	g := mustGate(t, "medium", "new-spof")
	g.Waivers = []Waiver{
		{ID: "spof-zone:aws/us-east-1/*", Reason: "second zone next sprint", Expires: "2026-03-01"},
		{Rule: "lockin", Node: "db:*", Reason: "accepted"},
		{ID: "nothing-matches", Reason: "stale"},
	}
	r := Check(cur, base, g, day)
	if r.Failed() {
		t.Fatalf("failed: %+v", r.Reasons)
	}
	if len(r.Waived) != 2 || len(r.UnusedWaivers) != 1 || r.UnusedWaivers[0].ID != "nothing-matches" {
		t.Fatalf("waived %+v unused %+v", r.Waived, r.UnusedWaivers)
	}
	// The day after expiry the waiver no longer waives.
	r = Check(cur, base, g, day.AddDate(0, 0, 1))
	if !r.Failed() || len(r.ExpiredWaivers) != 1 || len(r.Waived) != 1 {
		t.Fatalf("verdict %s expired %+v waived %+v", r.Verdict, r.ExpiredWaivers, r.Waived)
	}
}

func TestCheckScoreClasses(t *testing.T) {
	base := NewBaseline(checkAudit())
	cur := checkAudit()
	cur.Score.Resilience = 60
	for _, tc := range []struct {
		terms []string
		fail  bool
	}{
		{[]string{"score-drop=10"}, true},
		{[]string{"score-drop=12.5"}, false},
		{[]string{"lockin>0.5"}, false},
		{[]string{"lockin>0.3"}, true},
		{[]string{"hhi>9999"}, true},
		{[]string{"critical,new-spof"}, false}, // nothing new
		{nil, false},
	} {
		r := Check(cur, base, mustGate(t, tc.terms...), day)
		if r.Failed() != tc.fail {
			t.Errorf("%v: verdict %s, want fail=%v (%+v)", tc.terms, r.Verdict, tc.fail, r.Reasons)
		}
	}
}

// TestCheckNotScored: a baseline or a current audit with nothing to score
// makes the check say so, and no score-drop is read off the empty mean.
func TestCheckNotScored(t *testing.T) {
	empty := &simulate.Audit{Score: simulate.Score{Resilience: 100, Grade: "A", NotScored: true}}
	cur := checkAudit()
	for _, tc := range []struct {
		base, cur *simulate.Audit
	}{{empty, cur}, {checkAudit(), empty}} {
		r := Check(tc.cur, NewBaseline(tc.base), mustGate(t, "score-drop=1"), day)
		if !r.Scores.NotScored || r.Failed() || !strings.Contains(r.Headline, "not scored") {
			t.Errorf("not scored %v, verdict %s, headline %q", r.Scores.NotScored, r.Verdict, r.Headline)
		}
	}
	if r := Check(cur, NewBaseline(checkAudit()), Gate{}, day); r.Scores.NotScored || strings.Contains(r.Headline, "not scored") {
		t.Errorf("a scored check says not scored: %q", r.Headline)
	}
}

func TestParseFailOnErrors(t *testing.T) {
	for _, bad := range []string{"severe", "score-drop=x", "lockin>2", "hhi>-1", "score-drop"} {
		_, err := ParseFailOn([]string{bad})
		var fe *FailOnError
		if !errors.As(err, &fe) {
			t.Errorf("%q: err %v, want *FailOnError", bad, err)
		}
	}
	g := mustGate(t, "medium", "high")
	if g.Severity != "medium" {
		t.Errorf("severity %q, want the lowest given", g.Severity)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	b := NewBaseline(checkAudit())
	var buf bytes.Buffer
	if err := b.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"untether_baseline\": 1,") {
		t.Fatalf("baseline starts %q", buf.String()[:40])
	}
	got, err := ParseBaseline(buf.Bytes(), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := got.Encode(&again); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Fatalf("round trip changed the bytes:\n%s\n%s", buf.String(), again.String())
	}
	if !got.Has("lockin:db:orders") || !got.HasSPOF("aws/us-east-1/use1-az1") {
		t.Fatal("lost findings or SPOFs")
	}
}

func TestParseBaselineErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"untether_baseline": 1, "findings": [`, "truncated JSON"},
		{`{"findings": []}`, "missing"},
		{`{"untether_baseline": 9}`, "version 9"},
		{`{"untether_baseline": 1, "findings": [{"id": ""}]}`, "$.findings[0].id"},
		{`{"untether_baseline": 1, "findings": [{"id": "a"}, {"id": "a"}]}`, "twice"},
		{`{"untether_baseline": 1, "score": "high"}`, "$.score"},
		{`{"untether_baseline": 1, "findings": [{"id": "a", "severity": "huge"}]}`, "unknown severity"},
		{"{\n \"untether_baseline\": 1,\n x}", "b.json:3:"},
	} {
		_, err := ParseBaseline([]byte(tc.in), "b.json")
		var ie *graph.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: err %v, want *graph.InputError", tc.in, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %q lacks %q", tc.in, err, tc.want)
		}
	}
}

func TestCheckResultJSONIsDeterministic(t *testing.T) {
	base := NewBaseline(&simulate.Audit{})
	a, b := checkAudit(), checkAudit()
	b.Findings[0], b.Findings[1] = b.Findings[1], b.Findings[0]
	ja, _ := json.Marshal(Check(a, base, mustGate(t, "low"), day))
	jb, _ := json.Marshal(Check(b, base, mustGate(t, "low"), day))
	if !bytes.Equal(ja, jb) {
		t.Fatalf("order of findings changed the result:\n%s\n%s", ja, jb)
	}
	if !bytes.Contains(ja, []byte(`"untether_check":1`)) {
		t.Fatalf("no version: %s", ja)
	}
}

func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		p, s string
		ok   bool
	}{
		{"a*", "a/b/c", true}, {"*c", "abc", true}, {"a*b*c", "axxbyyc", true},
		{"a*a", "a", false}, {"abc", "abc", true}, {"abc", "abd", false}, {"*", "", true},
	} {
		if got := globMatch(tc.p, tc.s); got != tc.ok {
			t.Errorf("globMatch(%q, %q) = %v", tc.p, tc.s, got)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	a := &simulate.Audit{}
	for i := range 10000 {
		id := fmt.Sprintf("spof-resource:node-%05d", i)
		a.Findings = append(a.Findings, simulate.Finding{ID: id, Rule: "spof-resource", Severity: "high", Node: id[len("spof-resource:"):]})
		a.SPOFs = append(a.SPOFs, simulate.SPOF{Node: id[len("spof-resource:"):], Level: "resource"})
	}
	base := NewBaseline(&simulate.Audit{Findings: a.Findings[:9000], SPOFs: a.SPOFs[:9000]})
	g, _ := ParseFailOn([]string{"high", "new-spof"})
	for i := range 100 {
		g.Waivers = append(g.Waivers, Waiver{ID: fmt.Sprintf("spof-resource:node-%05d", 9900+i), Reason: "r"})
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(a, base, g, day)
	}
}

// TestCheckSpeaksInDisplayNames: a failing check names nodes as the audit
// does (its display names, never a raw id where a name exists), and counts
// one finding that fails two terms (its severity and new-spof) as one
// reason, as every report lists it.
func TestCheckSpeaksInDisplayNames(t *testing.T) {
	cur := checkAudit()
	cur.Names = map[string]string{"aws/us-east-1/use1-az1": "AWS us-east-1 zone use1-az1", "service:checkout": "Checkout"}
	base := NewBaseline(&simulate.Audit{Score: simulate.Score{Resilience: 80, Grade: "B"}, Findings: cur.Findings[1:]})
	r := Check(cur, base, mustGate(t, "high", "new-spof"), day)
	if len(r.Reasons) != 2 {
		t.Fatalf("reasons %+v, want the severity and the new-spof term", r.Reasons)
	}
	if !strings.Contains(r.Reasons[1].Message, "AWS us-east-1 zone use1-az1") {
		t.Errorf("new-spof reason %q does not use the display name", r.Reasons[1].Message)
	}
	if !strings.HasPrefix(r.Headline, "untether check failed: 1 reason (1 new finding") {
		t.Errorf("headline %q: one finding failing two terms is one reason", r.Headline)
	}
	// A SPOF the gate fails without a finding of its own names its services.
	cur.Findings = cur.Findings[1:]
	r = Check(cur, base, mustGate(t, "new-spof"), day)
	if len(r.Reasons) != 1 || r.Reasons[0].Message != "new single point of failure AWS us-east-1 zone use1-az1 (zone) takes down Checkout" {
		t.Errorf("reasons %+v", r.Reasons)
	}
}

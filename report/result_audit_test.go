package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/untether-dev/untether/simulate"
)

func TestHeadline(t *testing.T) {
	a := fixtureAudit()
	// The headline speaks of the worst region outage, even when a whole
	// provider failing stops as much.
	want := "If AWS us-east-1 fails, 3 of 9 critical services stop, costing $38,412 per hour."
	if got := NewAudit(a, AuditInput{}).Headline; got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
	// With no region outage that stops a critical service, the worst of any kind.
	var noRegion []simulate.Scenario
	for _, s := range a.Scenarios {
		if s.Kind != "region" {
			noRegion = append(noRegion, s)
		}
	}
	a.Scenarios = noRegion
	want = "If AWS fails, 3 of 9 critical services stop, costing $38,412 per hour."
	if got := NewAudit(a, AuditInput{}).Headline; got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
	a.Scenarios = nil
	want = "No provider, region or zone outage stops any of the 9 critical services, but 4 single points of failure can each stop one alone."
	if got := NewAudit(a, AuditInput{}).Headline; got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
	a.SPOFs = nil
	want = "No single failure and no simulated outage stops any of the 9 critical services."
	if got := NewAudit(a, AuditInput{}).Headline; got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
	if got := NewAudit(&simulate.Audit{}, AuditInput{}).Headline; got == "" {
		t.Error("empty audit: empty headline")
	}
}

func TestRisks(t *testing.T) {
	r := NewAudit(fixtureAudit(), AuditInput{}).Risks
	var order []string
	for _, x := range r {
		order = append(order, x.Node)
	}
	want := []string{"aws/us-east-1", "aws/global/service/route53", "arn:aws:rds:us-east-1:111122223333:db:orders", "saas:stripe"}
	if len(order) != len(want) {
		t.Fatalf("order = %q", order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order = %q, want %q", order, want)
		}
	}
	if got := r[0].Sentence; got != "If AWS us-east-1 fails, checkout, login, search and reports stop, costing $38,412 per hour." {
		t.Errorf("sentence = %q", got)
	}
	if got := r[1].Sentence; got != "If AWS route53 (global) fails, login stops." {
		t.Errorf("sentence = %q", got)
	}
	if got := r[2].What; got != "db/orders" {
		t.Errorf("what = %q", got)
	}
}

func TestFormatting(t *testing.T) {
	cases := []struct{ got, want string }{
		{Number(0), "0"}, {Number(999), "999"}, {Number(1000), "1,000"}, {Number(-1234567), "-1,234,567"},
		{Money(38412.5), "$38,413"}, {Money(1234567), "$1,234,567"}, {Money(0), "$0"},
		{percent(0.4213), "42%"}, {percent(0.042), "4.2%"}, {percent(0), "0%"}, {percent(0.0000001), "<0.1%"}, {percent(1), "100%"},
		{plural(1, "service", "services"), "1 service"}, {plural(2000, "service", "services"), "2,000 services"},
		{joinAnd([]string{"a", "b", "c"}, 0), "a, b and c"}, {joinAnd([]string{"a", "b", "c"}, 2), "a, b and 1 more"},
		{nodePhrase("aws/us-east-1/use1-az1", "zone"), "AWS us-east-1 zone use1-az1"},
		{nodePhrase("gcp/europe-west1/service/spanner", "service"), "GCP spanner in europe-west1"},
		{shortID("//compute.googleapis.com/projects/p/zones/europe-west1-b/instances/web-1"), "instances/web-1"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestCompactID(t *testing.T) {
	cases := map[string]string{
		"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout/f26af9b225476620":                                       "loadbalancer/checkout",
		"arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:29558c17-0b51-46ae-a732-c4d1545a3a06:autoScalingGroupName/orders-workers": "autoScalingGroup/orders-workers",
		"arn:aws:kms:us-east-1:111122223333:key/f26af9b2-2547-4620-a379-d8fb03e95806":                                                          "key/f26af9b2-2547-4620-…",
		"arn:aws:rds:us-east-1:111122223333:db:orders-db":                                                                                      "db/orders-db",
		"aws/us-east-1/use1-az1": "aws/us-east-1/use1-az1",
	}
	for id, want := range cases {
		if got := compactID(id); got != want {
			t.Errorf("compactID(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestWrapWordsNeverSplitsAToken(t *testing.T) {
	text := "If AWS us-east-1 fails, aws/us-east-1/service/lambda and aws/us-east-1/service/dynamodb stop " + strings.Repeat("x", 45)
	lines := wrapWords(text, 30)
	for _, l := range lines {
		if len([]rune(l)) > 30 {
			t.Errorf("line %q is longer than 30", l)
		}
	}
	joined := strings.Join(lines, "\n")
	for _, tok := range []string{"us-east-1", "aws/us-east-1/service/lambda"} {
		if !strings.Contains(joined, tok) {
			t.Errorf("token %q was split:\n%s", tok, joined)
		}
	}
	if got := strings.Join(wrapWords("a b c", 3), "|"); got != "a b|c" {
		t.Errorf("wrapWords = %q", got)
	}
}

// TestTableCellsNeverSplitAToken: a table too wide for the terminal wraps
// its cells at spaces, never inside a hyphenated or slashed token (lipgloss
// alone would break "us-east-1" after its hyphen), and stays in width.
func TestTableCellsNeverSplitAToken(t *testing.T) {
	p := newPalette(Options{Width: 60})
	tokens := []string{"cloud-load-balancing", "us-east-1/lambda", "us-central1-a", "checkout-api"}
	rows := [][]string{
		{"AWS us-east-1", "Checkout, checkout-api, Orders and 2 more", "cloud-load-balancing → us-east-1/lambda → us-central1-a"},
	}
	out := p.table([]string{"Fails alone", "Stops", "Proof"}, rows)
	for _, line := range strings.Split(out, "\n") {
		if w := utf8.RuneCountInString(strings.TrimRight(line, " ")); w > 60 {
			t.Errorf("line of %d runes > 60: %q", w, line)
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, tok := range tokens {
		if !strings.Contains(flat, tok) {
			t.Errorf("token %q split across lines:\n%s", tok, out)
		}
	}
}

// TestTableWithAnEmptyColumnFits: a too-wide table with an empty column
// still lays out (an empty column once made the width search loop).
func TestTableWithAnEmptyColumnFits(t *testing.T) {
	p := newPalette(Options{Width: 40})
	out := p.table([]string{"", "Stops", "Proof"}, [][]string{{"", strings.Repeat("word ", 12), strings.Repeat("x-y ", 12)}})
	if !strings.Contains(out, "word") || !strings.Contains(out, "x-y") {
		t.Errorf("table lost its cells:\n%s", out)
	}
	if got := wrapWords("abc", 0); strings.Join(got, "") != "abc" {
		t.Errorf("wrapWords at width 0 = %q", got)
	}
}

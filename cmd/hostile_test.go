package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/report"
	"github.com/untether-dev/untether/report/escape"
)

// hostileText is what an attacker puts in a name, id, tag or Terraform key:
// ESC and an OSC-8 hyperlink, CR/LF followed by workflow commands, NUL, a
// bidi override and isolates, zero-width characters, a team mention,
// links, HTML, pipes and backticks.
const hostileText = "x\x1b[2J\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07\r\n::stop-commands::tok\n::error file=a.tf::forged\n" +
	"##[error]old\x00nul \u202eevil\u2066iso\u2069 zero\u200bwidth\ufeff @acme/security-team @admin " +
	"[click](https://evil.example) <https://evil.example> www.evil.example <script>alert(1)</script><img src=x onerror=alert(1)> " +
	"a|b|c `tick` ```fence"

// longName is a name far longer than any terminal line.
var longName = strings.Repeat("very-long-name-", 4000)

// hostileEstate writes one estate where every attacker-controlled string
// carries hostileText: a service, a web instance and a database in one zone
// (so both are SPOFs), a Terraform address with hostile for_each keys, tags
// and a coverage gap. Without the database it is the baseline's estate,
// so check reports the database as a new SPOF.
func hostileEstate(t *testing.T, dir string, withDB bool) string {
	t.Helper()
	b := graph.NewBuilder()
	web := "arn:aws:ec2:us-east-1:111122223333:instance/i-" + hostileText
	db := `module.app["@acme/security-team"].aws_db_instance.db["` + hostileText + `"]`
	b.Node(graph.Node{ID: web, Class: graph.ClassResource, Kind: "instance", Type: "AWS::EC2::Instance" + hostileText,
		Provider: "aws", Account: "111122223333", Region: "us-east-1", Zones: []string{"use1-az1"}, Name: hostileText + longName,
		Tags: map[string]string{"service": "checkout", hostileText: hostileText}, Evidence: hostileText})
	b.Place(web, "aws", "us-east-1", []string{"use1-az1"}, hostileText)
	svc := "service:" + hostileText
	b.Node(graph.Node{ID: svc, Class: graph.ClassService, Name: hostileText, Tier: 1, DowntimeCostPerHour: 1000, Owners: []string{hostileText}})
	b.Edge(svc, web, hostileText)
	if withDB {
		b.Node(graph.Node{ID: db, Class: graph.ClassResource, Kind: "database", Type: "aws_db_instance", Provider: "aws",
			Account: "111122223333", Region: "us-east-1", Zones: []string{"use1-az2"}, Name: hostileText, Evidence: hostileText})
		b.Place(db, "aws", "us-east-1", []string{"use1-az2"}, hostileText)
		b.Edge(web, db, hostileText)
	}
	b.Gap(graph.Gap{Provider: "aws", Account: "111122223333", Region: "eu-west-1", Service: "rds", Status: graph.GapDenied, Detail: hostileText})
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "estate.json")
	if !withDB {
		path = filepath.Join(dir, "base-estate.json")
	}
	if err := graph.WriteFileAtomic(path, func(w io.Writer) error { return graph.Encode(w, e) }); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHostileEstateEveryCommandEveryFormat runs one hostile estate through
// every command and every format it writes, and checks each output for its
// medium: no raw control, bidi or zero-width character anywhere; no line
// that starts a workflow command unless untether wrote it (the github
// format); in Markdown no live mention, link or HTML; in HTML no live
// markup from the input; XML well-formed, JSON valid; terminal lines of
// bounded length.
func TestHostileEstateEveryCommandEveryFormat(t *testing.T) {
	dir := t.TempDir()
	estate := hostileEstate(t, dir, true)
	base := filepath.Join(dir, "baseline.json")
	if code, _, errOut := runCmd(t, "baseline", hostileEstate(t, dir, false), "-o", base); code != 0 {
		t.Fatalf("baseline: exit %d: %s", code, errOut)
	}
	webID := "arn:aws:ec2:us-east-1:111122223333:instance/i-" + hostileText
	commands := map[string][]string{
		"audit":    {"audit", estate},
		"simulate": {"simulate", estate, "--fail", "zone:aws/us-east-1/use1-az2"},
		"explain":  {"explain", estate, webID},
		"plan":     {"plan", estate, "--goal", "survive-zone"},
		"check":    {"check", estate, "--baseline", base},
	}
	ran := 0
	for name, args := range commands {
		for _, format := range report.Formats() {
			code, out, errOut := runCmd(t, append(args, "--format", format)...)
			if code == ExitBadInput && strings.Contains(errOut, "cannot show") {
				continue // this format does not show this result
			}
			if code != 0 && !(name == "check" && code == ExitFindings) {
				t.Errorf("%s --format %s: exit %d: %s", name, format, code, escape.Terminal(errOut))
				continue
			}
			ran++
			if !strings.Contains(out, "evil") && !strings.Contains(out, "security-team") {
				t.Logf("%s --format %s: the hostile names do not reach this output", name, format)
			}
			assertInertFor(t, name+"/"+format, format, out)
			assertInertFor(t, name+"/"+format+" (stderr)", "table", errOut)
		}
	}
	for _, format := range []string{"dot", "mermaid", "graphml", "json"} {
		code, out, errOut := runCmd(t, "export", estate, "--format", format)
		if code != 0 {
			t.Errorf("export --format %s: exit %d: %s", format, code, escape.Terminal(errOut))
			continue
		}
		ran++
		assertInertFor(t, "export/"+format, format, out)
	}
	// Estate and baseline files written to standard output (a CI log).
	tf := filepath.Join(dir, "hostile.tfstate")
	key, _ := json.Marshal(hostileText)
	state := `{"version": 4, "terraform_version": "1.6.0", "resources": [{"mode": "managed", "type": "aws_instance", "name": "web",
	  "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "each": "map",
	  "instances": [{"index_key": ` + string(key) + `, "attributes": {"id": "i-1", "availability_zone": "us-east-1a",
	    "tags": {"Name": ` + string(key) + `, ` + string(key) + `: ` + string(key) + `}}}]}]}`
	if err := os.WriteFile(tf, []byte(state), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"discover": {"discover", "--terraform", tf},
		"merge":    {"merge", estate, hostileEstate(t, dir, false)},
		"baseline": {"baseline", estate},
		"demo":     {"demo"},
	} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, escape.Terminal(errOut))
			continue
		}
		ran++
		assertInertFor(t, name+"/json", "json", out)
	}
	if ran < 25 {
		t.Errorf("only %d command x format pairs ran", ran)
	}
}

// runCmd runs untether in process and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{Out: &out, ErrOut: &errOut, In: strings.NewReader(""), Getenv: func(k string) string {
		if k == "NO_COLOR" || k == "UNTETHER_PROGRESS" {
			return map[string]string{"NO_COLOR": "1", "UNTETHER_PROGRESS": "off"}[k]
		}
		return ""
	}}
	code := Run(args, ios)
	return code, out.String(), errOut.String()
}

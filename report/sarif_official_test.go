package report

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	// go-sarif ships the official OASIS SARIF 2.1.0 schema (errata01) in its
	// source; importing it keeps the module, and so the schema, in go.sum and
	// in the module cache wherever these tests run.
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/untether-dev/untether/simulate"
)

// officialSARIFSchema reads the official SARIF 2.1.0 schema out of
// go-sarif's source in the module cache (the const `schema` of
// pkg/report/v210/sarif/schema.go), so our logs are validated byte for byte
// against it without a copy of the schema in this repository.
func officialSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("locate go-sarif in the module cache: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "schema" {
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
				text, err = strconv.Unquote(lit.Value)
			}
		}
		return text == ""
	})
	if text == "" || err != nil {
		t.Fatalf("no schema constant in %s (%v)", file, err)
	}
	if !strings.Contains(text, `"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`) {
		t.Fatalf("%s does not hold the SARIF 2.1.0 schema", file)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFValidatesAgainstOfficialSchema(t *testing.T) {
	s := officialSARIFSchema(t)
	for name, result := range map[string]Result{
		"audit":        NewAudit(checkFixtureAudit(), AuditInput{}),
		"audit+locate": NewAudit(checkFixtureAudit(), AuditInput{Locate: locate}),
		"check":        checkReport(t, nil),
		"check+locate": checkReport(t, locate),
		"empty-audit":  NewAudit(&simulate.Audit{}, AuditInput{}),
	} {
		var buf bytes.Buffer
		if err := Write(&buf, SARIFWriter{}, "sarif", result, Options{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s: the official SARIF 2.1.0 schema refuses our log: %#v", name, err)
		}
	}
}

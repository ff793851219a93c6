package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/untether-dev/untether/report/escape"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
)

// SARIFWriter writes the sarif format: SARIF 2.1.0 for code scanning. Each
// finding rule is a SARIF rule; each finding a result whose level follows its
// severity (critical and high: error, medium: warning, low: note). A result
// points at the Terraform file and line of its resource when the result
// knows it, and always carries the node id as a logical location. For a
// check result, results carry their baselineState (new or unchanged) and
// waived findings are suppressed with the waiver's reason; fixed findings are
// absent, so code scanning closes their alerts.
type SARIFWriter struct{ unsupported }

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifInfoURI = "https://github.com/untether-dev/untether"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool      `json:"tool"`
	Results    []sarifResult  `json:"results"`
	ColumnKind string         `json:"columnKind"`
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

// sarifItem is one finding to write and what the check said of it.
type sarifItem struct {
	f        simulate.Finding
	baseline string
	waiver   *gate.Waiver
	fails    bool
}

func (SARIFWriter) Audit(w io.Writer, r *AuditReport, _ Options) error {
	var items []sarifItem
	for _, f := range r.Audit.Findings {
		items = append(items, sarifItem{f: f})
	}
	props := map[string]any{"resilience": r.Audit.Score.Resilience, "grade": r.Audit.Score.Grade}
	return writeSARIF(w, items, props, r.Locations)
}

func (SARIFWriter) Check(w io.Writer, cr *CheckReport, _ Options) error {
	r := cr.Check
	var items []sarifItem
	for _, f := range r.New {
		items = append(items, sarifItem{f: f.Finding, baseline: "new", fails: f.FailsGate})
	}
	for _, f := range r.Unchanged {
		items = append(items, sarifItem{f: f, baseline: "unchanged"})
	}
	for _, f := range r.Waived {
		wv := f.Waiver
		items = append(items, sarifItem{f: f.Finding, baseline: "unchanged", waiver: &wv})
	}
	props := map[string]any{"verdict": r.Verdict, "headline": r.Headline,
		"resilience": r.Scores.Resilience.Current, "resilienceChange": r.Scores.Resilience.Change}
	var locs map[string]Location
	if cr.Audit != nil {
		locs = cr.Audit.Locations
	}
	return writeSARIF(w, items, props, locs)
}

func writeSARIF(w io.Writer, items []sarifItem, props map[string]any, locs map[string]Location) error {
	slices.SortStableFunc(items, func(a, b sarifItem) int { return strings.Compare(a.f.ID, b.f.ID) })

	rules, index := sarifRules(items)
	results := make([]sarifResult, 0, len(items))
	for _, it := range items {
		results = append(results, sarifResultFor(it, index[it.f.Rule], locs))
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:       sarifTool{Driver: sarifDriver{Name: "untether", InformationURI: sarifInfoURI, Rules: rules}},
			Results:    results,
			ColumnKind: "unicodeCodePoints",
			Properties: props,
		}},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encode sarif: %w", err)
	}
	if _, err := w.Write(escape.JSON(buf.Bytes())); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

func sarifResultFor(it sarifItem, ruleIndex int, locs map[string]Location) sarifResult {
	f := it.f
	loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: f.Node, FullyQualifiedName: f.Node, Kind: "resource"}}}
	if f.Node == "" {
		// Coverage gaps have no node: name the finding itself.
		loc.LogicalLocations[0] = sarifLogical{Name: f.ID, FullyQualifiedName: f.ID, Kind: "module"}
	}
	if l, ok := locs[f.Node]; ok {
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(l.File)}, Region: sarifRegion{StartLine: l.Line}}
	}
	res := sarifResult{
		RuleID:              f.Rule,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: escape.Visible(f.Message)}, // shown as text by code scanning
		Locations:           []sarifLocation{loc},
		PartialFingerprints: map[string]string{"untetherFindingId/v1": f.ID},
		BaselineState:       it.baseline,
		Properties:          map[string]any{"findingId": f.ID, "severity": f.Severity, "services": sarifStrings(f.Services)},
	}
	if it.baseline == "new" {
		res.Properties["failsGate"] = it.fails
	}
	if it.waiver != nil {
		just := it.waiver.Reason
		if it.waiver.Owner != "" {
			just += " (owner: " + it.waiver.Owner + ")"
		}
		if it.waiver.Expires != "" {
			just += " until " + it.waiver.Expires
		}
		res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: just}}
	}
	return res
}

// sarifURI makes a relative file path a URI reference: slashes, and percent
// escapes for the characters a URI cannot hold.
func sarifURI(file string) string {
	var b strings.Builder
	for _, c := range []byte(strings.ReplaceAll(file, "\\", "/")) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"%<>\^`+"`"+`{|}#?[]`, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func sarifLevel(severity string) string {
	switch gate.SeverityRank(severity) {
	case 4, 3:
		return "error"
	case 2:
		return "warning"
	}
	return "note"
}

func sarifStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

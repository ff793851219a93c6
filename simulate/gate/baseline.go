package gate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// BaselineVersion is the version of the baseline file in its
// "untether_baseline" field.
const BaselineVersion = 1

// Baseline is what a team accepted: the findings and scores of one audit,
// recorded by `untether baseline` and compared against by `untether check`.
type Baseline struct {
	Version       int                         `json:"untether_baseline"`
	Score         simulate.Score              `json:"score"`
	Lockin        float64                     `json:"lockin"`
	Concentration BaselineHHI                 `json:"concentration"`
	SPOFs         []BaselineSPOF              `json:"spofs"`
	Findings      []simulate.Finding          `json:"findings"`
	index         map[string]simulate.Finding // by id, built by ParseBaseline / NewBaseline
	spofIndex     map[string]bool             // SPOF nodes
}

// BaselineHHI holds the three concentration indices (0-10000).
type BaselineHHI struct {
	Providers float64 `json:"providers"`
	Regions   float64 `json:"regions"`
	Zones     float64 `json:"zones"`
}

// BaselineSPOF is one accepted single point of failure.
type BaselineSPOF struct {
	Node  string      `json:"node"`
	Level graph.Level `json:"level"`
}

// NewBaseline records the findings and scores of an audit. Lists are sorted
// by id so the same audit always gives the same bytes.
func NewBaseline(a *simulate.Audit) *Baseline {
	b := &Baseline{
		Version: BaselineVersion,
		Score:   a.Score,
		Lockin:  a.Lockin.Estate,
		Concentration: BaselineHHI{
			Providers: a.Concentration.Providers.Index,
			Regions:   a.Concentration.Regions.Index,
			Zones:     a.Concentration.Zones.Index,
		},
		SPOFs:    make([]BaselineSPOF, 0, len(a.SPOFs)),
		Findings: slices.Clone(a.Findings),
	}
	if b.Findings == nil {
		b.Findings = []simulate.Finding{}
	}
	for _, s := range a.SPOFs {
		b.SPOFs = append(b.SPOFs, BaselineSPOF{Node: s.Node, Level: s.Level})
	}
	b.sort()
	b.buildIndex()
	return b
}

func (b *Baseline) sort() {
	slices.SortFunc(b.SPOFs, func(x, y BaselineSPOF) int { return strings.Compare(x.Node, y.Node) })
	slices.SortStableFunc(b.Findings, func(x, y simulate.Finding) int { return strings.Compare(x.ID, y.ID) })
}

func (b *Baseline) buildIndex() {
	b.index = make(map[string]simulate.Finding, len(b.Findings))
	for _, f := range b.Findings {
		b.index[f.ID] = f
	}
	b.spofIndex = make(map[string]bool, len(b.SPOFs))
	for _, s := range b.SPOFs {
		b.spofIndex[s.Node] = true
	}
}

// Has reports whether the baseline holds a finding with this id.
func (b *Baseline) Has(id string) bool {
	if b.index == nil {
		b.buildIndex()
	}
	_, ok := b.index[id]
	return ok
}

// HasSPOF reports whether the baseline accepted node as a SPOF.
func (b *Baseline) HasSPOF(node string) bool {
	if b.spofIndex == nil {
		b.buildIndex()
	}
	return b.spofIndex[node]
}

// Encode writes the baseline as indented JSON with a final newline.
func (b *Baseline) Encode(w io.Writer) error {
	c := *b
	c.Findings = slices.Clone(b.Findings)
	c.SPOFs = slices.Clone(b.SPOFs)
	c.sort()
	if c.Findings == nil {
		c.Findings = []simulate.Finding{}
	}
	if c.SPOFs == nil {
		c.SPOFs = []BaselineSPOF{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return fmt.Errorf("encode baseline: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ParseBaseline reads a baseline file. Anything malformed (bad JSON, a wrong
// type, a missing or unknown version, a finding without an id or twice) is a
// *graph.InputError naming the file and the place.
func ParseBaseline(data []byte, name string) (*Baseline, error) {
	var head map[string]json.RawMessage
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, graph.JSONError(data, name, "$", err)
	}
	rawVer, ok := head["untether_baseline"]
	if !ok {
		return nil, &graph.InputError{File: name, Path: "$", Msg: `not an untether baseline: missing "untether_baseline" (create one with: untether baseline SOURCE -o FILE)`}
	}
	var ver int
	if err := json.Unmarshal(rawVer, &ver); err != nil {
		return nil, &graph.InputError{File: name, Path: "$.untether_baseline", Msg: "expected an integer version"}
	}
	if ver != BaselineVersion {
		return nil, &graph.InputError{File: name, Path: "$.untether_baseline",
			Msg: fmt.Sprintf("baseline version %d is not supported (this untether reads version %d)", ver, BaselineVersion)}
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&b); err != nil {
		return nil, graph.JSONError(data, name, "$", err)
	}
	seen := make(map[string]bool, len(b.Findings))
	for i, f := range b.Findings {
		path := fmt.Sprintf("$.findings[%d]", i)
		switch {
		case f.ID == "":
			return nil, &graph.InputError{File: name, Path: path + ".id", Msg: "a finding needs a non-empty id"}
		case seen[f.ID]:
			return nil, &graph.InputError{File: name, Path: path + ".id", Msg: fmt.Sprintf("finding %q appears twice", f.ID)}
		case f.Severity != "" && SeverityRank(f.Severity) == 0:
			return nil, &graph.InputError{File: name, Path: path + ".severity",
				Msg: fmt.Sprintf("unknown severity %q (expected critical, high, medium or low)", f.Severity)}
		}
		seen[f.ID] = true
	}
	for i, s := range b.SPOFs {
		if s.Node == "" {
			return nil, &graph.InputError{File: name, Path: fmt.Sprintf("$.spofs[%d].node", i), Msg: "a SPOF needs a non-empty node"}
		}
	}
	b.sort()
	b.buildIndex()
	return &b, nil
}

// SeverityRank orders severities: critical 4, high 3, medium 2, low 1, and 0
// for anything else.
func SeverityRank(s string) int {
	switch strings.ToLower(s) {
	case "critical":
		return 4
	case "high":
		return 3
	case "medium":
		return 2
	case "low":
		return 1
	}
	return 0
}

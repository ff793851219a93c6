package simulate

import "github.com/untether-dev/untether/graph"

// AuditVersion is the version of the audit result in its "untether_audit"
// field; every report format is rendered from this one result.
const AuditVersion = 1

// SimulationVersion and ExplanationVersion are the versions of the simulate
// and explain results in their "untether_simulation" and
// "untether_explanation" fields, as AuditVersion is the audit's.
const (
	SimulationVersion  = 1
	ExplanationVersion = 1
)

// Audit is the result of a full audit: every sweep, the SPOF scan, double
// points, lock-in, concentration and the resilience score (DESIGN.md §6).
type Audit struct {
	Version      int            `json:"untether_audit"`
	Estate       EstateSummary  `json:"estate"`
	Score        Score          `json:"score"`
	Services     []ServiceScore `json:"services"`
	SPOFs        []SPOF         `json:"spofs"`
	DoublePoints []DoublePoint  `json:"double_points"`
	// DoublePointsTotal counts every double point; DoublePoints lists at
	// most Options.MaxDoublePoints of them, most harmful first (tier weight of the
	// services taken down, then pairs of failure domains, then node ids).
	DoublePointsTotal int           `json:"double_points_total"`
	Scenarios         []Scenario    `json:"scenarios"`
	Lockin            Lockin        `json:"lockin"`
	Concentration     Concentration `json:"concentration"`
	Findings          []Finding     `json:"findings"`
	Gaps              []graph.Gap   `json:"gaps"`
	// Names are the display names of the nodes the audit mentions, by id.
	Names map[string]string `json:"names,omitempty"`
	// Live names the live collectors this run read the estate from, each
	// with what its answers cannot see (a cloud inventory that lags the live
	// state by minutes). Empty for estates read from files, so a file and
	// the live run that wrote it audit to the same bytes. The command layer
	// sets it; the simulator knows no inputs.
	Live []string `json:"live_sources,omitempty"`
}

// EstateSummary counts what the audit looked at.
type EstateSummary struct {
	Nodes     int `json:"nodes"`
	Resources int `json:"resources"`
	Services  int `json:"services"`
	Critical  int `json:"critical_services"`
	Edges     int `json:"edges"`
	// EntryPoints is true when the estate declares no service and entry
	// resources (needed by nothing) stand in for critical services.
	EntryPoints bool `json:"entry_points_as_services,omitempty"`
	// Generic counts resources of kind "generic": types a reader kept but
	// could not map to a normalised kind (the coverage section).
	Generic []TypeCount `json:"generic,omitempty"`
}

// TypeCount is how many resources have one provider-native type.
type TypeCount struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Score is the estate's headline resilience score (DESIGN.md §7).
type Score struct {
	Resilience float64 `json:"resilience"` // 0-100, rounded to 0.1
	Grade      string  `json:"grade"`      // A..F
	Method     string  `json:"method"`     // how it was computed, in words
	// NotScored is true when the estate has no service and nothing that
	// stands in for one (an empty estate, a failed discovery, a network
	// with no workload). Resilience and Grade then say nothing: the empty
	// mean is kept at 100/A for the format's sake, and every report shows
	// "not scored" instead, since nothing to score is not safe.
	NotScored bool `json:"not_scored,omitempty"`
}

// ServiceScore is one service's score and the survival shares behind it.
type ServiceScore struct {
	Service  string  `json:"service"`
	Name     string  `json:"name"`
	Tier     int     `json:"tier"`
	Critical bool    `json:"critical"`
	Weight   int     `json:"weight"`
	Score    float64 `json:"score"`
	// Survive holds survive_L(s) for L = resource, zone, region, provider.
	Survive []Survival `json:"survive"`
	// Availability is the SLA-based estimate, when computed.
	Availability *Availability `json:"availability,omitempty"`
}

// Survival is survive_L(s): of the Domains failure domains of one level the
// service depends on, Survived leave it UP when they fail alone.
type Survival struct {
	Level    graph.Level `json:"level"`
	Domains  int         `json:"domains"`
	Survived int         `json:"survived"`
	Share    float64     `json:"share"`
}

// Availability is an SLA-based estimate, not a measurement.
type Availability struct {
	Value         float64 `json:"value"`
	Nines         float64 `json:"nines"`
	DowntimeMinYr float64 `json:"downtime_minutes_per_year"`
	Low           float64 `json:"low,omitempty"` // confidence interval, Monte Carlo only
	High          float64 `json:"high,omitempty"`
	Method        string  `json:"method"`
}

// SPOF is a node whose failure alone takes at least one critical service down.
type SPOF struct {
	Node     string      `json:"node"`
	Level    graph.Level `json:"level"` // resource, zone, region, service or provider
	Services []string    `json:"services"`
	// Chain is the dependency path proving it: the first service, then every
	// node it needs down to the SPOF. A long path is bounded: Chain then
	// holds its first 8 node ids, the text "… N more …" (N =
	// ChainOmitted, the node ids left out there), and its last 8 node ids;
	// `untether explain NODE` gives the whole path.
	Chain        []string `json:"chain"`
	ChainOmitted int      `json:"chain_omitted,omitempty"`
}

// DoublePoint is a pair that takes critical services down together though
// neither does alone (an order-2 cut set).
type DoublePoint struct {
	Nodes    [2]string `json:"nodes"`
	Services []string  `json:"services"`
}

// Scenario is one simulated outage and its blast radius.
type Scenario struct {
	Name string   `json:"name"`
	Kind string   `json:"kind"` // provider, region, zone, service, preset or custom
	Fail []string `json:"fail"`
	// Nodes are the ids of the nodes the scenario fails, one per selector
	// of Fail, so no reader has to parse a selector back. Not in the JSON:
	// the selectors say the same to a script.
	Nodes         []string `json:"-"`
	ServicesDown  []string `json:"services_down"`
	CriticalDown  int      `json:"critical_down"`
	WeightedDown  int      `json:"weighted_services_down"` // sum of tier weights
	ResourcesDown int      `json:"resources_down"`
	ResourceShare float64  `json:"resource_share"` // of all resources, 0-1
	CostPerHour   float64  `json:"cost_per_hour"`
}

// Lockin is vendor lock-in: 0 fully portable, 1 fully captive.
type Lockin struct {
	Estate    float64          `json:"estate"`
	Method    string           `json:"method"`
	Providers []ProviderLockin `json:"providers"`
	Services  []ServiceLockin  `json:"services"`
	Resources []ResourceLockin `json:"resources"` // the non-portable ones
}

// ProviderLockin is the weight of the estate held by one provider's products.
type ProviderLockin struct {
	Provider string  `json:"provider"`
	Lockin   float64 `json:"lockin"`
	Share    float64 `json:"share"` // of the estate's lock-in weight
}

// ServiceLockin is one business service's lock-in.
type ServiceLockin struct {
	Service string  `json:"service"`
	Lockin  float64 `json:"lockin"`
}

// ResourceLockin is one resource's class in the lock-in catalog.
type ResourceLockin struct {
	Node         string   `json:"node"`
	Provider     string   `json:"provider"`
	Kind         string   `json:"kind"`
	Product      string   `json:"product"`
	Class        string   `json:"class"` // portable, moderate or proprietary
	Value        float64  `json:"value"` // 0, 0.5 or 1
	Alternatives []string `json:"alternatives,omitempty"`
}

// Concentration is the Herfindahl-Hirschman index of critical weight.
type Concentration struct {
	Method    string `json:"method"`
	Providers HHI    `json:"providers"`
	Regions   HHI    `json:"regions"`
	Zones     HHI    `json:"zones"`
}

// HHI is one concentration index (0-10000) and the shares behind it.
type HHI struct {
	Index  float64 `json:"index"`
	Shares []Share `json:"shares"`
}

// Share is one provider's, region's or zone's share of critical weight.
type Share struct {
	Key    string  `json:"key"`
	Weight float64 `json:"weight"`
	Share  float64 `json:"share"` // 0-100 percent
}

// Finding is one problem, with an id stable across runs and unrelated changes.
type Finding struct {
	ID       string   `json:"id"`
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"` // critical, high, medium, low
	Node     string   `json:"node"`
	Services []string `json:"services,omitempty"`
	Message  string   `json:"message"`
}

// Simulation is the result of `simulate --fail ...` (DESIGN.md §6).
type Simulation struct {
	Version int      `json:"untether_simulation"`
	Fail    []string `json:"fail"`
	// Selectors are Fail parsed, so no reader parses them back (each one's
	// node and level). Not in the JSON: Fail says the same to a script.
	Selectors     []graph.Selector `json:"-"`
	Injected      []string         `json:"injected"`
	Down          []string         `json:"down"`
	ServicesDown  []string         `json:"services_down"`
	CriticalDown  int              `json:"critical_down"`
	WeightedDown  int              `json:"weighted_services_down"`
	ResourcesDown int              `json:"resources_down"`
	ResourceShare float64          `json:"resource_share"`
	CostPerHour   float64          `json:"cost_per_hour"`
	// Names are the display names of the nodes the result mentions, by id.
	Names map[string]string `json:"names,omitempty"`
}

// Explanation says why a node is or is not a SPOF.
type Explanation struct {
	Version int         `json:"untether_explanation"`
	Node    string      `json:"node"`
	Level   graph.Level `json:"level"`
	IsSPOF  bool        `json:"is_spof"`
	// Down lists the critical services the node's failure alone takes down,
	// each with the chain that proves it.
	Down []Chain `json:"down"`
	// Survives lists the critical services that depend on the node but stay
	// UP, each with the redundancy group that absorbs the failure.
	Survives []Absorbed `json:"survives"`
	Summary  string     `json:"summary"`
	// Names are the display names of the nodes the result mentions, by id.
	Names map[string]string `json:"names,omitempty"`
	// EvidenceOnly lists the node's edges that carry no failure: creation
	// order (Terraform depends_on, state dependencies) and edges to or from
	// configuration. Shown so a reader sees why they do not count.
	EvidenceOnly []EvidenceEdge `json:"evidence_only,omitempty"`
}

// EvidenceEdge is an edge kept as evidence only.
type EvidenceEdge struct {
	To string `json:"to"`
	// Why is "ordering" or "configuration".
	Why      string `json:"why"`
	Evidence string `json:"evidence,omitempty"`
}

// Chain is a dependency path from a service down to a failed node; Evidence
// holds each edge's evidence (len(Path)-1 entries).
type Chain struct {
	Service  string   `json:"service"`
	Path     []string `json:"path"`
	Evidence []string `json:"evidence"`
}

// Absorbed names a critical service that survives and the groups that held.
type Absorbed struct {
	Service string   `json:"service"`
	Groups  []string `json:"groups"`
}

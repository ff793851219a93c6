package report

import (
	"io"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
	"github.com/untether-dev/untether/simulate/gate"
	"github.com/untether-dev/untether/simulate/planner"
)

// A Result is one command's result as every format shows it: the versioned
// result the simulator, planner or gate computed (its JSON form is the
// public contract, DESIGN.md §6) and every sentence, ranking, name, cost and
// location derived from it that some format shows. NewAudit, NewSimulation,
// NewExplanation, NewPlan and NewCheck compute it once, before any writer
// runs; writers only lay it out.
type Result interface {
	// Kind names the result: audit, simulation, explanation, plan or check.
	Kind() string
	// render hands the result to the writer's method for its kind.
	render(w io.Writer, wr Writer, o Options) error
	// empty reports a result with nothing in it (a nil core).
	empty() bool
}

// AuditReport is the result of `untether audit`.
type AuditReport struct {
	// Audit is the versioned audit (the json format).
	Audit *simulate.Audit
	// Names are the display names of the nodes the audit mentions.
	Names map[string]string
	// Headline is the sentence an executive reads first.
	Headline string
	// HeadlineScenario is the outage the headline and the worst-outage card
	// speak of; nil when no outage stops a critical service.
	HeadlineScenario *simulate.Scenario
	// Worst are the scenarios that stop at least one service, worst first.
	Worst []simulate.Scenario
	// Risks are the SPOFs in plain words, widest level first.
	Risks []Risk
	// ServicesByRisk are the services most critical and weakest first.
	ServicesByRisk []simulate.ServiceScore
	// LeastPortable are the non-portable resources, least portable first.
	LeastPortable []simulate.ResourceLockin
	// DoublePoints counts every double point, even past the listed ones.
	DoublePoints int
	// Chains are each SPOF's proving chain (node ids), by SPOF node.
	Chains map[string][]string
	// Locations say where each finding's node is declared in source (sarif,
	// github), by node id; empty without a source locator.
	Locations map[string]Location
	// Inputs name the sources the audit was computed from.
	Inputs []string
	// Labels are the estate's own names of the nodes the HTML report draws
	// or lists, and Map the dependency map it draws; both need the estate
	// and are empty without it.
	Labels map[string]string
	Map    *htmlMap
}

// Location is where a node is declared: a slash-separated file relative to
// the repository and a 1-based line.
type Location struct {
	File string
	Line int
}

// AuditInput is what an audit report needs besides the audit.
type AuditInput struct {
	// Estate is the audited estate, for the HTML report's dependency map
	// and names; nil leaves them out (pass it only when HTML is written:
	// the map walks the estate).
	Estate *graph.Estate
	// Inputs name the sources read.
	Inputs []string
	// Locate, when set, says where a node is declared in source (a Terraform
	// file and line), for formats that point at code.
	Locate func(node string) (file string, line int, ok bool)
}

// SimulationReport is the result of `untether simulate`.
type SimulationReport struct {
	Simulation *simulate.Simulation
	// Headline says what the simulated outage does, in one sentence.
	Headline string
}

// ExplanationReport is the result of `untether explain`.
type ExplanationReport struct {
	Explanation *simulate.Explanation
	// Title names the explained node; Verdict says whether it is a SPOF.
	Title, Verdict string
}

// PlanReport is the result of `untether plan`.
type PlanReport struct {
	Plan *planner.Plan
	// Cost says what the plan takes off the worst outage ("" when nothing).
	Cost string
	// Verdicts say each goal's outcome, in the order of Plan.Goals.
	Verdicts []string
	// Unreachable says each failure out of reach and why: what, why.
	Unreachable [][2]string
	// Audit is the audit of the estate before the plan, for formats that
	// show the plan inside the whole picture (HTML); nil leaves it out.
	Audit *AuditReport
	html  *htmlPlan
}

// CheckReport is the result of `untether check`.
type CheckReport struct {
	Check *gate.CheckResult
	// Reasons are why the gate failed, one line per finding.
	Reasons []GateReason
	// Chains are each new SPOF's proving chain, by node.
	Chains map[string][]string
	// Audit is the audit the check was computed from, for formats that show
	// the whole picture (HTML) and source locations; nil leaves them out.
	Audit *AuditReport
}

func (r *AuditReport) Kind() string       { return "audit" }
func (r *SimulationReport) Kind() string  { return "simulation" }
func (r *ExplanationReport) Kind() string { return "explanation" }
func (r *PlanReport) Kind() string        { return "plan" }
func (r *CheckReport) Kind() string       { return "check" }

func (r *AuditReport) empty() bool       { return r == nil || r.Audit == nil }
func (r *SimulationReport) empty() bool  { return r == nil || r.Simulation == nil }
func (r *ExplanationReport) empty() bool { return r == nil || r.Explanation == nil }
func (r *PlanReport) empty() bool        { return r == nil || r.Plan == nil }
func (r *CheckReport) empty() bool       { return r == nil || r.Check == nil }

func (r *AuditReport) render(w io.Writer, wr Writer, o Options) error { return wr.Audit(w, r, o) }
func (r *SimulationReport) render(w io.Writer, wr Writer, o Options) error {
	return wr.Simulation(w, r, o)
}
func (r *ExplanationReport) render(w io.Writer, wr Writer, o Options) error {
	return wr.Explanation(w, r, o)
}
func (r *PlanReport) render(w io.Writer, wr Writer, o Options) error  { return wr.Plan(w, r, o) }
func (r *CheckReport) render(w io.Writer, wr Writer, o Options) error { return wr.Check(w, r, o) }

// NewPlan computes the plan's report; audit, when not nil, is the report of
// the estate before the plan (for HTML).
func NewPlan(p *planner.Plan, audit *AuditReport) *PlanReport {
	if p == nil {
		return nil
	}
	r := &PlanReport{Plan: p, Cost: planCostSentence(p), Audit: audit}
	for _, g := range p.Goals {
		r.Verdicts = append(r.Verdicts, verdict(g))
	}
	for _, u := range p.Unreachable {
		what, why := unreachableText(u)
		r.Unreachable = append(r.Unreachable, [2]string{what, why})
	}
	r.html = planForHTML(r)
	return r
}

// NewCheck computes the check's report; audit, when not nil, is the report
// of the audit it was computed from (for HTML and source locations).
func NewCheck(c *gate.CheckResult, audit *AuditReport) *CheckReport {
	if c == nil {
		return nil
	}
	return &CheckReport{Check: c, Reasons: gateReasons(c), Chains: spofChains(c.NewSPOFs), Audit: audit}
}

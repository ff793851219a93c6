package planner

// PlanVersion is the version of the plan result in its "untether_plan"
// field; every plan report format is rendered from this one result.
const PlanVersion = 1

// Plan is an ordered migration plan toward goals, proven by re-simulation
// (DESIGN.md §8): waves of catalog actions, what each wave verified, every
// score and service before and after, and what stays out of reach and why.
type Plan struct {
	Version int `json:"untether_plan"`
	// Tier: the resilience goals protect services of tier 1 to Tier.
	Tier     int             `json:"tier"`
	Goals    []GoalResult    `json:"goals"`
	Reached  bool            `json:"reached"` // every goal verified met
	Headline string          `json:"headline"`
	Waves    []Wave          `json:"waves"`
	Effort   PlanEffort      `json:"effort"`
	Scores   ScoreChanges    `json:"scores"`
	Services []ServiceChange `json:"services"`
	// GoalOutageCostPerHour is the downtime cost per hour of the worst
	// single outage at the goals' levels (a zone, region, managed service
	// or provider failing alone), before and after the plan.
	GoalOutageCostPerHour Change `json:"goal_outage_cost_per_hour"`
	// DowntimeCostAvoidedPerHour is what the plan takes off that worst
	// outage: GoalOutageCostPerHour before minus after, never below 0. It
	// can never exceed what one outage cost before the plan (summing the
	// services each protected from a different outage would).
	DowntimeCostAvoidedPerHour float64       `json:"downtime_cost_avoided_per_hour"`
	Unreachable                []Unreachable `json:"unreachable"`
	Method                     string        `json:"method"`
}

// GoalResult says whether one goal holds before and after the plan, as
// found by re-simulating the transformed estate.
type GoalResult struct {
	Goal      string `json:"goal"`
	MetBefore bool   `json:"met_before"`
	Met       bool   `json:"met"`
	Before    string `json:"before"`
	After     string `json:"after"`
}

// Wave is a set of actions applied together, then verified.
type Wave struct {
	Number     int             `json:"wave"`
	Actions    []PlannedAction `json:"actions"`
	PersonDays float64         `json:"person_days"`
	// After is what the re-simulation found once this wave was applied.
	After      []WaveGoal `json:"after"`
	Resilience float64    `json:"resilience"`
}

// WaveGoal is one goal's state after a wave.
type WaveGoal struct {
	Goal string `json:"goal"`
	Met  bool   `json:"met"`
	// Remaining counts the failure domains that still take protected
	// services down (resilience goals); Value is the lock-in or HHI.
	Remaining int     `json:"remaining"`
	Value     float64 `json:"value,omitempty"`
}

// PlannedAction is one catalog action applied to one node.
type PlannedAction struct {
	Action     string `json:"action"`
	Title      string `json:"title"`
	Target     string `json:"target"`
	TargetName string `json:"target_name"`
	// To says where or what: zones, a region, a provider or a product.
	To string `json:"to"`
	// Because lists what it answers: failure domains by level, or a goal.
	Because  []string `json:"because"`
	Services []string `json:"services"`
	Effort   string   `json:"effort"`
	Days     float64  `json:"person_days"`
	Cost     string   `json:"recurring_cost"`
	Moves    []string `json:"moves"`
	// Changes are the nodes the action added or changed in the estate.
	Changes []string `json:"changes"`
}

// PlanEffort totals the plan.
type PlanEffort struct {
	Actions    int         `json:"actions"`
	PersonDays float64     `json:"person_days"`
	BySize     []SizeCount `json:"by_size"`
	ByCost     []CostCount `json:"by_recurring_cost"`
}

// SizeCount counts actions of one effort size.
type SizeCount struct {
	Effort string `json:"effort"`
	Count  int    `json:"count"`
}

// CostCount counts actions of one recurring-cost class.
type CostCount struct {
	Cost  string `json:"recurring_cost"`
	Count int    `json:"count"`
}

// ScoreChanges are the estate's scores before and after the plan.
type ScoreChanges struct {
	// NotScored is true when the estate had nothing to score before or
	// after the plan (simulate.Score.NotScored): the resilience figures
	// and grades then say nothing.
	NotScored    bool          `json:"not_scored,omitempty"`
	Resilience   Change        `json:"resilience"`
	Grade        GradeChange   `json:"grade"`
	Lockin       Change        `json:"lockin"`
	HHIProviders Change        `json:"hhi_providers"`
	HHIRegions   Change        `json:"hhi_regions"`
	HHIZones     Change        `json:"hhi_zones"`
	SPOFs        []LevelChange `json:"spofs"`
	DoublePoints Change        `json:"double_points"`
	// WorstOutageCostPerHour is the highest downtime cost per hour of any
	// provider, region or zone outage in the audit's sweeps.
	WorstOutageCostPerHour Change `json:"worst_outage_cost_per_hour"`
}

// Change is a figure before and after.
type Change struct {
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// GradeChange is the letter grade before and after.
type GradeChange struct {
	Before string `json:"before"`
	After  string `json:"after"`
}

// LevelChange counts SPOFs of one level before and after.
type LevelChange struct {
	Level  string `json:"level"`
	Before int    `json:"before"`
	After  int    `json:"after"`
}

// ServiceChange is one business service before and after.
type ServiceChange struct {
	Service string `json:"service"`
	Name    string `json:"name"`
	Tier    int    `json:"tier"`
	Score   Change `json:"score"`
	Lockin  Change `json:"lockin"`
	// SinglePoints counts the nodes whose failure alone takes it down.
	SinglePoints        LevelCounts `json:"single_points"`
	DowntimeCostPerHour float64     `json:"downtime_cost_per_hour,omitempty"`
	CostAvoidedPerHour  float64     `json:"cost_avoided_per_hour,omitempty"`
}

// LevelCounts counts before and after.
type LevelCounts struct {
	Before int `json:"before"`
	After  int `json:"after"`
}

// Unreachable is a failure domain or goal the plan cannot fix, and why.
type Unreachable struct {
	Goal     string   `json:"goal"`
	Node     string   `json:"node,omitempty"`
	Level    string   `json:"level,omitempty"`
	Services []string `json:"services,omitempty"`
	Reason   string   `json:"reason"`
}

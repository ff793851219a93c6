package simulate

import (
	"fmt"
	"sync"

	"github.com/untether-dev/untether/graph"
)

// Options tune an audit. The zero value is the documented default.
type Options struct {
	// CriticalTier: services with tier <= CriticalTier are critical (default 2).
	CriticalTier int
	// DoublePointTier: double points are computed for services with tier <=
	// DoublePointTier (default 1).
	DoublePointTier int
	// Lockin is the lock-in catalog; nil means DefaultLockinCatalog().
	Lockin *LockinCatalog
	// Availability is the SLA catalog; nil means DefaultAvailabilityCatalog().
	Availability *AvailabilityCatalog
	// MaxDoublePoints caps the double points an Audit lists (and makes
	// findings of), most harmful first; 0 means DefaultMaxDoublePoints and
	// AllDoublePoints lists every one. DoublePointsTotal always counts all.
	MaxDoublePoints int
}

// Defaults of Options.
const (
	DefaultCriticalTier    = 2
	DefaultDoublePointTier = 1
	// entryPointTier is the tier given to entry points standing in for
	// services in an estate that declares none.
	entryPointTier = 2
	// DefaultMaxDoublePoints caps the double points listed in an Audit
	// unless Options say otherwise; the total is always reported.
	DefaultMaxDoublePoints = 500
	// AllDoublePoints as Options.MaxDoublePoints lists every double point.
	AllDoublePoints = -1
)

// Node classes and levels as small integers for the hot loops.
const (
	clResource uint8 = iota
	clPlacement
	clGroup
	clService
)

// Model is an estate compiled for simulation. It is read-only after
// NewModel, so its methods may run concurrently.
type Model struct {
	c   *graph.Compiled
	opt Options

	class []uint8
	// slack[g] = members(g) - need(g): how many members a group can lose.
	slack []int32
	// tier[i] is the effective tier of a service (or stand-in), else 0.
	tier []int8

	services    []int32 // sorted by index (= by id)
	critical    []int32
	dpServices  []int32 // tier <= DoublePointTier
	entryPoints bool
	resources   int
	edges       int // the estate's edges, counted when compiled

	cone sync.Pool // of *coneScratch
}

// NewModel compiles e for simulation. e must be valid (graph.Validate); an
// invalid estate is refused with an error, never a panic.
func NewModel(e *graph.Estate, opt Options) (*Model, error) {
	c, err := graph.CompileValid(e)
	if err != nil {
		return nil, fmt.Errorf("simulate: %w", err)
	}
	if opt.CriticalTier <= 0 {
		opt.CriticalTier = DefaultCriticalTier
	}
	if opt.DoublePointTier <= 0 {
		opt.DoublePointTier = DefaultDoublePointTier
	}
	if opt.MaxDoublePoints == 0 {
		opt.MaxDoublePoints = DefaultMaxDoublePoints
	}
	if opt.Lockin == nil {
		opt.Lockin = DefaultLockinCatalog()
	}
	if opt.Availability == nil {
		opt.Availability = DefaultAvailabilityCatalog()
	}
	n := c.Len()
	m := &Model{c: c, opt: opt, class: make([]uint8, n), slack: make([]int32, n), tier: make([]int8, n), edges: len(e.Edges)}
	for i, nd := range c.Nodes {
		switch nd.Class {
		case graph.ClassResource:
			m.class[i] = clResource
			m.resources++
		case graph.ClassPlacement:
			m.class[i] = clPlacement
		case graph.ClassGroup:
			m.class[i] = clGroup
			m.slack[i] = int32(len(c.Needs(int32(i))) - nd.Need)
		case graph.ClassService:
			m.class[i] = clService
			m.tier[i] = int8(nd.EffectiveTier())
			m.services = append(m.services, int32(i))
		}
	}
	if len(m.services) == 0 {
		// DESIGN.md §7: with no service nodes, entry points (resources that
		// nothing needs) stand in for critical services.
		// graph.EntryPoints: workloads (or path objects fronting one) that
		// nothing outside their own cycle needs; never configuration.
		for _, i := range c.EntryPoints() {
			m.tier[i] = entryPointTier
			m.services = append(m.services, i)
		}
		m.entryPoints = len(m.services) > 0
	}
	for _, s := range m.services {
		if int(m.tier[s]) <= opt.CriticalTier {
			m.critical = append(m.critical, s)
		}
		if int(m.tier[s]) <= opt.DoublePointTier {
			m.dpServices = append(m.dpServices, s)
		}
	}
	return m, nil
}

// Compiled is the index view the model simulates on.
func (m *Model) Compiled() *graph.Compiled { return m.c }

// Options are the options in force, defaults applied.
func (m *Model) Options() Options { return m.opt }

// Services are the business services (or the entry points standing in for
// them), sorted by id.
func (m *Model) Services() []int32 { return m.services }

// CriticalServices are the services with tier <= Options.CriticalTier.
func (m *Model) CriticalServices() []int32 { return m.critical }

// EntryPoints reports whether entry points stand in for services.
func (m *Model) EntryPoints() bool { return m.entryPoints }

// Tier is the effective tier of service i (0 if i is not a service).
func (m *Model) Tier(i int32) int { return int(m.tier[i]) }

// IsService reports whether i is a service or a stand-in for one.
func (m *Model) IsService(i int32) bool { return m.tier[i] != 0 }

// IsCritical reports whether i is a critical service.
func (m *Model) IsCritical(i int32) bool {
	return m.tier[i] != 0 && int(m.tier[i]) <= m.opt.CriticalTier
}

// TierWeight is the weight of a tier in every weighted figure: tier 1 = 8,
// 2 = 4, 3 = 2, 4 = 1 (DESIGN.md §7).
func TierWeight(tier int) int {
	switch tier {
	case 1:
		return 8
	case 2:
		return 4
	case 3:
		return 2
	case 4:
		return 1
	}
	return 0
}

// Level is the failure level of node i: "resource" for resources, the
// placement level for placements, "" for groups and services.
func (m *Model) Level(i int32) graph.Level {
	switch m.class[i] {
	case clResource:
		return graph.LevelResource
	case clPlacement:
		return m.c.Nodes[i].Level
	}
	return ""
}

// IsCandidate reports whether i can be a SPOF: resources and placements
// only, and never a configuration object (DESIGN.md §3).
func (m *Model) IsCandidate(i int32) bool {
	switch m.class[i] {
	case clPlacement:
		return true
	case clResource:
		return m.c.Nodes[i].Role != graph.RoleConfiguration
	}
	return false
}

func (m *Model) id(i int32) string { return m.c.Nodes[i].ID }

func (m *Model) ids(idx []int32) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = m.id(i)
	}
	return out
}

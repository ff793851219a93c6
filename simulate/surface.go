package simulate

// The small surface the planner (simulate/planner) and the CI gate
// (simulate/gate) use beyond NewModel, Model.Audit and the result types: a
// reusable propagator, the cone weights, and the lock-in, concentration and
// rounding rules, so each rule stays written once, here in simulate.

// Propagator runs many scenarios on one Model, one after another: Fail,
// read Down or Fallen, Reset. Reset costs what fell, never the estate's size.
type Propagator struct{ p *propagator }

// NewPropagator returns a propagator with every node UP.
func (m *Model) NewPropagator() *Propagator { return &Propagator{p: newPropagator(m)} }

// Fail injects seeds into the current scenario and propagates (DESIGN.md §3).
func (p *Propagator) Fail(seeds ...int32) { p.p.fail(seeds...) }

// Down reports whether node i is DOWN in the current scenario.
func (p *Propagator) Down(i int32) bool { return p.p.down[i] }

// Fallen lists the DOWN nodes in the order they fell. The slice is the
// propagator's own: read it before the next Fail or Reset, never change it.
func (p *Propagator) Fallen() []int32 { return p.p.queue }

// Reset brings every node back UP.
func (p *Propagator) Reset() { p.p.reset() }

// Cones are the weights one pass over every service's dependency cone
// gives each node: the tier weights of the services whose cone holds it.
type Cones struct{ cs *coneStats }

// Cones walks every service cone once.
func (m *Model) Cones() *Cones { return &Cones{cs: m.cones()} }

// Weight sums the tier weights of the services whose cone holds node i.
func (c *Cones) Weight(i int32) int32 { return c.cs.crit[i] }

// CriticalWeight is Weight over the critical services only.
func (c *Cones) CriticalWeight(i int32) int32 { return c.cs.critW[i] }

// EstateLockin is the audit's estate lock-in (Audit.Lockin.Estate).
func (m *Model) EstateLockin(c *Cones) float64 {
	l, _ := m.lockin(c.cs)
	return l.Estate
}

// ProviderHHI is the audit's provider concentration index
// (Audit.Concentration.Providers.Index).
func (m *Model) ProviderHHI(c *Cones) float64 { return m.concentration(c.cs).Providers.Index }

// HHIIndex is the Herfindahl-Hirschman index of weights, rounded as the
// audit rounds it.
func HHIIndex(weights map[string]float64) float64 { return hhi(weights).Index }

// Gravity is a resource's lock-in gravity from its attributes (1 + log10(1 +
// stored GB), 1 when the size is unknown).
func Gravity(attrs map[string]any) float64 { return gravity(attrs) }

// ClassValue is the lock-in value of a catalog class (portable 0, moderate
// 0.5, proprietary 1); ok is false for a class the catalog does not know.
func ClassValue(class string) (v float64, ok bool) {
	v, ok = classValue[class]
	return v, ok
}

// Round1 and Round4 round a displayed figure to 1 and 4 decimals, half away
// from zero, the way every figure of the audit is rounded.
func Round1(x float64) float64 { return round1(x) }

// Round4: see Round1.
func Round4(x float64) float64 { return round4(x) }

package graph

import "encoding/json"

// FormatVersion is the estate file version this build reads and writes, in
// the file's "untether_estate" field.
const FormatVersion = 1

// Class says what a node is; it decides how the failure rules treat it.
type Class string

const (
	// ClassResource is something a collector found: an instance, a database, a SaaS API.
	ClassResource Class = "resource"
	// ClassPlacement is a failure domain: a provider, region, zone or managed service.
	ClassPlacement Class = "placement"
	// ClassGroup is a k-of-n redundancy gate over its members.
	ClassGroup Class = "group"
	// ClassService is a business service such as checkout or login.
	ClassService Class = "service"
)

// Level is the kind of failure domain a placement node stands for, and the
// level of a single point of failure: a placement's level, or
// LevelResource for a single resource.
type Level string

const (
	// LevelResource is one resource failing alone: a SPOF level, never a
	// placement's.
	LevelResource Level = "resource"
	LevelProvider Level = "provider"
	LevelRegion   Level = "region"
	LevelZone     Level = "zone"
	// LevelService is a managed service in a region, or a global one
	// (provider/global/service/NAME).
	LevelService Level = "service"
)

// Role says what a resource does at run time; it decides whether its
// failure can carry to what needs it (DESIGN.md §3).
type Role string

const (
	// RoleWorkload runs or serves traffic or data. An empty role reads as workload.
	RoleWorkload Role = "workload"
	// RolePath is the network data path: subnet, route table, NAT, gateway,
	// firewall, load balancer, DNS, peering, VPN.
	RolePath Role = "path"
	// RoleConfiguration is IAM, policies, alarms, diagnostics, secret
	// versions, API enablement, launch templates, resource groups and the
	// like: never a service, never a SPOF candidate, never carries a failure.
	RoleConfiguration Role = "configuration"
)

// RelationOrdering marks an edge that is evidence of creation order only
// (Terraform depends_on, state dependencies): it never carries a failure.
const RelationOrdering = "ordering"

// DecidedAtApply is the zone name of the explicit placement for resources
// whose zone is decided only when Terraform applies: it counts as a zone
// failure domain of its own, so an unknown zone is never read as redundant.
const DecidedAtApply = "decided-at-apply"

// DefaultTier is the tier of a service that declares none.
const DefaultTier = 3

// Estate is the whole model: nodes, edges and coverage gaps.
type Estate struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	Gaps  []Gap  `json:"gaps"`
	// Extra holds top-level fields this version does not know, kept verbatim.
	Extra map[string]json.RawMessage `json:"-"`

	valid *validation // set by Decode: validated as read
}

// Node is one vertex of the estate. Which fields matter depends on Class.
type Node struct {
	ID    string `json:"id"`
	Class Class  `json:"class"`
	// Level is set on placement nodes only.
	Level Level `json:"level,omitempty"`
	// Kind is the normalised kind of a resource (database, instance, bucket ...).
	Kind string `json:"kind,omitempty"`
	// Type is the provider-native type (AWS::RDS::DBInstance, aws_db_instance ...).
	Type string `json:"type,omitempty"`
	// Role is what a resource does at run time; empty reads as workload.
	Role     Role     `json:"role,omitempty"`
	Provider string   `json:"provider,omitempty"`
	Account  string   `json:"account,omitempty"`
	Region   string   `json:"region,omitempty"`
	Zones    []string `json:"zones,omitempty"`
	// Service names the managed service of a level=service placement node.
	Service string            `json:"service,omitempty"`
	Name    string            `json:"name,omitempty"`
	Tags    map[string]string `json:"tags,omitempty"`
	// Attrs are selected, never secret, attributes (multi_az, stored_bytes ...).
	Attrs map[string]any `json:"attrs,omitempty"`
	// Evidence names the API field or Terraform attribute that produced the node.
	Evidence string `json:"evidence,omitempty"`
	// Need is how many members of a group must be UP.
	Need int `json:"need,omitzero"`
	// Tier is a service's criticality, 1 (most critical) to 4; 0 means DefaultTier.
	Tier                int      `json:"tier,omitzero"`
	Owners              []string `json:"owners,omitempty"`
	DowntimeCostPerHour float64  `json:"downtime_cost_per_hour,omitzero"`
	// Residency pins a service's or resource's data to jurisdictions or
	// regions ("eu", "aws/eu-west-1"); the planner never moves data outside them.
	Residency []string `json:"residency,omitempty"`
	// Placeholder marks a node a source knows only as the target of a
	// reference (another account, a listing that failed): merging it with
	// a shard that collected the node keeps the collected one.
	Placeholder bool `json:"placeholder,omitzero"`
	// Extra holds fields this version does not know, kept verbatim.
	Extra map[string]json.RawMessage `json:",unknown"`
}

// EffectiveTier is the node's tier with the default applied.
func (n *Node) EffectiveTier() int {
	if n.Tier == 0 {
		return DefaultTier
	}
	return n.Tier
}

// EffectiveRole is the node's role with the default (workload) applied.
func (n *Node) EffectiveRole() Role {
	if n.Role == "" {
		return RoleWorkload
	}
	return n.Role
}

// Label is a short human name: the name when there is one, else the id.
func (n *Node) Label() string {
	if n.Name != "" {
		return n.Name
	}
	return n.ID
}

// Edge says From needs To. From a group, it names a member instead. An edge
// with Relation RelationOrdering says only that From was created after To:
// it is kept as evidence and never carries a failure.
type Edge struct {
	From     string                     `json:"from"`
	To       string                     `json:"to"`
	Evidence string                     `json:"evidence,omitempty"`
	Relation string                     `json:"relation,omitempty"`
	Extra    map[string]json.RawMessage `json:",unknown"`
}

// Propagates reports whether the edge can carry a failure (it is not
// ordering evidence).
func (e *Edge) Propagates() bool { return e.Relation != RelationOrdering }

// Gap is a part of the estate that was not collected: "not collected" must
// never read as "absent".
type Gap struct {
	Provider string `json:"provider,omitempty"`
	Account  string `json:"account,omitempty"`
	Region   string `json:"region,omitempty"`
	Service  string `json:"service,omitempty"`
	// Status is denied, not_enabled, failed, unsupported or unknown.
	Status string                     `json:"status"`
	Detail string                     `json:"detail,omitempty"`
	Extra  map[string]json.RawMessage `json:",unknown"`
}

// Gap statuses.
const (
	GapDenied      = "denied"
	GapNotEnabled  = "not_enabled"
	GapFailed      = "failed"
	GapUnsupported = "unsupported"
	// GapUnknown: the input does not say (a zone decided at apply, a
	// reference to something outside the input).
	GapUnknown = "unknown"
)

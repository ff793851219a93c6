package terraform

import (
	"strings"
)

// spec is how one Terraform type maps into the estate.
type spec struct {
	kind    string
	service string // the managed service placement it needs ("" for none)
	global  bool   // the service is global (Route 53, Cloud DNS, Front Door ...)
	// place refines the zones, regions and notes locate found.
	place func(ix *index, n *node)
}

var specTables = map[string]map[string]spec{"aws": awsSpecs, "gcp": gcpSpecs, "azure": azureSpecs}

// specFor returns the mapping of a type; unknown types are generic.
func specFor(cloud, typ string) spec {
	if s, ok := specTables[cloud][typ]; ok {
		return s
	}
	if cloud == "aws" && (strings.HasPrefix(typ, "aws_iam_") || strings.HasPrefix(typ, "aws_route53_") ||
		strings.HasPrefix(typ, "aws_cloudfront_") || strings.HasPrefix(typ, "aws_organizations_")) {
		svc := strings.SplitN(strings.TrimPrefix(typ, "aws_"), "_", 2)[0]
		return spec{service: svc, global: true}
	}
	if cloud == "aws" && (strings.HasPrefix(typ, "aws_api_gateway_") || strings.HasPrefix(typ, "aws_apigatewayv2_")) {
		return spec{kind: "api_gateway_config", service: "apigateway"}
	}
	if cloud == "azure" && strings.HasPrefix(typ, "azuread_") {
		return spec{kind: "identity", service: "entra-id", global: true}
	}
	return spec{}
}

// refZones are the zones of the nodes n refers to in one of keys whose
// type contains want (aws_subnet, google_compute_subnetwork ...).
func refZones(n *node, want string, keys ...string) []string {
	var zones []string
	for _, r := range n.refs {
		if !strings.Contains(r.target.in.typ, want) {
			continue
		}
		for _, k := range keys {
			if r.key == k {
				zones = append(zones, r.target.zones...)
			}
		}
	}
	return uniqueSorted(zones)
}

// refsOfType are the nodes n refers to whose type contains want.
func refsOfType(n *node, want string) []*node {
	var out []*node
	for _, r := range n.refs {
		if strings.Contains(r.target.in.typ, want) {
			out = append(out, r.target)
		}
	}
	return out
}

// zonesFromSubnets places n in the zones of its subnets, any one of which
// must be up.
func zonesFromSubnets(n *node, keys ...string) {
	if z := refZones(n, "subnet", keys...); len(z) > 0 {
		n.setZones(z, "the zones of the subnets in "+strings.Join(keys, "/"))
		return
	}
	for _, k := range keys {
		if n.in.unknown[k] {
			n.note = k + " known after apply: zones unknown, placed on the region"
			return
		}
	}
}

// unknownNote says a placement attribute is not known until apply: the
// zone is decided then.
func unknownNote(n *node, keys ...string) bool {
	for _, k := range keys {
		if n.in.unknown[k] {
			n.zones = nil
			n.undecided = k + " known after apply"
			return true
		}
	}
	return false
}

// zoneUnsaid marks a single-zone product whose zone the file does not
// give (the cloud picks it): decided at apply, unless a rule found zones.
func zoneUnsaid(n *node, why string) {
	if len(n.zones) == 0 && n.undecided == "" {
		n.undecided = why
	}
}

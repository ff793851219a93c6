package terraform

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// caseModel reads a testdata case the way the CLI does (module services,
// then entry points) and compiles it for simulation.
func caseModel(t *testing.T, dir string) *simulate.Model {
	t.Helper()
	est, err := Read(caseInputs(t, filepath.Join("testdata", dir))...)
	if err != nil {
		t.Fatal(err)
	}
	if est, err = ModuleServices(est); err != nil {
		t.Fatal(err)
	}
	m, err := simulate.NewModel(est, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// downAfter fails sel and reports, for each address (or id) asked, whether it is DOWN.
func downAfter(t *testing.T, m *simulate.Model, sel string, want map[string]bool) {
	t.Helper()
	sim, err := m.Simulate([]string{sel})
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	c := m.Compiled()
	down := map[string]bool{}
	for _, id := range sim.Down {
		i, _ := c.Index(id)
		down[id] = true
		if a, ok := c.Nodes[i].Attrs["address"].(string); ok {
			down[a] = true
		}
	}
	for k, w := range want {
		if down[k] != w {
			t.Errorf("after %s: %s DOWN = %v, want %v", sel, k, down[k], w)
		}
	}
}

func serviceEntries(m *simulate.Model) []string {
	c := m.Compiled()
	var out []string
	for _, s := range m.Services() {
		for _, j := range append([]int32{s}, c.Needs(s)...) {
			n := c.Nodes[j]
			if a, ok := n.Attrs["address"].(string); ok {
				out = append(out, a)
			} else if n.Class == graph.ClassService {
				out = append(out, n.ID)
			}
		}
	}
	return out
}

func spofNodes(m *simulate.Model) []string {
	var out []string
	for _, s := range m.Audit().SPOFs {
		out = append(out, s.Node)
	}
	return out
}

func TestSingleNATIsAZoneSPOFForEveryZone(t *testing.T) {
	m := caseModel(t, "aws_single_nat")
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1a", map[string]bool{"aws_autoscaling_group.workers": true, "aws_subnet.private[1]": true})
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1b", map[string]bool{"aws_autoscaling_group.workers": false, "aws_subnet.private[0]": false})
	svcs := serviceEntries(m)
	if !slices.Contains(svcs, "aws_autoscaling_group.workers") || slices.Contains(svcs, "aws_launch_template.workers") || slices.Contains(svcs, "aws_iam_role.workers") || slices.Contains(svcs, "aws_vpc.main") {
		t.Errorf("services stand on %v: want the workers group, never configuration or a bare network", svcs)
	}
	spofs := spofNodes(m)
	if !slices.Contains(spofs, "aws/eu-west-1/eu-west-1a") || slices.Contains(spofs, "aws/eu-west-1/eu-west-1b") {
		t.Errorf("zone SPOFs %v: want eu-west-1a (the NAT's) and not eu-west-1b", spofs)
	}
	for _, s := range spofs {
		if strings.Contains(s, "launch-template") || strings.Contains(s, ":role/") {
			t.Errorf("configuration %s is a SPOF", s)
		}
	}
	// The ASG's state dependencies (every private subnet, the template) are ordering evidence only.
	ordering := 0
	for _, ed := range m.Compiled().Estate.Edges {
		if ed.Relation == graph.RelationOrdering {
			ordering++
		}
	}
	if ordering == 0 {
		t.Errorf("state dependencies were not kept as ordering evidence")
	}
}

func TestAzurePathsAndRedundancy(t *testing.T) {
	m := caseModel(t, "azure_paths")
	// The app subnet's default route goes to one NVA in zone 1: zone 1 stops the VM in zone 2.
	downAfter(t, m, "zone:azure/westeurope/1", map[string]bool{"azurerm_linux_virtual_machine.app2": true, "azurerm_linux_virtual_machine.nva": true})
	downAfter(t, m, "zone:azure/westeurope/2", map[string]bool{"azurerm_linux_virtual_machine.nva": false, "azurerm_virtual_network_gateway.vpn_az": false})
	// An availability set is fault domains, not zones; a non-AZ gateway SKU has no zone promise.
	downAfter(t, m, "zone:azure/westeurope/decided-at-apply", map[string]bool{
		"azurerm_linux_virtual_machine.legacy": true, "azurerm_virtual_network_gateway.er_plain": true,
		"azurerm_virtual_network_gateway.vpn_az": false, "azurerm_virtual_hub.weu": false, "azurerm_bastion_host.hub": true})
	// Traffic manager and Front Door are any-of over regions; the profile's resource group region is no SPOF.
	downAfter(t, m, "region:azure/westeurope", map[string]bool{"azurerm_traffic_manager_profile.shop": false, "azurerm_cdn_frontdoor_endpoint.fd": false, "azurerm_linux_web_app.weu": true})
	downAfter(t, m, "region:azure/northeurope", map[string]bool{"azurerm_traffic_manager_profile.shop": false, "azurerm_cdn_frontdoor_endpoint.fd": false})
	for _, s := range serviceEntries(m) {
		if strings.Contains(s, "key_vault_secret") || strings.Contains(s, "monitor_metric_alert") || strings.Contains(s, "resource_group") {
			t.Errorf("configuration %s stands in for a service", s)
		}
	}
}

func TestGCPBackendsAndURLMapHosts(t *testing.T) {
	m := caseModel(t, "gcp_lb")
	c := m.Compiled()
	lb := "https://www.googleapis.com/compute/v1/projects/shop/global/urlMaps/lb#host="
	// The zonal NEG outside the input still gets its zone (from its self-link).
	downAfter(t, m, "zone:gcp/us-central1/us-central1-f", map[string]bool{lb + "*": true, lb + "api.shop.example": false, lb + "admin.shop.example": false})
	// A zonal MIG takes its own host only; the regional MIG survives a zone.
	downAfter(t, m, "zone:gcp/us-central1/us-central1-a", map[string]bool{lb + "admin.shop.example": true, lb + "api.shop.example": false, lb + "*": false})
	gap := false
	for _, g := range c.Estate.Gaps {
		gap = gap || strings.Contains(g.Detail, "web-neg") && g.Status == graph.GapUnknown
	}
	if !gap {
		t.Errorf("the backend group outside the input is not a recorded gap: %+v", c.Estate.Gaps)
	}
	for _, s := range serviceEntries(m) {
		if strings.Contains(s, "google_project_service") || strings.Contains(s, "iam_member") {
			t.Errorf("configuration %s stands in for a service", s)
		}
	}
}

func TestKubernetesObjectsHangOnTheirCluster(t *testing.T) {
	m := caseModel(t, "kubernetes")
	c := m.Compiled()
	for _, nd := range c.Nodes {
		if nd.Class == graph.ClassPlacement && (nd.Provider == "kubernetes" || nd.Provider == "helm" || nd.Provider == "random") {
			t.Errorf("%s is a failure domain: non-cloud providers never are", nd.ID)
		}
	}
	cluster := "arn:aws:eks:us-east-1:111122223333:cluster/main"
	downAfter(t, m, "node:"+cluster, map[string]bool{"module.checkout.kubernetes_deployment.checkout": true, "helm_release.ingress": true})
	svcs := serviceEntries(m)
	if !slices.Contains(svcs, "service:checkout") || slices.Contains(svcs, "module.checkout.kubernetes_config_map.checkout") || slices.Contains(svcs, "random_string.suffix") {
		t.Errorf("services %v: want module checkout, never a config map or a random string", svcs)
	}
}

func TestExplainListsOrderingEvidence(t *testing.T) {
	m := caseModel(t, "aws_single_nat")
	x, err := m.Explain("arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/workers")
	if err != nil {
		t.Fatal(err)
	}
	var ordering, config bool
	for _, e := range x.EvidenceOnly {
		ordering = ordering || e.Why == graph.RelationOrdering && strings.Contains(e.To, "igw-1")
		config = config || e.Why == "configuration" && strings.Contains(e.To, "launch-template")
	}
	if !ordering || !config {
		t.Errorf("explain should list the ordering edge to the gateway and the configuration edge to the template: %+v", x.EvidenceOnly)
	}
}

func TestReferenceOutsideTheInputIsAGap(t *testing.T) {
	state := `{"version":4,"terraform_version":"1.7.5","serial":1,"lineage":"x","outputs":{},"resources":[
	 {"mode":"managed","type":"aws_instance","name":"web","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
	  "instances":[{"schema_version":1,"attributes":{"id":"i-0123456789abcdef0","arn":"arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
	   "availability_zone":"us-east-1a","subnet_id":"subnet-0made0elsewhere"},"sensitive_attributes":[]}]}]}`
	est, err := Decode([]byte(state), "app.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range est.Gaps {
		if g.Status == graph.GapUnknown && strings.Contains(g.Detail, "subnet-0made0elsewhere") && strings.Contains(g.Detail, "app.tfstate") {
			return
		}
	}
	t.Errorf("the subnet outside the input is not a recorded gap: %+v", est.Gaps)
}

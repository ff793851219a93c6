package terraform

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Truth tables: what a cloud architect reads from the raw corpus files,
// written down from the files themselves before the tool was run on them.
// Each fact says that failing one zone (or region) takes a resource DOWN
// or leaves it UP; services say which entry points must (or must never)
// be business services. The corpus lives beside the checkout and the
// test skips without it.

type fact struct {
	fail string // zone:... or region:...
	addr string // Terraform address
	down bool
}

type truthFile struct {
	path string
	// services that must exist: a module service's name, or "@" and the
	// address of the entry point a service stands on.
	services []string
	// notServices must never be services (configuration, bare networks,
	// resources behind a load balancer).
	notServices []string
	noServices  bool
	facts       []fact
}

func down(fail string, addrs ...string) []fact { return facts(fail, true, addrs) }
func up(fail string, addrs ...string) []fact   { return facts(fail, false, addrs) }
func facts(fail string, d bool, addrs []string) []fact {
	out := make([]fact, len(addrs))
	for i, a := range addrs {
		out[i] = fact{fail, a, d}
	}
	return out
}
func join(fs ...[]fact) []fact { return slices.Concat(fs...) }

var truthTables = []truthFile{
	{ // one NAT gateway per AZ (terraform-aws-modules/vpc): each private subnet routes through its own zone's NAT.
		path:       "terraform-compliance/tests/functional/test_issue-158/plan.out.json",
		noServices: true, // a VPC with nothing running in it
		facts: join(
			down("zone:aws/eu-west-1/eu-west-1a", "module.vpc.aws_nat_gateway.this[0]", "module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.public[0]"),
			up("zone:aws/eu-west-1/eu-west-1a", "module.vpc.aws_nat_gateway.this[1]", "module.vpc.aws_nat_gateway.this[2]", "module.vpc.aws_subnet.private[1]", "module.vpc.aws_subnet.private[2]", "module.vpc.aws_subnet.public[1]"),
			down("zone:aws/eu-west-1/eu-west-1b", "module.vpc.aws_nat_gateway.this[1]", "module.vpc.aws_subnet.private[1]"),
			up("zone:aws/eu-west-1/eu-west-1b", "module.vpc.aws_nat_gateway.this[0]", "module.vpc.aws_nat_gateway.this[2]", "module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[2]"),
			down("zone:aws/eu-west-1/eu-west-1c", "module.vpc.aws_nat_gateway.this[2]", "module.vpc.aws_subnet.private[2]"),
			up("zone:aws/eu-west-1/eu-west-1c", "module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[1]"),
			down("region:aws/eu-west-1", "module.vpc.aws_subnet.private[0]", "module.vpc.aws_nat_gateway.this[1]"),
		),
	},
	{ // checkov's vulnerable estate: web host, db app and the ELB in us-west-2a; RDS single-AZ with its zone decided at apply.
		path:        "checkov/tests/terraform/runner/tfplan2.json",
		services:    []string{"@aws_elb.weblb", "@aws_instance.db_app", "@aws_eks_cluster.eks_cluster", "@aws_lambda_function.analysis_lambda"},
		notServices: []string{"@aws_instance.web_host", "@aws_iam_role.iam_for_eks", "@aws_security_group.web-node", "@null_resource.push_image", "@aws_route.public_internet_gateway", "@aws_kms_alias.logs_key_alias", "@aws_ebs_volume.web_host_storage"},
		facts: join(
			down("zone:aws/us-west-2/us-west-2a", "aws_instance.web_host", "aws_instance.db_app", "aws_ebs_volume.web_host_storage", "aws_elb.weblb", "aws_subnet.web_subnet", "aws_subnet.eks_subnet1"),
			up("zone:aws/us-west-2/us-west-2a", "aws_eks_cluster.eks_cluster", "aws_subnet.web_subnet2", "aws_s3_bucket.data", "aws_lambda_function.analysis_lambda"),
			down("zone:aws/us-west-2/us-west-2b", "aws_subnet.web_subnet2", "aws_subnet.eks_subnet2"),
			up("zone:aws/us-west-2/us-west-2b", "aws_instance.web_host", "aws_instance.db_app", "aws_elb.weblb", "aws_eks_cluster.eks_cluster"),
			down("zone:aws/us-west-2/decided-at-apply", "aws_db_instance.default", "aws_instance.db_app"),
			up("zone:aws/us-west-2/decided-at-apply", "aws_instance.web_host", "aws_elb.weblb"),
		),
	},
	{ // seven instances whose subnet and zone are decided at apply: never read as redundant.
		path:     "regula/rego/tests/examples/aws/inputs/ec2_t2_only_infra.json",
		services: []string{"@aws_instance.invalid", "@aws_instance.valid_micro"},
		facts: join(
			down("zone:aws/us-west-2/decided-at-apply", "aws_instance.invalid", "aws_instance.valid_2xlarge", "aws_instance.valid_large",
				"aws_instance.valid_medium", "aws_instance.valid_micro", "aws_instance.valid_small", "aws_instance.valid_xlarge"),
		),
	},
	{ // six instances in us-east-1b, a single-AZ RDS in us-east-1f, in modules db and instances.
		path:        "infracost/cmd/infracost/testdata/terraform_v0.14_state.json",
		services:    []string{"db", "instances", "@aws_instance.instance_1"},
		notServices: []string{"@module.db.module.db_1.module.db_instance.aws_iam_role.enhanced_monitoring[0]", "@module.db.module.db_1.module.db_parameter_group.aws_db_parameter_group.this[0]"},
		facts: join(
			down("zone:aws/us-east-1/us-east-1b", "aws_instance.instance_1", "aws_instance.instance_counted[0]", `aws_instance.instance_named["test.1"]`,
				"module.instances.aws_instance.module_instance_1", "module.instances.aws_instance.module_instance_counted[0]", `module.instances.aws_instance.module_instance_named["test.1"]`),
			up("zone:aws/us-east-1/us-east-1b", "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]"),
			down("zone:aws/us-east-1/us-east-1f", "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]"),
			up("zone:aws/us-east-1/us-east-1f", "aws_instance.instance_1", "module.instances.aws_instance.module_instance_1"),
		),
	},
	{ // one single-AZ RDS instance in eu-west-3c.
		path:     "driftctl/pkg/iac/terraform/state/test/aws_db_instance/terraform.tfstate",
		services: []string{"@aws_db_instance.default"},
		facts:    down("zone:aws/eu-west-3/eu-west-3c", "aws_db_instance.default"),
	},
	{ // subnets only: each lives in its zone, nothing runs in them.
		path:       "driftctl/pkg/iac/terraform/state/test/aws_subnet/terraform.tfstate",
		noServices: true,
		facts: join(
			down("zone:aws/us-east-1/us-east-1a", "aws_default_subnet.default-a", "aws_subnet.subnet3"),
			up("zone:aws/us-east-1/us-east-1a", "aws_default_subnet.default-b", "aws_default_subnet.default-c", "aws_subnet.subnet1", "aws_subnet.subnet2"),
			down("zone:aws/us-east-1/us-east-1c", "aws_default_subnet.default-c", "aws_subnet.subnet1"),
			up("zone:aws/us-east-1/us-east-1c", "aws_subnet.subnet3", "aws_default_subnet.default-a"),
		),
	},
	{ // a ZONAL Cloud SQL instance in us-central1-f.
		path:     "driftctl/pkg/iac/terraform/state/test/google_sql_database_instance/terraform.tfstate",
		services: []string{"@google_sql_database_instance.instance"},
		facts:    down("zone:gcp/us-central1/us-central1-f", "google_sql_database_instance.instance"),
	},
	{ // a zonal managed instance group in us-central1-a.
		path:     "driftctl/pkg/iac/terraform/state/test/google_compute_instance_group_manager/terraform.tfstate",
		services: []string{"@google_compute_instance_group_manager.appserver"},
		facts:    down("zone:gcp/us-central1/us-central1-a", "google_compute_instance_group_manager.appserver"),
	},
	{ // a REGIONAL Cloud SQL instance on a private network: survives a zone, not the region.
		path:        "terraform-google-conversion/tfplan2cai/testdata/templates/full_sql_database_instance.tfplan.json",
		services:    []string{"@google_sql_database_instance.main"},
		notServices: []string{"@google_compute_network.private_network", "@google_service_networking_connection.private_vpc_connection", "@google_compute_global_address.private_ip_address"},
		facts:       down("region:gcp/us-central1", "google_sql_database_instance.main"),
	},
	{ // a regional GKE cluster and its node pool.
		path:        "terraform-google-conversion/tfplan2cai/testdata/templates/example_container_cluster.tfplan.json",
		services:    []string{"@google_container_cluster.primary"},
		notServices: []string{"@google_service_account.default", "@google_container_node_pool.primary_preemptible_nodes"},
		facts:       down("region:gcp/us-central1", "google_container_cluster.primary", "google_container_node_pool.primary_preemptible_nodes"),
	},
	{ // five Azure Firewalls in eastus without zones; a vWAN hub in westeurope (zone-redundant).
		path:        "infracost/cmd/infracost/testdata/azure_firewall_plan.json",
		noServices:  true,
		notServices: []string{"@azurerm_resource_group.example"},
		facts: join(
			down("zone:azure/eastus/decided-at-apply", "azurerm_firewall.non_usage", "azurerm_firewall.premium", "azurerm_firewall.standard",
				"azurerm_firewall.premium_virtual_hub", "azurerm_firewall.standard_virtual_hub"),
			up("zone:azure/westeurope/decided-at-apply", "azurerm_virtual_hub.example"),
			down("region:azure/eastus", "azurerm_firewall.standard"),
			down("region:azure/westeurope", "azurerm_virtual_hub.example"),
		),
	},
	{ // ExpressRoute gateway in a vWAN hub: zone-redundant, regional.
		path:       "infracost/cmd/infracost/testdata/express_route_gateway_plan.json",
		noServices: true,
		facts:      down("region:azure/westeurope", "azurerm_express_route_gateway.express_route", "azurerm_virtual_hub.virtual_hub"),
	},
	{ // two VMs in availability sets (fault domains, not zones), no zones: each in a zone Azure picks.
		path:        "terraform-compliance/tests/functional/test_issue-294/plan.out.json",
		services:    []string{"linuxservers-fail", "windowsservers-pass"},
		notServices: []string{"@azurerm_resource_group.main", "@module.linuxservers-fail.random_id.vm-sa", "@module.linuxservers-fail.azurerm_network_security_group.vm"},
		facts: down("zone:azure/northeurope/decided-at-apply", "module.linuxservers-fail.azurerm_virtual_machine.vm-linux[0]",
			"module.windowsservers-pass.azurerm_virtual_machine.vm-windows[0]"),
	},
	{ // four LRS storage accounts: one datacenter each, zone not said.
		path:        "regula/rego/tests/rules/tf/azurerm/storage/inputs/account_deny_access_infra.json",
		services:    []string{"@azurerm_storage_account.validstorageaccount1", "@azurerm_storage_account.invalidstorageaccount2"},
		notServices: []string{"@azurerm_resource_group.example", "@azurerm_virtual_network.example", "@azurerm_subnet.example"},
		facts: down("zone:azure/westeurope/decided-at-apply", "azurerm_storage_account.invalidstorageaccount1", "azurerm_storage_account.invalidstorageaccount2",
			"azurerm_storage_account.validstorageaccount1", "azurerm_storage_account.validstorageaccount2"),
	},
	{ // three separate S3 buckets in us-west-2 that all happen to be named "testing" (root, module.s3_module, its
		// submodule) plus module.s3_bucket's: a bucket's own name is no reference, none needs another.
		path:     "checkov/tests/terraform/runner/resources/plan_nested_child_modules_with_connections/tfplan.json",
		services: []string{"s3_bucket", "s3_module", "@aws_s3_bucket.root_bucket"},
		facts: join(
			down("region:aws/us-west-2", "aws_s3_bucket.root_bucket", "module.s3_module.aws_s3_bucket.module_bucket",
				"module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket", "module.s3_bucket.aws_s3_bucket.this[0]"),
			up("node:aws_s3_bucket.root_bucket", "module.s3_module.aws_s3_bucket.module_bucket",
				"module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket", "module.s3_bucket.aws_s3_bucket.this[0]"),
			up("node:module.s3_module.aws_s3_bucket.module_bucket", "aws_s3_bucket.root_bucket",
				"module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket"),
		),
	},
}

// truthScore counts zone-SPOF claims against the facts: a claim is "losing
// zone Z takes resource R down".
type truthScore struct{ tp, fp, fn int }

func (s truthScore) String() string {
	p, r := 1.0, 1.0
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	return fmt.Sprintf("zone-SPOF claims: precision %.0f%% (%d of %d), recall %.0f%% (%d of %d)", 100*p, s.tp, s.tp+s.fp, 100*r, s.tp, s.tp+s.fn)
}

func TestTruthTables(t *testing.T) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not present (set UNTETHER_CORPUS or place it at ../shared/corpus)")
	}
	var score truthScore
	for _, tf := range truthTables {
		t.Run(tf.path, func(t *testing.T) {
			est, err := Read(filepath.Join(dir, tf.path))
			if err != nil {
				t.Fatal(err)
			}
			est, err = truthServices(est)
			if err != nil {
				t.Fatal(err)
			}
			m, err := simulate.NewModel(est, simulate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := m.Compiled()
			addrOf := func(i int32) string { a, _ := c.Nodes[i].Attrs["address"].(string); return a }
			// services as module names or "@" + the entry point's address
			var svcs []string
			for _, s := range m.Services() {
				n := c.Nodes[s]
				if n.Class == graph.ClassResource {
					svcs = append(svcs, "@"+addrOf(s))
					continue
				}
				if strings.HasPrefix(n.Evidence, "derived from Terraform module") {
					svcs = append(svcs, n.Name)
				}
				for _, j := range c.Needs(s) {
					svcs = append(svcs, "@"+addrOf(j))
				}
			}
			for _, s := range m.Services() {
				for _, j := range append([]int32{s}, c.Needs(s)...) {
					if c.Nodes[j].Role == graph.RoleConfiguration {
						t.Errorf("configuration %s is (part of) a service", c.Nodes[j].ID)
					}
				}
			}
			if tf.noServices && len(m.Services()) > 0 {
				t.Errorf("want no services, got %v", svcs)
			}
			for _, want := range tf.services {
				if !slices.Contains(svcs, want) {
					t.Errorf("service %s missing; services are %v", want, svcs)
				}
			}
			for _, bad := range tf.notServices {
				if slices.Contains(svcs, bad) {
					t.Errorf("%s must not be a service", bad)
				}
			}
			for _, f := range tf.facts {
				isDown := false
				sim, err := m.Simulate([]string{f.fail})
				if err == nil {
					for _, id := range sim.Down {
						i, _ := c.Index(id)
						if addrOf(i) == f.addr {
							isDown = true
						}
					}
				}
				if strings.HasPrefix(f.fail, "zone:") {
					switch {
					case f.down && isDown:
						score.tp++
					case !f.down && isDown:
						score.fp++
					case f.down && !isDown:
						score.fn++
					}
				}
				if isDown != f.down {
					t.Errorf("%s: %s DOWN = %v, want %v (err %v)", f.fail, f.addr, isDown, f.down, err)
				}
			}
		})
	}
	t.Logf("truth tables over %d corpus files: %s", len(truthTables), score)
}

// truthServices derives services the way the CLI does for a Terraform
// estate with no policy: module instances, then entry points.
var truthServices = func(e *graph.Estate) (*graph.Estate, error) { return ModuleServices(e) }

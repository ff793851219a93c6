package roles

import (
	"testing"

	"github.com/untether-dev/untether/graph"
)

func TestTableParses(t *testing.T) {
	if _, _, err := parse(table); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"aws_x\tdatabase\n", "aws_x\tpath\naws_x\tpath\n", "a*b*\tpath\n", "lonely\n"} {
		if _, _, err := parse([]byte(bad)); err == nil {
			t.Errorf("parse(%q) accepted a bad table", bad)
		}
	}
}

func TestRolesOfTheIssue(t *testing.T) {
	for typ, want := range map[string]graph.Role{
		// configuration: the objects that stood in for services
		"google_project_iam_member":                      graph.RoleConfiguration,
		"google_storage_bucket_iam_member":               graph.RoleConfiguration,
		"google_project_service":                         graph.RoleConfiguration,
		"local_file":                                     graph.RoleConfiguration,
		"kubernetes_config_map":                          graph.RoleConfiguration,
		"kubernetes_secret_v1":                           graph.RoleConfiguration,
		"kubernetes_cluster_role_binding":                graph.RoleConfiguration,
		"azurerm_key_vault_secret":                       graph.RoleConfiguration,
		"azurerm_monitor_metric_alert":                   graph.RoleConfiguration,
		"random_string":                                  graph.RoleConfiguration,
		"null_resource":                                  graph.RoleConfiguration,
		"time_sleep":                                     graph.RoleConfiguration,
		"tls_private_key":                                graph.RoleConfiguration,
		"aws_launch_configuration":                       graph.RoleConfiguration,
		"aws_iam_role_policy_attachment":                 graph.RoleConfiguration,
		"azurerm_resource_group":                         graph.RoleConfiguration,
		"aws_secretsmanager_secret_version":              graph.RoleConfiguration,
		"google_compute_disk_resource_policy_attachment": graph.RoleConfiguration,
		"Microsoft.Authorization/roleAssignments":        graph.RoleConfiguration,
		"AWS::IAM::Role":                                 graph.RoleConfiguration,
		// path
		"aws_route":                       graph.RolePath,
		"aws_nat_gateway":                 graph.RolePath,
		"aws_lb":                          graph.RolePath,
		"azurerm_virtual_network_gateway": graph.RolePath,
		"azurerm_bastion_host":            graph.RolePath,
		"AWS::EC2::Subnet":                graph.RolePath,
		"microsoft.network/virtualnetworkgateways": graph.RolePath,
		"kubernetes_service":                       graph.RolePath,
		// workload
		"aws_instance":                    graph.RoleWorkload,
		"kubernetes_deployment_v1":        graph.RoleWorkload,
		"helm_release":                    graph.RoleWorkload,
		"compute.googleapis.com/Instance": graph.RoleWorkload,
		"aws_s3_bucket_object":            graph.RoleWorkload,
		"something_nobody_mapped":         graph.RoleWorkload,
	} {
		if got := Of(typ); got != want {
			t.Errorf("Of(%s) = %s, want %s", typ, got, want)
		}
	}
	if _, ok := Lookup("something_nobody_mapped"); ok {
		t.Errorf("an unmapped type reads as mapped")
	}
	if e, _ := Lookup("aws_db_instance"); e.Kind != "database" {
		t.Errorf("kind of aws_db_instance = %q", e.Kind)
	}
}

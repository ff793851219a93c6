package terraform

import "testing"

// aws_main_route: subnets with no aws_route_table_association use their
// VPC's main route table. Facts read from terraform.tfstate before
// running: VPC one's main table (aws_default_route_table) sends 0.0.0.0/0
// to the NAT in zone a, so the worker in zone b's unassociated subnet
// falls with zone a, while the zone-b instance in the explicitly
// associated public subnet (internet gateway) does not. VPC two's main
// table is set by aws_main_route_table_association (NAT in zone c); VPC
// three's unmanaged main table gets its default route from an aws_route
// (NAT in zone a).
func TestMainRouteTableCarriesUnassociatedSubnets(t *testing.T) {
	m := caseModel(t, "aws_main_route")
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1a", map[string]bool{
		"aws_instance.one_worker_b": true, "aws_instance.one_public_b": false,
		"aws_instance.two_worker_b": false, "aws_instance.three_worker_b": true,
	})
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1c", map[string]bool{
		"aws_instance.one_worker_b": false, "aws_instance.two_worker_b": true, "aws_instance.three_worker_b": false,
	})
}

// aws_main_route_plan: the same as VPC one above, as a plan, where every
// id is unknown until apply and only the configuration links the default
// route table (default_route_table_id = aws_vpc.main.default_route_table_id)
// to its VPC and its 0.0.0.0/0 route to the NAT in zone a. Facts: the
// worker in the unassociated zone-b subnet falls with zone a.
func TestMainRouteTableInAPlan(t *testing.T) {
	m := caseModel(t, "aws_main_route_plan")
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1a", map[string]bool{"aws_instance.worker_b": true})
	downAfter(t, m, "zone:aws/eu-west-1/eu-west-1b", map[string]bool{"aws_instance.worker_b": true, "aws_nat_gateway.a": false})
}

package terraform

import "testing"

// module_outputs: a plan whose root resources reach a VPC module's subnets
// only through its outputs (ids unknown until apply, so only the
// configuration links them). Facts read from plan.json before running:
// app[i] uses private_subnets[count.index] (its own zone), bastion the
// first_private_subnet output (subnet 0), pinned private_subnets[2]; the
// ASG, the DB subnet group and module.app's LB (through a module input
// fed by the output) list all three subnets as alternatives. direct names
// aws_subnet.pub[1] (zone b), which Terraform lists with the bare
// aws_subnet.pub: it needs that one subnet, not both. amb[i] takes element count.index
// of all_subnets, a list built from two resources: which subnet that is
// the configuration does not say, so no subnet is claimed.
func TestModuleOutputsAreFollowed(t *testing.T) {
	m := caseModel(t, "module_outputs")
	downAfter(t, m, "zone:aws/us-east-1/us-east-1a", map[string]bool{
		"aws_instance.app[0]": true, "aws_instance.app[1]": false, "aws_instance.app[2]": false,
		"aws_instance.bastion": true, "aws_instance.pinned": false,
		"aws_autoscaling_group.web": false, "module.app.aws_lb.this": false, "aws_instance.direct": false,
		"aws_instance.amb[0]": false, "aws_instance.amb[1]": false,
	})
	downAfter(t, m, "zone:aws/us-east-1/us-east-1b", map[string]bool{"aws_instance.direct": true, "aws_instance.app[1]": true})
	downAfter(t, m, "zone:aws/us-east-1/us-east-1c", map[string]bool{
		"aws_instance.app[0]": false, "aws_instance.app[2]": true,
		"aws_instance.bastion": false, "aws_instance.pinned": true,
		"aws_autoscaling_group.web": false, "module.app.aws_lb.this": false,
	})
	for _, n := range m.Compiled().Nodes {
		switch n.Attrs["address"] {
		case "aws_autoscaling_group.web", "module.app.aws_lb.this":
			if len(n.Zones) != 3 {
				t.Errorf("%s zones %v, want the three subnet zones", n.Attrs["address"], n.Zones)
			}
		}
	}
}

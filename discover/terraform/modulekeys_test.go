package terraform

import "testing"

// module_keys: a VPC-less plan with module "net" called for_each over
// {a, b}, each instance one subnet (a in us-east-1a, b in us-east-1b).
// Facts read from plan.json before running: web_a's subnet_id is
// module.net["a"].subnet_id, so it runs in us-east-1a only and survives
// us-east-1b; web_b the mirror. Linking each instance to both module
// instances' subnets would make each zone a false SPOF for both.
func TestModuleInstanceKeyPicksItsInstance(t *testing.T) {
	m := caseModel(t, "module_keys")
	downAfter(t, m, "zone:aws/us-east-1/us-east-1a", map[string]bool{"aws_instance.web_a": true, "aws_instance.web_b": false})
	downAfter(t, m, "zone:aws/us-east-1/us-east-1b", map[string]bool{"aws_instance.web_a": false, "aws_instance.web_b": true})
}

package terraform

import "testing"

// gcp_mig: regional managed instance groups over zones a, b and c. Facts
// read from the files before running: batch has
// distribution_policy_target_shape ANY_SINGLE_ZONE, so all its VMs are in
// one zone Google picks (the zone decided at apply, a failure domain of
// its own); spot has shape ANY, which lets Google put every VM wherever
// capacity is (for batch work that needs no high availability), so it may
// all be in one zone: never read as spread either; web (EVEN) and api (no shape: EVEN is the default) spread
// over the three and survive any one zone; the plan's jobs group has its
// target shape unknown until apply, which may be ANY_SINGLE_ZONE: never
// read as spread.
func TestRegionalMIGTargetShape(t *testing.T) {
	m := caseModel(t, "gcp_mig")
	downAfter(t, m, "zone:gcp/us-central1/us-central1-a", map[string]bool{
		"google_compute_region_instance_group_manager.batch": false,
		"google_compute_region_instance_group_manager.spot":  false,
		"google_compute_region_instance_group_manager.web":   false,
		"google_compute_region_instance_group_manager.api":   false,
		"google_compute_region_instance_group_manager.jobs":  false,
	})
	downAfter(t, m, "zone:gcp/us-central1/decided-at-apply", map[string]bool{
		"google_compute_region_instance_group_manager.batch": true,
		"google_compute_region_instance_group_manager.spot":  true,
		"google_compute_region_instance_group_manager.web":   false,
		"google_compute_region_instance_group_manager.api":   false,
		"google_compute_region_instance_group_manager.jobs":  true,
	})
}

package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// GCP parts: ids are the APIs' selfLinks, types Cloud Asset Inventory types.

const computeV1 = "https://www.googleapis.com/compute/v1/projects/"

// catalog runs on a regional GKE cluster in us-central1 with a balanced node
// pool, Spanner (proprietary) and a dual-region bucket: good practice, and
// the storefront's cross-provider dependency.
func (d *demo) catalog() {
	const svc, team, p, region = "catalog", "catalog-team", gcpCatalog, "us-central1"
	zones := []string{"us-central1-a", "us-central1-b", "us-central1-c"}
	cluster := "https://container.googleapis.com/v1/projects/" + p + "/locations/" + region + "/clusters/catalog-gke"
	d.place(graph.Node{ID: cluster, Kind: "cluster", Type: "container.googleapis.com/Cluster", Provider: "gcp",
		Account: p, Region: region, Zones: zones, Name: "catalog-gke", Tags: tags(svc, team),
		Attrs: map[string]any{"regional": true}, Evidence: "container.projects.locations.clusters.list locations"},
		"Cluster.locations (regional control plane)")
	d.need(cluster, d.b.ManagedService("gcp", region, "container"), "GKE control plane")
	pool := cluster + "/nodePools/catalog-pool"
	d.place(graph.Node{ID: pool, Kind: "node_pool", Type: "container.googleapis.com/NodePool", Provider: "gcp",
		Account: p, Region: region, Zones: zones, Name: "catalog-pool", Tags: tags(svc, team),
		Attrs:    map[string]any{"node_count": 6, "min_healthy": 4, "machine_type": "n2-standard-8"},
		Evidence: "container.projects.locations.clusters.nodePools.list locations"}, "NodePool.locations")
	var nodes []string
	for i, z := range spread(zones, []int{2, 2, 2}) {
		n := fmt.Sprintf("%s%s/zones/%s/instances/gke-catalog-gke-catalog-pool-%s", computeV1, p, z, hexid(fmt.Sprint("gke", i), 4))
		nodes = append(nodes, d.place(graph.Node{ID: n, Kind: "instance", Type: "compute.googleapis.com/Instance",
			Provider: "gcp", Account: p, Region: region, Zones: []string{z}, Name: fmt.Sprintf("catalog-pool-node-%d", i+1),
			Tags: tags(svc, team), Evidence: "compute.instances.aggregatedList zone=" + z}, "Instance.zone="+z))
	}
	d.need(pool, d.group("group:catalog-pool-healthy", 4, nodes, "PodDisruptionBudget minAvailable and HPA floor: 4 of 6 nodes"), "NodePool instances")
	d.need(pool, cluster, "NodePool belongs to catalog-gke")
	spanner := d.res(graph.Node{ID: "https://spanner.googleapis.com/v1/projects/" + p + "/instances/catalog", Kind: "database",
		Type: "spanner.googleapis.com/Instance", Provider: "gcp", Account: p, Region: region, Zones: zones, Name: "catalog",
		Tags: tags(svc, team), Attrs: map[string]any{"config": "regional-us-central1", "nodes": 3, "stored_bytes": int64(900) << 30},
		Evidence: "spanner.projects.instances.list config=regional-us-central1"})
	d.need(spanner, d.b.ZoneGroup("gcp", region, 2, zones), "regional config: 3 read-write replicas, writes need a quorum of 2")
	d.need(spanner, d.b.ManagedService("gcp", region, "spanner"), "Spanner regional service")
	cache := d.place(graph.Node{ID: "https://redis.googleapis.com/v1/projects/" + p + "/locations/" + region + "/instances/catalog-cache",
		Kind: "cache", Type: "redis.googleapis.com/Instance", Provider: "gcp", Account: p, Region: region, Zones: zones[:2],
		Name: "catalog-cache", Tags: tags(svc, team), Attrs: map[string]any{"tier": "STANDARD_HA", "multi_az": true},
		Evidence: "redis.projects.locations.instances.list locationId, alternativeLocationId"}, "STANDARD_HA: primary and replica zones")
	images := d.res(graph.Node{ID: "https://www.googleapis.com/storage/v1/b/bramblecart-product-images", Kind: "bucket",
		Type: "storage.googleapis.com/Bucket", Provider: "gcp", Account: p, Region: "nam4", Name: "bramblecart-product-images",
		Tags: tags(svc, team), Attrs: map[string]any{"location": "NAM4", "stored_bytes": int64(3) << 40},
		Evidence: "storage.buckets.list location=NAM4"})
	d.need(images, d.b.RegionGroup("gcp", 1, []string{"us-central1", "us-east1"}), "dual-region NAM4 = us-central1 + us-east1")
	topic := d.managed(graph.Node{ID: "https://pubsub.googleapis.com/v1/projects/" + p + "/topics/catalog-updates", Kind: "topic",
		Type: "pubsub.googleapis.com/Topic", Provider: "gcp", Account: p, Name: "catalog-updates", Tags: tags(svc, team),
		Evidence: "pubsub.projects.topics.list"}, "pubsub", "Pub/Sub is a global service")
	for _, t := range []string{spanner, cache, images, topic} {
		d.need(pool, t, "demo inventory: catalog workloads use it")
	}
	for _, fn := range []string{"catalog-import", "catalog-price-sync", "catalog-image-resize"} {
		f := d.managed(graph.Node{ID: "https://cloudfunctions.googleapis.com/v2/projects/" + p + "/locations/" + region + "/functions/" + fn,
			Kind: "function", Type: "cloudfunctions.googleapis.com/Function", Provider: "gcp", Account: p, Region: region,
			Name: fn, Tags: tags(svc, team), Evidence: "cloudfunctions.projects.locations.functions.list"}, "cloudfunctions", "regional service")
		d.need(f, spanner, "demo inventory: "+fn+" writes Spanner")
		d.need(f, topic, "demo inventory: "+fn+" publishes catalog-updates")
	}
	lb := computeV1 + p + "/global/forwardingRules/catalog-api"
	d.managed(graph.Node{ID: lb, Kind: "load_balancer", Type: "compute.googleapis.com/GlobalForwardingRule", Provider: "gcp",
		Account: p, Name: "catalog-api", Tags: tags(svc, team), Attrs: map[string]any{"scheme": "EXTERNAL_MANAGED"},
		Evidence: "compute.globalForwardingRules.list"}, "cloud-load-balancing", "global external load balancer")
	d.need(lb, pool, "backendServices/catalog-api: NEGs on catalog-pool")
	d.ref["catalog-api"], d.ref["catalog-topic"] = lb, topic
}

// analytics loads order events from Kinesis (AWS) into BigQuery in
// europe-west1 through one single-zone Dataflow job.
func (d *demo) analytics() {
	const svc, team, p, region = "analytics", "data-team", gcpData, "europe-west1"
	job := d.place(graph.Node{ID: "https://dataflow.googleapis.com/v1b3/projects/" + p + "/locations/" + region + "/jobs/kinesis-to-bigquery",
		Kind: "pipeline", Type: "dataflow.googleapis.com/Job", Provider: "gcp", Account: p, Region: region,
		Zones: []string{"europe-west1-b"}, Name: "kinesis-to-bigquery", Tags: tags(svc, team),
		Attrs: map[string]any{"streaming": true}, Evidence: "dataflow.projects.locations.jobs.list workerZone=europe-west1-b"},
		"Job.environment.workerZone")
	d.need(job, d.ref["order-stream"], "demo inventory: reads order-stream on AWS (cross-provider)")
	d.need(job, d.b.ManagedService("gcp", region, "dataflow"), "Dataflow regional service")
	for i, ds := range []string{"events", "orders", "marketing", "finance"} {
		id := d.managed(graph.Node{ID: "https://bigquery.googleapis.com/bigquery/v2/projects/" + p + "/datasets/" + ds,
			Kind: "warehouse", Type: "bigquery.googleapis.com/Dataset", Provider: "gcp", Account: p, Region: region,
			Name: ds, Tags: tags(svc, team), Attrs: map[string]any{"stored_bytes": int64(i+2) << 40},
			Evidence: "bigquery.datasets.list location=europe-west1"}, "bigquery", "regional dataset")
		if i < 2 {
			d.need(job, id, "demo inventory: job writes dataset "+ds)
		}
		d.ref["bq-"+ds] = id
	}
	meta := d.place(graph.Node{ID: "https://sqladmin.googleapis.com/sql/v1beta4/projects/" + p + "/instances/reporting-meta",
		Kind: "database", Type: "sqladmin.googleapis.com/Instance", Provider: "gcp", Account: p, Region: region,
		Zones: []string{"europe-west1-c"}, Name: "reporting-meta", Tags: tags(svc, team),
		Attrs:    map[string]any{"engine": "postgres", "availability_type": "ZONAL", "multi_az": false},
		Evidence: "sqladmin.instances.list settings.availabilityType=ZONAL"}, "gceZone=europe-west1-c")
	var bi []string
	for i, z := range []string{"europe-west1-b", "europe-west1-c"} {
		vm := d.place(graph.Node{ID: fmt.Sprintf("%s%s/zones/%s/instances/superset-%d", computeV1, p, z, i+1), Kind: "instance",
			Type: "compute.googleapis.com/Instance", Provider: "gcp", Account: p, Region: region, Zones: []string{z},
			Name: fmt.Sprintf("superset-%d", i+1), Tags: tags(svc, team), Evidence: "compute.instances.aggregatedList zone=" + z},
			"Instance.zone="+z)
		d.need(vm, meta, "demo inventory: superset metadata in reporting-meta")
		d.need(vm, d.ref["bq-orders"], "demo inventory: dashboards query BigQuery")
		bi = append(bi, vm)
	}
	d.ref["dashboards"] = d.group("group:superset", 1, bi, "demo inventory: internal LB over 2 superset VMs")
	// A data-science sandbox nothing depends on.
	for i := 1; i <= 10; i++ {
		z := []string{"europe-west1-b", "europe-west1-c", "europe-west1-d"}[i%3]
		d.place(graph.Node{ID: fmt.Sprintf("%s%s/zones/%s/instances/workbench-%02d", computeV1, p, z, i), Kind: "instance",
			Type: "compute.googleapis.com/Instance", Provider: "gcp", Account: p, Region: region, Zones: []string{z},
			Name: fmt.Sprintf("workbench-%02d", i), Tags: map[string]string{"team": team, "env": "sandbox"},
			Evidence: "compute.instances.aggregatedList zone=" + z}, "Instance.zone="+z)
	}
	for _, sub := range []string{"events-to-bq", "events-archive", "ml-features"} {
		id := d.res(graph.Node{ID: "https://pubsub.googleapis.com/v1/projects/" + p + "/subscriptions/" + sub, Kind: "queue",
			Type: "pubsub.googleapis.com/Subscription", Provider: "gcp", Account: p, Name: sub, Tags: tags(svc, team),
			Evidence: "pubsub.projects.subscriptions.list"})
		d.need(id, d.b.ManagedService("gcp", graph.GlobalRegion, "pubsub"), "Pub/Sub is a global service")
	}
	for _, b := range []string{"raw-events", "ml-features", "exports"} {
		d.managed(graph.Node{ID: "https://www.googleapis.com/storage/v1/b/bramblecart-" + b, Kind: "bucket",
			Type: "storage.googleapis.com/Bucket", Provider: "gcp", Account: p, Region: region, Name: "bramblecart-" + b,
			Tags: tags(svc, team), Attrs: map[string]any{"stored_bytes": int64(12) << 40},
			Evidence: "storage.buckets.list location=EUROPE-WEST1"}, "storage", "regional bucket")
	}
}

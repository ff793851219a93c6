package gcpfake

func sql(p, name, region, availability, zone, secondary string) Asset {
	loc := map[string]any{"zone": zone, "kind": "sql#locationPreference"}
	data := map[string]any{"kind": "sql#instance", "name": name, "project": p, "region": region, "gceZone": zone,
		"databaseVersion": "POSTGRES_15", "state": "RUNNABLE", "instanceType": "CLOUD_SQL_INSTANCE",
		"selfLink":       "https://sqladmin.googleapis.com/sql/v1beta4/projects/" + p + "/instances/" + name,
		"connectionName": p + ":" + region + ":" + name, "rootPassword": "root-pw-fake-123",
		"settings": map[string]any{"tier": "db-custom-2-7680", "availabilityType": availability, "locationPreference": loc,
			"userLabels": map[string]any{"service": "orders"}}}
	if secondary != "" {
		data["secondaryGceZone"] = secondary
		loc["secondaryZone"] = secondary
	}
	return asset(p, "sqladmin.googleapis.com/Instance", "projects/"+p+"/instances/"+name, region, data)
}

// prodData: databases, caches, storage and messaging.
func prodData(p string) []Asset {
	r := "us-central1"
	replica := sql(p, "orders-replica", r, "ZONAL", "us-central1-c", "")
	replica.Resource.Data["masterInstanceName"] = p + ":orders-db"
	replica.Resource.Data["instanceType"] = "READ_REPLICA_INSTANCE"
	primary := sql(p, "orders-db", r, "REGIONAL", "us-central1-a", "us-central1-b")
	primary.Resource.Data["replicaNames"] = []any{"orders-replica"}
	redis := func(name, tier, zone, alt string) Asset {
		d := map[string]any{"name": "projects/" + p + "/locations/" + r + "/instances/" + name, "tier": tier,
			"locationId": zone, "memorySizeGb": 5, "state": "READY", "authString": "hunter2-label-secret"}
		if alt != "" {
			d["alternativeLocationId"] = alt
		}
		return asset(p, "redis.googleapis.com/Instance", "projects/"+p+"/locations/"+r+"/instances/"+name, r, d)
	}
	bucket := func(name, location, locType string, dataLocations ...any) Asset {
		d := map[string]any{"kind": "storage#bucket", "name": name, "id": name, "location": location, "locationType": locType,
			"selfLink": "https://www.googleapis.com/storage/v1/b/" + name, "projectNumber": projectNumbers[p], "storageClass": "STANDARD"}
		if len(dataLocations) > 0 {
			d["customPlacementConfig"] = map[string]any{"dataLocations": dataLocations}
		}
		return asset(p, "storage.googleapis.com/Bucket", "projects/_/buckets/"+name, location, d)
	}
	spanner := func(name, config string) Asset {
		return asset(p, "spanner.googleapis.com/Instance", "projects/"+p+"/instances/"+name, "", map[string]any{
			"name": "projects/" + p + "/instances/" + name, "config": "projects/" + p + "/instanceConfigs/" + config, "nodeCount": 1, "state": "READY"})
	}
	return []Asset{
		// Cloud SQL: an HA primary in two zones, its read replica, a zonal one.
		primary, replica, sql(p, "reports-db", r, "ZONAL", "us-central1-f", ""),
		// Memorystore: Standard HA across two zones; Basic in one.
		redis("sessions", "STANDARD_HA", "us-central1-a", "us-central1-f"), redis("cache-basic", "BASIC", "us-central1-b", ""),
		// Spanner: regional (three zones of one region) and multi-region.
		spanner("ledger", "regional-us-central1"), spanner("global-ledger", "nam3"),
		// Buckets: multi-region, region, configurable and predefined dual-region.
		bucket("shop-assets", "US", "multi-region"), bucket("shop-logs", "US-CENTRAL1", "region"),
		bucket("shop-dual", "US", "dual-region", "US-CENTRAL1", "US-EAST1"), bucket("shop-nam4", "NAM4", "dual-region"),
		// Filestore: a zonal Basic share and a regional Enterprise one.
		asset(p, "file.googleapis.com/Instance", "projects/"+p+"/locations/us-central1-c/instances/shared-fs", "us-central1-c",
			map[string]any{"name": "projects/" + p + "/locations/us-central1-c/instances/shared-fs", "tier": "BASIC_HDD", "state": "READY"}),
		asset(p, "file.googleapis.com/Instance", "projects/"+p+"/locations/"+r+"/instances/ha-fs", r,
			map[string]any{"name": "projects/" + p + "/locations/" + r + "/instances/ha-fs", "tier": "ENTERPRISE", "state": "READY"}),
		// BigQuery in the US multi-region; Firestore in nam5.
		asset(p, "bigquery.googleapis.com/Dataset", "projects/"+p+"/datasets/analytics", "US", map[string]any{
			"kind": "bigquery#dataset", "id": p + ":analytics", "location": "US", "datasetReference": map[string]any{"datasetId": "analytics", "projectId": p}}),
		asset(p, "firestore.googleapis.com/Database", "projects/"+p+"/databases/(default)", "nam5", map[string]any{
			"name": "projects/" + p + "/databases/(default)", "locationId": "nam5", "type": "FIRESTORE_NATIVE"}),
		// Pub/Sub: a topic whose messages may only be stored in one region.
		asset(p, "pubsub.googleapis.com/Topic", "projects/"+p+"/topics/orders", "", map[string]any{
			"name": "projects/" + p + "/topics/orders", "messageStoragePolicy": map[string]any{"allowedPersistenceRegions": []any{r}}}),
		asset(p, "pubsub.googleapis.com/Subscription", "projects/"+p+"/subscriptions/orders-worker", "", map[string]any{
			"name": "projects/" + p + "/subscriptions/orders-worker", "topic": "projects/" + p + "/topics/orders", "ackDeadlineSeconds": 30}),
		// Cloud DNS and an IAM service account (configuration).
		asset(p, "dns.googleapis.com/ManagedZone", "projects/"+p+"/managedZones/shop-zone", "global", map[string]any{
			"name": "shop-zone", "dnsName": "shop.example.com.", "visibility": "public", "id": "5555"}),
		asset(p, "iam.googleapis.com/ServiceAccount", "projects/"+p+"/serviceAccounts/app@"+p+".iam.gserviceaccount.com", "global", map[string]any{
			"name": "projects/" + p + "/serviceAccounts/app@" + p + ".iam.gserviceaccount.com", "email": "app@" + p + ".iam.gserviceaccount.com"}),
	}
}

// prodServerless: Cloud Run and Cloud Functions, regional.
func prodServerless(p string) []Asset {
	return []Asset{
		asset(p, "run.googleapis.com/Service", "projects/"+p+"/locations/us-central1/services/checkout", "us-central1", map[string]any{
			"apiVersion": "serving.knative.dev/v1", "kind": "Service",
			"metadata": map[string]any{"name": "checkout", "namespace": projectNumbers[p],
				"labels": map[string]any{"cloud.googleapis.com/location": "us-central1", "service": "checkout"}},
			"spec": map[string]any{"template": map[string]any{"spec": map[string]any{"containers": []any{map[string]any{
				"image": "gcr.io/shop/checkout", "env": []any{map[string]any{"name": "DB_PASSWORD", "value": "root-pw-fake-123"}}}}}}}}),
		asset(p, "cloudfunctions.googleapis.com/CloudFunction", "projects/"+p+"/locations/europe-west1/functions/resize", "europe-west1", map[string]any{
			"name": "projects/" + p + "/locations/europe-west1/functions/resize", "runtime": "go122", "status": "ACTIVE",
			"environmentVariables": map[string]any{"API_TOKEN": "sk_live_startup_secret"}}),
	}
}

package awsfake

import (
	"fmt"
	"strings"
)

func rdsTag(k, v string) string {
	return fmt.Sprintf("<TagList><Tag><Key>%s</Key><Value>%s</Value></Tag></TagList>", k, v)
}

func dataFixture(d *Data, acct, r string, peers []string) {
	db := func(id string) string { return fmt.Sprintf("arn:aws:rds:%s:%s:db:%s", r, acct, id) }
	d.Add("DescribeDBInstances",
		fmt.Sprintf("<DBInstanceIdentifier>orders</DBInstanceIdentifier><DBInstanceArn>%s</DBInstanceArn><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>postgres</Engine>"+
			"<AvailabilityZone>%sa</AvailabilityZone><MultiAZ>false</MultiAZ><AllocatedStorage>500</AllocatedStorage>%s", db("orders"), r, rdsTag("service", "checkout")),
		fmt.Sprintf("<DBInstanceIdentifier>users</DBInstanceIdentifier><DBInstanceArn>%s</DBInstanceArn><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>mysql</Engine>"+
			"<AvailabilityZone>%sa</AvailabilityZone><SecondaryAvailabilityZone>%sb</SecondaryAvailabilityZone><MultiAZ>true</MultiAZ><AllocatedStorage>100</AllocatedStorage>"+
			"<ReadReplicaDBInstanceIdentifiers><ReadReplicaDBInstanceIdentifier>users-replica</ReadReplicaDBInstanceIdentifier></ReadReplicaDBInstanceIdentifiers>%s",
			db("users"), r, r, rdsTag("connection_string", Secrets[2])),
		fmt.Sprintf("<DBInstanceIdentifier>users-replica</DBInstanceIdentifier><DBInstanceArn>%s</DBInstanceArn><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>mysql</Engine>"+
			"<AvailabilityZone>%sc</AvailabilityZone><MultiAZ>false</MultiAZ><AllocatedStorage>100</AllocatedStorage><ReadReplicaSourceDBInstanceIdentifier>users</ReadReplicaSourceDBInstanceIdentifier>", db("users-replica"), r),
		fmt.Sprintf("<DBInstanceIdentifier>aurora-1</DBInstanceIdentifier><DBInstanceArn>%s</DBInstanceArn><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>aurora-postgresql</Engine>"+
			"<AvailabilityZone>%sa</AvailabilityZone><MultiAZ>false</MultiAZ><DBClusterIdentifier>aurora-main</DBClusterIdentifier>", db("aurora-1"), r),
		fmt.Sprintf("<DBInstanceIdentifier>aurora-2</DBInstanceIdentifier><DBInstanceArn>%s</DBInstanceArn><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>aurora-postgresql</Engine>"+
			"<AvailabilityZone>%sb</AvailabilityZone><MultiAZ>false</MultiAZ><DBClusterIdentifier>aurora-main</DBClusterIdentifier>", db("aurora-2"), r))
	cluster := fmt.Sprintf("arn:aws:rds:%s:%s:cluster:aurora-main", r, acct)
	d.Add("DescribeDBClusters", fmt.Sprintf("<DBClusterIdentifier>aurora-main</DBClusterIdentifier><DBClusterArn>%s</DBClusterArn><Engine>aurora-postgresql</Engine><MultiAZ>true</MultiAZ>"+
		"<AvailabilityZones><AvailabilityZone>%sa</AvailabilityZone><AvailabilityZone>%sb</AvailabilityZone><AvailabilityZone>%sc</AvailabilityZone></AvailabilityZones>"+
		"<DBClusterMembers><DBClusterMember><DBInstanceIdentifier>aurora-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember>"+
		"<DBClusterMember><DBInstanceIdentifier>aurora-2</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter></DBClusterMember></DBClusterMembers>", cluster, r, r, r))
	if len(peers) > 1 {
		var members strings.Builder
		for _, p := range peers {
			fmt.Fprintf(&members, "<GlobalClusterMember><DBClusterArn>arn:aws:rds:%s:%s:cluster:aurora-main</DBClusterArn><IsWriter>%t</IsWriter></GlobalClusterMember>", p, acct, p == peers[0])
		}
		d.Add("DescribeGlobalClusters", fmt.Sprintf("<GlobalClusterIdentifier>global-main</GlobalClusterIdentifier><GlobalClusterArn>arn:aws:rds::%s:global-cluster:global-main</GlobalClusterArn>"+
			"<Engine>aurora-postgresql</Engine><GlobalClusterMembers>%s</GlobalClusterMembers>", acct, members.String()))
	}
	for _, name := range []string{"carts", "events", "sessions"} {
		d.Add("ListTables", fmt.Sprintf("%q", name))
		replicas := ""
		if name == "sessions" && len(peers) > 1 {
			var rs []string
			for _, p := range peers {
				if p != r {
					rs = append(rs, fmt.Sprintf(`{"RegionName":%q,"ReplicaStatus":"ACTIVE"}`, p))
				}
			}
			replicas = `,"Replicas":[` + strings.Join(rs, ",") + `]`
		}
		d.Raw["DescribeTable|"+name] = fmt.Sprintf(`{"Table":{"TableName":%q,"TableArn":"arn:aws:dynamodb:%s:%s:table/%s","TableStatus":"ACTIVE","TableSizeBytes":1048576%s}}`,
			name, r, acct, name, replicas)
	}
	d.Add("DescribeReplicationGroups", fmt.Sprintf("<ReplicationGroupId>cache-main</ReplicationGroupId><ARN>arn:aws:elasticache:%s:%s:replicationgroup:cache-main</ARN>"+
		"<Engine>redis</Engine><AutomaticFailover>disabled</AutomaticFailover><MultiAZ>disabled</MultiAZ><MemberClusters><ClusterId>cache-main-001</ClusterId><ClusterId>cache-main-002</ClusterId></MemberClusters>"+
		"<NodeGroups><NodeGroup><NodeGroupId>0001</NodeGroupId><NodeGroupMembers>"+
		"<NodeGroupMember><CacheClusterId>cache-main-001</CacheClusterId><PreferredAvailabilityZone>%sa</PreferredAvailabilityZone><CurrentRole>primary</CurrentRole></NodeGroupMember>"+
		"<NodeGroupMember><CacheClusterId>cache-main-002</CacheClusterId><PreferredAvailabilityZone>%sb</PreferredAvailabilityZone><CurrentRole>replica</CurrentRole></NodeGroupMember>"+
		"</NodeGroupMembers></NodeGroup></NodeGroups>", r, acct, r, r))
}

func computeFixture(d *Data, acct, r string) {
	fn := func(name string) string { return fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", r, acct, name) }
	d.Add("ListFunctions",
		fmt.Sprintf(`{"FunctionName":"worker","FunctionArn":%q,"Runtime":"python3.12","MemorySize":512,"VpcConfig":{"SubnetIds":["subnet-priv-a","subnet-priv-b"],"VpcId":"vpc-1"},`+
			`"Environment":{"Variables":{"DB_PASSWORD":%q,"DATABASE_URL":%q}}}`, fn("worker"), Secrets[1], Secrets[2]),
		fmt.Sprintf(`{"FunctionName":"api-handler","FunctionArn":%q,"Runtime":"nodejs20.x","MemorySize":256}`, fn("api-handler")))
	queue := func(name string) string { return fmt.Sprintf("arn:aws:sqs:%s:%s:%s", r, acct, name) }
	d.Add("ListEventSourceMappings", fmt.Sprintf(`{"UUID":"esm-1","EventSourceArn":%q,"FunctionArn":%q,"State":"Enabled"}`, queue("jobs"), fn("worker")),
		fmt.Sprintf(`{"UUID":"esm-2","EventSourceArn":"arn:aws:dynamodb:%s:%s:table/events/stream/2026-01-01T00:00:00.000","FunctionArn":%q,"State":"Enabled"}`, r, acct, fn("worker")+":live"))
	for _, q := range []string{"jobs", "jobs-dlq", "orders.fifo"} {
		d.Add("ListQueues", fmt.Sprintf(`"%s/%s/%s"`, "https://sqs."+r+".amazonaws.com", acct, q))
	}
	// The Resource Groups Tagging API: tags of resources whose listings carry
	// none, one of them secret-looking, and one of a resource not collected.
	d.Add("GetResources",
		fmt.Sprintf(`{"ResourceARN":%q,"Tags":[{"Key":"service","Value":"checkout"},{"Key":"api_token","Value":%q}]}`, queue("jobs"), Secrets[0]),
		fmt.Sprintf(`{"ResourceARN":"arn:aws:kinesis:%s:%s:stream/clicks","Tags":[{"Key":"team","Value":"analytics"}]}`, r, acct),
		fmt.Sprintf(`{"ResourceARN":"arn:aws:glue:%s:%s:job/nightly","Tags":[{"Key":"team","Value":"data"}]}`, r, acct))
	topic := fmt.Sprintf("arn:aws:sns:%s:%s:alerts", r, acct)
	d.Add("ListTopics", fmt.Sprintf("<TopicArn>%s</TopicArn>", topic))
	d.Add("ListSubscriptions", fmt.Sprintf("<SubscriptionArn>%s:sub-1</SubscriptionArn><Owner>%s</Owner><Protocol>sqs</Protocol><Endpoint>%s</Endpoint><TopicArn>%s</TopicArn>", topic, acct, queue("jobs"), topic),
		fmt.Sprintf("<SubscriptionArn>%s:sub-2</SubscriptionArn><Owner>%s</Owner><Protocol>email</Protocol><Endpoint>oncall@example.com</Endpoint><TopicArn>%s</TopicArn>", topic, acct, topic))
	d.Add("ListStreams", fmt.Sprintf(`{"StreamName":"clicks","StreamARN":"arn:aws:kinesis:%s:%s:stream/clicks","StreamStatus":"ACTIVE","StreamModeDetails":{"StreamMode":"ON_DEMAND"}}`, r, acct))
	ecsCluster := fmt.Sprintf("arn:aws:ecs:%s:%s:cluster/prod", r, acct)
	ecsService := fmt.Sprintf("arn:aws:ecs:%s:%s:service/prod/api", r, acct)
	d.Add("ListClusters", fmt.Sprintf("%q", ecsCluster))
	d.Raw["DescribeClusters|"+ecsCluster] = fmt.Sprintf(`{"clusterArn":%q,"clusterName":"prod","status":"ACTIVE","activeServicesCount":1,"runningTasksCount":3}`, ecsCluster)
	d.Add("ListServices|"+ecsCluster, fmt.Sprintf("%q", ecsService))
	d.Raw["DescribeServices|"+ecsService] = fmt.Sprintf(`{"serviceArn":%q,"serviceName":"api","clusterArn":%q,"launchType":"FARGATE","desiredCount":3,"runningCount":3,`+
		`"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-priv-a","subnet-priv-b","subnet-priv-c"]}}}`, ecsService, ecsCluster)
	eksCluster := fmt.Sprintf("arn:aws:eks:%s:%s:cluster/k8s", r, acct)
	d.Add("ListClusters#eks", `"k8s"`)
	d.Raw["DescribeCluster|k8s"] = fmt.Sprintf(`{"cluster":{"name":"k8s","arn":%q,"version":"1.31","status":"ACTIVE","resourcesVpcConfig":{"subnetIds":["subnet-priv-a","subnet-priv-b","subnet-priv-c"]},"tags":{"team":"platform","api_token":%q}}}`,
		eksCluster, Secrets[0])
	d.Add("ListNodegroups|k8s", `"ng-1"`)
	d.Raw["DescribeNodegroup|k8s/ng-1"] = fmt.Sprintf(`{"nodegroup":{"nodegroupName":"ng-1","nodegroupArn":"arn:aws:eks:%s:%s:nodegroup/k8s/ng-1/uuid","clusterName":"k8s",`+
		`"scalingConfig":{"minSize":2,"maxSize":4,"desiredSize":2},"subnets":["subnet-priv-a"],"capacityType":"ON_DEMAND"}}`, r, acct)
	ids := zoneIDs(r)
	d.Add("DescribeFileSystems",
		fmt.Sprintf(`{"FileSystemId":"fs-onezone","FileSystemArn":"arn:aws:elasticfilesystem:%s:%s:file-system/fs-onezone","AvailabilityZoneId":%q,"AvailabilityZoneName":"%sa","SizeInBytes":{"Value":4096},"Tags":[{"Key":"Name","Value":"scratch"}]}`, r, acct, ids["a"], r),
		fmt.Sprintf(`{"FileSystemId":"fs-regional","FileSystemArn":"arn:aws:elasticfilesystem:%s:%s:file-system/fs-regional","SizeInBytes":{"Value":8192},"Tags":[]}`, r, acct))
	d.Add("GetRestApis", `{"id":"rest1","name":"legacy-api","endpointConfiguration":{"types":["REGIONAL"]}}`)
	d.Add("GetResources|rest1", `{"id":"root","path":"/"}`,
		fmt.Sprintf(`{"id":"res-pay","path":"/pay","resourceMethods":{"POST":{"httpMethod":"POST","methodIntegration":{"type":"AWS_PROXY","uri":"arn:aws:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations"}}}}`, r, fn("api-handler")),
		`{"id":"res-mock","path":"/health","resourceMethods":{"GET":{"httpMethod":"GET","methodIntegration":{"type":"MOCK"}}}}`)
	d.Add("GetApis", fmt.Sprintf(`{"apiId":"http1","name":"http-api","protocolType":"HTTP","apiEndpoint":"https://http1.execute-api.%s.amazonaws.com"}`, r))
	d.Add("GetIntegrations|http1", fmt.Sprintf(`{"integrationId":"int1","integrationType":"AWS_PROXY","integrationUri":%q}`, fn("api-handler")),
		fmt.Sprintf(`{"integrationId":"int2","integrationType":"HTTP_PROXY","integrationUri":"https://web-123.%s.elb.amazonaws.com/orders"}`, r))
}

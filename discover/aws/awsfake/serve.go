package awsfake

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// spec says how an operation's listing is paged and wrapped on the wire.
type spec struct {
	list   string // response element or field holding the items
	item   string // XML element of one item
	tokIn  string // request parameter carrying the page token
	tokOut string // response element or field carrying the next token
	key    string // request parameter naming the parent, if any
	raw    bool   // the answer is a whole stored body (Raw[op|key])
	batch  string // JSON request list: answer the stored item of each
}

var specs = map[string]spec{
	"ec2:DescribeRegions":                   {list: "regionInfo", item: "item"},
	"ec2:DescribeAvailabilityZones":         {list: "availabilityZoneInfo", item: "item"},
	"ec2:DescribeVpcs":                      {list: "vpcSet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"ec2:DescribeSubnets":                   {list: "subnetSet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"ec2:DescribeRouteTables":               {list: "routeTableSet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"ec2:DescribeNatGateways":               {list: "natGatewaySet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"ec2:DescribeInstances":                 {list: "reservationSet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"ec2:DescribeVolumes":                   {list: "volumeSet", item: "item", tokIn: "NextToken", tokOut: "nextToken"},
	"elbv2:DescribeLoadBalancers":           {list: "LoadBalancers", item: "member", tokIn: "Marker", tokOut: "NextMarker"},
	"elbv2:DescribeListeners":               {list: "Listeners", item: "member", tokIn: "Marker", tokOut: "NextMarker", key: "LoadBalancerArn"},
	"elbv2:DescribeTargetGroups":            {list: "TargetGroups", item: "member", tokIn: "Marker", tokOut: "NextMarker"},
	"elbv2:DescribeTargetHealth":            {list: "TargetHealthDescriptions", item: "member", key: "TargetGroupArn"},
	"elb:DescribeLoadBalancers":             {list: "LoadBalancerDescriptions", item: "member", tokIn: "Marker", tokOut: "NextMarker"},
	"autoscaling:DescribeAutoScalingGroups": {list: "AutoScalingGroups", item: "member", tokIn: "NextToken", tokOut: "NextToken"},
	"rds:DescribeDBInstances":               {list: "DBInstances", item: "DBInstance", tokIn: "Marker", tokOut: "Marker"},
	"rds:DescribeDBClusters":                {list: "DBClusters", item: "DBCluster", tokIn: "Marker", tokOut: "Marker"},
	"rds:DescribeGlobalClusters":            {list: "GlobalClusters", item: "GlobalClusterMember", tokIn: "Marker", tokOut: "Marker"},
	"elasticache:DescribeReplicationGroups": {list: "ReplicationGroups", item: "ReplicationGroup", tokIn: "Marker", tokOut: "Marker"},
	"sns:ListTopics":                        {list: "Topics", item: "member", tokIn: "NextToken", tokOut: "NextToken"},
	"sns:ListSubscriptions":                 {list: "Subscriptions", item: "member", tokIn: "NextToken", tokOut: "NextToken"},
	"sts:GetCallerIdentity":                 {raw: true},
	"sts:AssumeRole":                        {raw: true},
	"dynamodb:ListTables":                   {list: "TableNames", tokIn: "ExclusiveStartTableName", tokOut: "LastEvaluatedTableName"},
	"dynamodb:DescribeTable":                {raw: true, key: "TableName"},
	"kinesis:ListStreams":                   {list: "StreamSummaries", tokIn: "NextToken", tokOut: "NextToken"},
	"sqs:ListQueues":                        {list: "QueueUrls", tokIn: "NextToken", tokOut: "NextToken"},
	"tagging:GetResources":                  {list: "ResourceTagMappingList", tokIn: "PaginationToken", tokOut: "PaginationToken"},
	"ecs:ListClusters":                      {list: "clusterArns", tokIn: "nextToken", tokOut: "nextToken"},
	"ecs:DescribeClusters":                  {list: "clusters", batch: "clusters"},
	"ecs:ListServices":                      {list: "serviceArns", tokIn: "nextToken", tokOut: "nextToken", key: "cluster"},
	"ecs:DescribeServices":                  {list: "services", batch: "services"},
	"lambda:ListFunctions":                  {list: "Functions", tokIn: "Marker", tokOut: "NextMarker"},
	"lambda:ListEventSourceMappings":        {list: "EventSourceMappings", tokIn: "Marker", tokOut: "NextMarker"},
	"eks:ListClusters":                      {list: "clusters", tokIn: "nextToken", tokOut: "nextToken"},
	"eks:DescribeCluster":                   {raw: true},
	"eks:ListNodegroups":                    {list: "nodegroups", tokIn: "nextToken", tokOut: "nextToken"},
	"eks:DescribeNodegroup":                 {raw: true},
	"elasticfilesystem:DescribeFileSystems": {list: "FileSystems", tokIn: "Marker", tokOut: "NextMarker"},
	"apigateway:GetRestApis":                {list: "item", tokIn: "position", tokOut: "position"},
	"apigateway:GetResources":               {list: "item", tokIn: "position", tokOut: "position"},
	"apigateway:GetApis":                    {list: "items", tokIn: "nextToken", tokOut: "nextToken"},
	"apigateway:GetIntegrations":            {list: "items", tokIn: "nextToken", tokOut: "nextToken"},
	"s3:ListBuckets":                        {list: "Buckets", item: "Bucket", tokIn: "continuation-token", tokOut: "ContinuationToken"},
	"s3:GetBucketReplication":               {raw: true},
	"s3:GetBucketLocation":                  {raw: true},
	"route53:ListHostedZones":               {list: "HostedZones", item: "HostedZone", tokIn: "marker", tokOut: "NextMarker"},
	"route53:ListResourceRecordSets":        {list: "ResourceRecordSets", item: "ResourceRecordSet", tokIn: "name", tokOut: "NextRecordName"},
	"route53:ListHealthChecks":              {list: "HealthChecks", item: "HealthCheck", tokIn: "marker", tokOut: "NextMarker"},
	"cloudfront:ListDistributions":          {list: "Items", item: "DistributionSummary", tokIn: "Marker", tokOut: "NextMarker"},
}

func (s *Server) serve(w http.ResponseWriter, req *request) {
	if req.service == "sts" {
		s.serveSTS(w, req)
		return
	}
	sp, ok := specs[req.service+":"+req.op]
	if !ok {
		writeError(w, req, http.StatusBadRequest, "InvalidAction", "the fake does not know "+req.service+":"+req.op)
		return
	}
	acct, d, err := s.data(req)
	if err != nil {
		writeError(w, req, http.StatusForbidden, "InvalidClientTokenId", err.Error())
		return
	}
	key := req.key
	if sp.key != "" {
		key = req.params[sp.key]
	}
	lookup := req.op
	switch req.service { // operation names that two services share
	case "elb":
		lookup += "#classic"
	case "eks":
		if req.op == "ListClusters" {
			lookup += "#eks"
		}
	}
	if key != "" {
		lookup += "|" + key
	}
	switch {
	case req.op == "DescribeRegions":
		writeRegions(w, req, acct)
		return
	case sp.raw:
		body, ok := d.Raw[lookup]
		if !ok {
			writeError(w, req, http.StatusNotFound, notFoundCode(req), "not found: "+lookup)
			return
		}
		writeRaw(w, req, body)
		return
	case sp.batch != "":
		var items []string
		for _, id := range req.lists[sp.batch] {
			items = append(items, d.Raw[req.op+"|"+id])
		}
		writeList(w, req, sp, items, "")
		return
	}
	items := d.Lists[lookup]
	start := 0
	if tok := req.params[sp.tokIn]; sp.tokIn != "" && tok != "" {
		num, _, _ := strings.Cut(strings.TrimPrefix(tok, "page-"), "~") // ~N: EndlessOp's serial
		start, err = strconv.Atoi(num)
		if err != nil || start < 0 || start > len(items) {
			writeError(w, req, http.StatusBadRequest, "InvalidToken", "bad page token")
			return
		}
	}
	end, next := len(items), ""
	if sp.tokOut != "" && s.PageSize > 0 && start+s.PageSize < len(items) {
		end, next = start+s.PageSize, fmt.Sprintf("page-%d", start+s.PageSize)
	}
	switch req.op {
	case s.LoopOp:
		end, next = min(start+1, len(items)), "page-0"
	case s.EndlessOp:
		s.mu.Lock()
		s.serial++
		end, next = min(start+1, len(items)), fmt.Sprintf("page-0~%d", s.serial)
		s.mu.Unlock()
	}
	writeList(w, req, sp, items[start:end], next)
}

func notFoundCode(req *request) string {
	switch req.op {
	case "GetBucketReplication":
		return "ReplicationConfigurationNotFoundError"
	}
	return "ResourceNotFoundException"
}

func writeRegions(w http.ResponseWriter, req *request, acct *Account) {
	var items []string
	names := make([]string, 0, len(acct.Regions))
	for name := range acct.Regions {
		names = append(names, name)
	}
	for _, name := range names {
		items = append(items, fmt.Sprintf("<regionName>%s</regionName><optInStatus>opt-in-not-required</optInStatus>", name))
	}
	if req.params["AllRegions"] == "true" {
		for _, name := range acct.OptIn {
			items = append(items, fmt.Sprintf("<regionName>%s</regionName><optInStatus>not-opted-in</optInStatus>", name))
		}
	}
	writeList(w, req, specs["ec2:DescribeRegions"], items, "")
}

// serveSTS answers who the caller is and hands out credentials for roles:
// the access key id ends with the account id, so later calls land there.
func (s *Server) serveSTS(w http.ResponseWriter, req *request) {
	switch req.op {
	case "GetCallerIdentity":
		if s.Accounts[req.account] == nil {
			writeError(w, req, http.StatusForbidden, "InvalidClientTokenId", "unknown access key")
			return
		}
		writeRaw(w, req, fmt.Sprintf("<Account>%s</Account><Arn>arn:aws:iam::%s:user/auditor</Arn><UserId>AIDAFAKE</UserId>", req.account, req.account))
	case "AssumeRole":
		role := req.params["RoleArn"]
		parts := strings.Split(role, ":")
		if len(parts) < 6 || s.Accounts[parts[4]] == nil {
			writeError(w, req, http.StatusForbidden, "AccessDenied", "cannot assume "+role)
			return
		}
		s.mu.Lock()
		s.externalIDs = append(s.externalIDs, req.params["ExternalId"])
		s.mu.Unlock()
		writeRaw(w, req, fmt.Sprintf("<Credentials><AccessKeyId>ASIAFAKE%s</AccessKeyId><SecretAccessKey>fake</SecretAccessKey>"+
			"<SessionToken>fake</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"+
			"<AssumedRoleUser><Arn>%s/untether</Arn><AssumedRoleId>AROAFAKE:untether</AssumedRoleId></AssumedRoleUser>", parts[4], role))
	default:
		writeError(w, req, http.StatusBadRequest, "InvalidAction", req.op)
	}
}

// ExternalIDs are the external ids AssumeRole calls carried.
func (s *Server) ExternalIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.externalIDs...)
}

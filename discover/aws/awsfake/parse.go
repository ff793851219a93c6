package awsfake

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
)

// request is what the fake understood of one HTTP request.
type request struct {
	proto   string // ec2, query, json, restjson, s3, restxml
	service string // signing name, elasticloadbalancing split into elb and elbv2
	op      string
	region  string
	account string
	params  map[string]string   // form, query-string and top-level JSON strings
	lists   map[string][]string // top-level JSON string lists
	key     string              // the parent named in a REST path
}

func (r *request) global() bool {
	switch r.service {
	case "s3", "route53", "cloudfront", "sts":
		return true
	}
	return false
}

// parse reads the SigV4 scope, then the operation as each protocol names it.
func parse(r *http.Request) (*request, error) {
	auth := r.Header.Get("Authorization")
	i := strings.Index(auth, "Credential=")
	if i < 0 {
		return nil, errors.New("unsigned request")
	}
	scope := strings.Split(strings.SplitN(auth[i+len("Credential="):], ",", 2)[0], "/")
	if len(scope) < 5 || len(scope[0]) < 12 {
		return nil, errors.New("bad credential scope")
	}
	req := &request{service: scope[3], region: scope[2], account: scope[0][len(scope[0])-12:],
		params: map[string]string{}, lists: map[string][]string{}}
	for k, v := range r.URL.Query() {
		req.params[k] = v[0]
	}
	switch req.service {
	case "ec2", "elasticloadbalancing", "autoscaling", "rds", "elasticache", "sns", "sts":
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
		for k, v := range r.PostForm {
			req.params[k] = v[0]
		}
		req.op, req.proto = req.params["Action"], "query"
		switch {
		case req.service == "ec2":
			req.proto = "ec2"
		case req.service == "elasticloadbalancing" && req.params["Version"] == "2015-12-01":
			req.service = "elbv2"
		case req.service == "elasticloadbalancing":
			req.service = "elb"
		}
	case "dynamodb", "kinesis", "sqs", "ecs", "tagging":
		req.proto = "json"
		target := r.Header.Get("X-Amz-Target")
		req.op = target[strings.LastIndex(target, ".")+1:]
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if len(body) > 0 {
			if err := json.Unmarshal(body, &m); err != nil {
				return nil, err
			}
		}
		for k, v := range m {
			switch v := v.(type) {
			case string:
				req.params[k] = v
			case []any:
				for _, x := range v {
					if s, ok := x.(string); ok {
						req.lists[k] = append(req.lists[k], s)
					}
				}
			}
		}
	case "lambda", "eks", "elasticfilesystem", "apigateway":
		req.proto = "restjson"
		req.op, req.key = restOp(r.Method, r.URL.Path, r.URL.RawQuery, restJSONRoutes)
	case "s3":
		req.proto = "s3"
		req.op, req.key = s3Op(r)
	case "route53", "cloudfront":
		req.proto = "restxml"
		req.op, req.key = restOp(r.Method, r.URL.Path, r.URL.RawQuery, restXMLRoutes)
	default:
		return nil, errors.New("unknown service " + req.service)
	}
	return req, nil
}

// route is a REST path pattern; "*" matches one segment, which becomes the key.
type route struct{ pattern, op string }

var restJSONRoutes = []route{
	{"/2015-03-31/functions", "ListFunctions"},
	{"/2015-03-31/event-source-mappings", "ListEventSourceMappings"},
	{"/clusters", "ListClusters"},
	{"/clusters/*", "DescribeCluster"},
	{"/clusters/*/node-groups", "ListNodegroups"},
	{"/clusters/*/node-groups/*", "DescribeNodegroup"},
	{"/2015-02-01/file-systems", "DescribeFileSystems"},
	{"/restapis", "GetRestApis"},
	{"/restapis/*/resources", "GetResources"},
	{"/v2/apis", "GetApis"},
	{"/v2/apis/*/integrations", "GetIntegrations"},
}

var restXMLRoutes = []route{
	{"/2013-04-01/hostedzone", "ListHostedZones"},
	{"/2013-04-01/hostedzone/*/rrset", "ListResourceRecordSets"},
	{"/2013-04-01/healthcheck", "ListHealthChecks"},
	{"/2020-05-31/distribution", "ListDistributions"},
}

// restOp names the operation of a REST call; anything but a known GET is
// named by its method and path, which is not a read-only name.
func restOp(method, path, query string, routes []route) (op, key string) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if method == http.MethodGet {
		for _, rt := range routes {
			pat := strings.Split(strings.Trim(rt.pattern, "/"), "/")
			if len(pat) != len(segs) {
				continue
			}
			var keys []string
			ok := true
			for i, p := range pat {
				if p == "*" {
					keys = append(keys, segs[i])
				} else if p != segs[i] {
					ok = false
					break
				}
			}
			if ok {
				return rt.op, strings.Join(keys, "/")
			}
		}
	}
	return method + " " + path + "?" + query, ""
}

func s3Op(r *http.Request) (op, key string) {
	bucket := strings.Trim(r.URL.Path, "/")
	q := r.URL.Query()
	switch {
	case r.Method != http.MethodGet:
	case bucket == "":
		return "ListBuckets", ""
	case q.Has("replication"):
		return "GetBucketReplication", bucket
	case q.Has("location"):
		return "GetBucketLocation", bucket
	}
	return r.Method + " " + r.URL.Path + "?" + r.URL.RawQuery, bucket
}

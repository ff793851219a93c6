package aws_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/aws"
	"github.com/untether-dev/untether/discover/aws/awsfake"
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// TestFixtureSPOFs runs the collected fixture through the simulator with a
// checkout service and checks the SPOFs the fixture was built to have.
func TestFixtureSPOFs(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/credentials")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	const acct = "111122223333"
	f := awsfake.New(awsfake.Fixture(acct, "us-east-1", "eu-west-1"))
	defer f.Close()
	e, err := aws.Collect(context.Background(), aws.Options{
		EndpointURL: f.URL, HTTPClient: f.Client(), Run: discover.RunOptions{MaxBackoff: time.Millisecond},
		Credentials: credentials.NewStaticCredentialsProvider("AKIAFAKE"+acct, "fake", ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	b := graph.NewBuilder()
	b.Merge(e)
	svc := b.Node(graph.Node{ID: "service:checkout", Class: graph.ClassService, Name: "checkout", Tier: 1}).ID
	for _, need := range []string{
		"arn:aws:route53:::hostedzone/Z1EXAMPLE/recordset/www.example.com/A",
		"arn:aws:rds:us-east-1:" + acct + ":db:orders",
		"arn:aws:rds:us-east-1:" + acct + ":db:users",
		"arn:aws:dynamodb::" + acct + ":global-table/sessions",
	} {
		if b.Get(need) == nil {
			t.Fatalf("fixture lacks %s", need)
		}
		b.Edge(svc, need, "test")
	}
	est, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	m, err := simulate.NewModel(est, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	spofs := map[string]bool{}
	for _, s := range m.Audit().SPOFs {
		spofs[s.Node] = true
	}
	for id, want := range map[string]bool{
		"arn:aws:ec2:us-east-1:" + acct + ":natgateway/nat-a": true, // private subnets of zones b and c egress through zone a
		"arn:aws:ec2:us-east-1:" + acct + ":instance/i-web1":  true, // the ASG needs 2 of 2
		"arn:aws:rds:us-east-1:" + acct + ":db:orders":        true, // single-AZ
		"aws/us-east-1/use1-az2":                              true, // zone a: orders, nat-a
		"aws/us-east-1/use1-az1":                              true, // zone b: web-2 (2 of 2)
		"aws/us-east-1/use1-az3":                              false,
		"aws/us-east-1/service/rds":                           true,
		"aws/us-east-1/service/dynamodb":                      false, // a global table
		"aws/global/service/route53":                          true,
	} {
		if spofs[id] != want {
			t.Errorf("SPOF %s: got %v, want %v", id, spofs[id], want)
		}
	}
}

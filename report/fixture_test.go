package report

import (
	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Hand-made results: the simulator is not needed to test the writers.

func fixtureAudit() *simulate.Audit {
	return &simulate.Audit{
		Version: simulate.AuditVersion,
		Estate:  simulate.EstateSummary{Nodes: 42, Resources: 30, Services: 9, Critical: 9, Edges: 77, Generic: []simulate.TypeCount{{Type: "AWS::Foo::Bar", Count: 2}}},
		Score:   simulate.Score{Resilience: 71.4, Grade: "C", Method: "score(s) = 100 x (0.25 survive_resource + 0.30 survive_zone + 0.30 survive_region + 0.15 survive_provider); estate = tier-weighted mean"},
		Services: []simulate.ServiceScore{
			{Service: "service:checkout", Name: "checkout", Tier: 1, Critical: true, Weight: 8, Score: 55.5, Survive: []simulate.Survival{
				{Level: "resource", Domains: 10, Survived: 8, Share: 0.8}, {Level: "zone", Domains: 3, Survived: 2, Share: 0.667},
				{Level: "region", Domains: 1, Survived: 0, Share: 0}, {Level: "provider", Domains: 2, Survived: 1, Share: 0.5}},
				Availability: &simulate.Availability{Value: 0.9995, Nines: 3.3, DowntimeMinYr: 262.8, Method: "SLA product"}},
			{Service: "service:login", Name: "login", Tier: 1, Critical: true, Weight: 8, Score: 80},
			{Service: "service:search", Name: "search", Tier: 2, Critical: true, Weight: 4, Score: 90},
			{Service: "service:reports", Tier: 3, Weight: 2, Score: 100},
		},
		SPOFs: []simulate.SPOF{
			{Node: "arn:aws:rds:us-east-1:111122223333:db:orders", Level: "resource", Services: []string{"service:checkout"},
				Chain: []string{"service:checkout", "arn:aws:ecs:us-east-1:111122223333:service/prod/checkout-api", "arn:aws:rds:us-east-1:111122223333:db:orders"}},
			{Node: "aws/us-east-1", Level: "region", Services: []string{"service:checkout", "service:login", "service:search", "service:reports"},
				Chain: []string{"service:checkout", "arn:aws:rds:us-east-1:111122223333:db:orders", "aws/us-east-1/use1-az1", "aws/us-east-1"}},
			{Node: "aws/global/service/route53", Level: "service", Services: []string{"service:login"},
				Chain: []string{"service:login", "dns:example.com", "aws/global/service/route53"}},
			{Node: "saas:stripe", Level: "resource", Services: []string{"service:checkout"}, Chain: []string{"service:checkout", "saas:stripe"}},
		},
		DoublePoints: []simulate.DoublePoint{
			{Nodes: [2]string{"aws/us-east-1/use1-az1", "aws/us-east-1/use1-az2"}, Services: []string{"service:search"}},
		},
		Scenarios: []simulate.Scenario{
			{Name: "provider aws", Kind: "provider", Fail: []string{"provider:aws"}, Nodes: []string{"aws"}, ServicesDown: []string{"service:checkout", "service:login", "service:reports", "service:search"}, CriticalDown: 3, WeightedDown: 22, ResourcesDown: 25, ResourceShare: 0.8333, CostPerHour: 38412},
			{Name: "region aws/us-east-1", Kind: "region", Fail: []string{"region:aws/us-east-1"}, Nodes: []string{"aws/us-east-1"}, ServicesDown: []string{"service:checkout", "service:login", "service:reports", "service:search"}, CriticalDown: 3, WeightedDown: 22, ResourcesDown: 20, ResourceShare: 0.6667, CostPerHour: 38412},
			{Name: "zone aws/us-east-1/use1-az1", Kind: "zone", Fail: []string{"zone:aws/us-east-1/use1-az1"}, Nodes: []string{"aws/us-east-1/use1-az1"}, ServicesDown: []string{"service:checkout"}, CriticalDown: 1, WeightedDown: 8, ResourcesDown: 6, ResourceShare: 0.2, CostPerHour: 25000},
			{Name: "provider gcp", Kind: "provider", Fail: []string{"provider:gcp"}, Nodes: []string{"gcp"}, ResourcesDown: 5, ResourceShare: 0.1667},
		},
		Lockin: simulate.Lockin{Estate: 0.46, Method: "data-gravity and criticality weighted mean of resource classes",
			Providers: []simulate.ProviderLockin{{Provider: "aws", Lockin: 0.55, Share: 0.8}, {Provider: "gcp", Lockin: 0.2, Share: 0.2}},
			Services:  []simulate.ServiceLockin{{Service: "service:checkout", Lockin: 0.7}, {Service: "service:login", Lockin: 0.3}},
			Resources: []simulate.ResourceLockin{
				{Node: "arn:aws:dynamodb:us-east-1:111122223333:table/carts", Provider: "aws", Kind: "database", Product: "DynamoDB", Class: "proprietary", Value: 1, Alternatives: []string{"Cassandra", "ScyllaDB"}},
				{Node: "arn:aws:sqs:us-east-1:111122223333:jobs", Provider: "aws", Kind: "queue", Product: "SQS", Class: "moderate", Value: 0.5, Alternatives: []string{"RabbitMQ"}},
			}},
		Concentration: simulate.Concentration{Method: "HHI = sum of squared percentage shares of critical weight",
			Providers: simulate.HHI{Index: 6800, Shares: []simulate.Share{{Key: "aws", Weight: 16, Share: 80}, {Key: "gcp", Weight: 4, Share: 20}}},
			Regions:   simulate.HHI{Index: 5000, Shares: []simulate.Share{{Key: "aws/us-east-1", Weight: 10, Share: 50}, {Key: "aws/eu-west-1", Weight: 6, Share: 30}, {Key: "gcp/europe-west1", Weight: 4, Share: 20}}},
			Zones:     simulate.HHI{Index: 2500, Shares: []simulate.Share{{Key: "aws/us-east-1/use1-az1", Weight: 5, Share: 25}}}},
		Findings: []simulate.Finding{{ID: "spof-1a2b", Rule: "spof-resource", Severity: "critical", Node: "saas:stripe", Services: []string{"service:checkout"}, Message: "stripe alone stops checkout"}},
		Gaps:     []graph.Gap{{Provider: "aws", Account: "111122223333", Region: "eu-west-1", Service: "rds", Status: "denied", Detail: "AccessDenied"}},
	}
}

func fixtureSimulation() *simulate.Simulation {
	return &simulate.Simulation{
		Fail:          []string{"region:aws/us-east-1"},
		Selectors:     []graph.Selector{{Kind: graph.SelectRegion, Value: "aws/us-east-1"}},
		Injected:      []string{"aws/us-east-1"},
		Down:          []string{"arn:aws:rds:us-east-1:111122223333:db:orders", "aws/us-east-1", "aws/us-east-1/use1-az1", "service:checkout"},
		ServicesDown:  []string{"service:checkout"},
		CriticalDown:  1,
		WeightedDown:  8,
		ResourcesDown: 1,
		ResourceShare: 0.0333,
		CostPerHour:   25000,
	}
}

func fixtureExplanation() *simulate.Explanation {
	return &simulate.Explanation{
		Node: "arn:aws:rds:us-east-1:111122223333:db:orders", Level: "resource", IsSPOF: true,
		Down: []simulate.Chain{{Service: "service:checkout",
			Path:     []string{"service:checkout", "arn:aws:ecs:us-east-1:111122223333:service/prod/checkout-api", "arn:aws:rds:us-east-1:111122223333:db:orders"},
			Evidence: []string{"inventory.yaml:12", "ecs task env DATABASE_HOST"}}},
		Survives: []simulate.Absorbed{{Service: "service:search", Groups: []string{"group:orders-replicas"}}},
		Summary:  "orders is a SPOF: its failure alone stops checkout.",
	}
}

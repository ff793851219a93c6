package report

import (
	"testing"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// htmlEstate is a small multi-cloud estate: AWS in two regions, GCP, and
// SaaS payment and identity providers, with SPOFs at every level.
func htmlEstate(t testing.TB) *graph.Estate {
	t.Helper()
	b := graph.NewBuilder()
	svc := func(id, name string, tier int, cost float64) {
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: name, Tier: tier, DowntimeCostPerHour: cost})
	}
	svc("service:checkout", "checkout", 1, 38000)
	svc("service:login", "login", 1, 12000)
	svc("service:search", "search", 2, 4000)
	svc("service:catalog", "catalog", 2, 2500)
	svc("service:reports", "reports", 3, 0)
	res := func(id, name, kind, provider, region string, zones []string) {
		b.Node(graph.Node{ID: id, Class: graph.ClassResource, Name: name, Kind: kind, Provider: provider, Region: region, Zones: zones})
		if provider == "stripe" || provider == "auth0" {
			b.Edge(id, b.Provider(provider), "SaaS")
			return
		}
		b.Place(id, provider, region, zones, "placement")
	}
	res("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout-lb/50dc6c495c0c9188", "checkout-lb", "load_balancer", "aws", "us-east-1", []string{"use1-az1", "use1-az2"})
	res("arn:aws:ecs:us-east-1:111122223333:service/prod/checkout-api", "checkout-api", "container_service", "aws", "us-east-1", []string{"use1-az1", "use1-az2", "use1-az3"})
	res("arn:aws:rds:us-east-1:111122223333:db:orders", "orders", "database", "aws", "us-east-1", []string{"use1-az1"})
	res("arn:aws:dynamodb:us-east-1:111122223333:table/carts", "carts", "database", "aws", "us-east-1", nil)
	b.Edge("arn:aws:dynamodb:us-east-1:111122223333:table/carts", b.ManagedService("aws", "us-east-1", "dynamodb"), "regional service")
	res("arn:aws:sqs:us-east-1:111122223333:jobs", "jobs", "queue", "aws", "us-east-1", nil)
	res("arn:aws:lambda:us-east-1:111122223333:function:session", "session", "function", "aws", "us-east-1", nil)
	res("arn:aws:route53:::hostedzone/Z1D633PJN98FT9", "example.com", "dns_zone", "aws", graph.GlobalRegion, nil)
	b.Edge("arn:aws:route53:::hostedzone/Z1D633PJN98FT9", b.ManagedService("aws", graph.GlobalRegion, "route53"), "global service")
	res("arn:aws:rds:eu-west-1:111122223333:cluster:catalog", "catalog-db", "database", "aws", "eu-west-1", []string{"euw1-az1", "euw1-az2"})
	res("arn:aws:s3:::catalog-assets", "catalog-assets", "bucket", "aws", "eu-west-1", nil)
	res("//container.googleapis.com/projects/shop/locations/europe-west1/clusters/search", "search-gke", "kubernetes", "gcp", "europe-west1", []string{"europe-west1-b", "europe-west1-c"})
	res("//compute.googleapis.com/projects/shop/zones/europe-west1-b/instances/search-es-1", "search-es-1", "instance", "gcp", "europe-west1", []string{"europe-west1-b"})
	res("//bigquery.googleapis.com/projects/shop/datasets/reports", "reports-dw", "warehouse", "gcp", "europe-west1", nil)
	res("saas:stripe", "Stripe", "saas_api", "stripe", "", nil)
	res("saas:auth0", "Auth0", "saas_api", "auth0", "", nil)
	need := func(from string, to ...string) {
		for _, x := range to {
			b.Edge(from, x, "inventory.yaml")
		}
	}
	lb := "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout-lb/50dc6c495c0c9188"
	api := "arn:aws:ecs:us-east-1:111122223333:service/prod/checkout-api"
	dns := "arn:aws:route53:::hostedzone/Z1D633PJN98FT9"
	need("service:checkout", dns, lb)
	need(lb, api)
	need(api, "arn:aws:rds:us-east-1:111122223333:db:orders", "arn:aws:dynamodb:us-east-1:111122223333:table/carts", "arn:aws:sqs:us-east-1:111122223333:jobs", "saas:stripe")
	need("service:login", dns, "arn:aws:lambda:us-east-1:111122223333:function:session", "saas:auth0")
	need("arn:aws:lambda:us-east-1:111122223333:function:session", "arn:aws:dynamodb:us-east-1:111122223333:table/carts")
	need("service:search", dns, "//container.googleapis.com/projects/shop/locations/europe-west1/clusters/search")
	need("//container.googleapis.com/projects/shop/locations/europe-west1/clusters/search", "//compute.googleapis.com/projects/shop/zones/europe-west1-b/instances/search-es-1")
	need("service:catalog", dns, "arn:aws:rds:eu-west-1:111122223333:cluster:catalog", "arn:aws:s3:::catalog-assets")
	need("service:reports", "//bigquery.googleapis.com/projects/shop/datasets/reports")
	b.Gap(graph.Gap{Provider: "aws", Account: "111122223333", Region: "ap-southeast-2", Service: "rds", Status: graph.GapDenied, Detail: "AccessDenied: rds:DescribeDBInstances"})
	b.Gap(graph.Gap{Provider: "gcp", Account: "shop", Region: "us-central1", Service: "compute", Status: graph.GapNotEnabled, Detail: "Compute Engine API has not been used in project shop"})
	e, err := b.Estate()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func htmlSurvive(res, zone, region, provider [2]int) []simulate.Survival {
	mk := func(l graph.Level, v [2]int) simulate.Survival {
		s := simulate.Survival{Level: l, Domains: v[0], Survived: v[1], Share: 1}
		if v[0] > 0 {
			s.Share = float64(v[1]) / float64(v[0])
		}
		return s
	}
	return []simulate.Survival{mk("resource", res), mk("zone", zone), mk("region", region), mk("provider", provider)}
}

// htmlAudit is a hand-made audit of htmlEstate, shaped like the simulator's.
func htmlAudit(e *graph.Estate) *simulate.Audit {
	const orders, carts, stripe, auth0 = "arn:aws:rds:us-east-1:111122223333:db:orders", "arn:aws:dynamodb:us-east-1:111122223333:table/carts", "saas:stripe", "saas:auth0"
	const api, lb, dns = "arn:aws:ecs:us-east-1:111122223333:service/prod/checkout-api", "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/checkout-lb/50dc6c495c0c9188", "arn:aws:route53:::hostedzone/Z1D633PJN98FT9"
	const es = "//compute.googleapis.com/projects/shop/zones/europe-west1-b/instances/search-es-1"
	const gke = "//container.googleapis.com/projects/shop/locations/europe-west1/clusters/search"
	co, lo, se, ca, re := "service:checkout", "service:login", "service:search", "service:catalog", "service:reports"
	sla := &simulate.Availability{Value: 0.99871, Nines: 2.9, DowntimeMinYr: 678, Method: "exact, from published SLAs"}
	a := &simulate.Audit{
		Version: simulate.AuditVersion,
		Estate:  simulate.EstateSummary{Nodes: len(e.Nodes), Resources: 15, Services: 5, Critical: 4, Edges: len(e.Edges), Generic: []simulate.TypeCount{{Type: "AWS::AppRunner::Service", Count: 3}, {Type: "google_workflows_workflow", Count: 1}}},
		Score:   simulate.Score{Resilience: 58.3, Grade: "F", Method: "score(s) = 100 × (0.25 survive_resource + 0.30 survive_zone + 0.30 survive_region + 0.15 survive_provider); the estate score is the mean of score(s) weighted by tier (8, 4, 2, 1)."},
		Services: []simulate.ServiceScore{
			{Service: co, Name: "checkout", Tier: 1, Critical: true, Weight: 8, Score: 41.2, Survive: htmlSurvive([2]int{9, 5}, [2]int{3, 1}, [2]int{1, 0}, [2]int{3, 1}), Availability: sla},
			{Service: lo, Name: "login", Tier: 1, Critical: true, Weight: 8, Score: 52.5, Survive: htmlSurvive([2]int{4, 2}, [2]int{0, 0}, [2]int{1, 0}, [2]int{2, 0}), Availability: &simulate.Availability{Value: 0.9990, Nines: 3, DowntimeMinYr: 525.6, Method: "exact, from published SLAs"}},
			{Service: se, Name: "search", Tier: 2, Critical: true, Weight: 4, Score: 66, Survive: htmlSurvive([2]int{3, 1}, [2]int{2, 1}, [2]int{2, 1}, [2]int{2, 1}), Availability: &simulate.Availability{Value: 0.995, Nines: 2.3, DowntimeMinYr: 2628, Method: "Monte Carlo, 100,000 runs"}},
			{Service: ca, Name: "catalog", Tier: 2, Critical: true, Weight: 4, Score: 85, Survive: htmlSurvive([2]int{3, 2}, [2]int{2, 2}, [2]int{1, 1}, [2]int{1, 1})},
			{Service: re, Name: "reports", Tier: 3, Weight: 2, Score: 70, Survive: htmlSurvive([2]int{1, 0}, [2]int{0, 0}, [2]int{1, 0}, [2]int{1, 0})},
		},
		SPOFs: []simulate.SPOF{
			{Node: "aws", Level: "provider", Services: []string{ca, co, lo, se}, Chain: []string{co, dns, "aws/global/service/route53", "aws"}},
			{Node: "stripe", Level: "provider", Services: []string{co}, Chain: []string{co, lb, api, stripe, "stripe"}},
			{Node: "aws/us-east-1", Level: "region", Services: []string{co, lo}, Chain: []string{co, lb, api, orders, "aws/us-east-1/use1-az1", "aws/us-east-1"}},
			{Node: "aws/us-east-1/service/dynamodb", Level: "service", Services: []string{co, lo}, Chain: []string{lo, "arn:aws:lambda:us-east-1:111122223333:function:session", carts, "aws/us-east-1/service/dynamodb"}},
			{Node: "aws/global/service/route53", Level: "service", Services: []string{ca, co, lo, se}, Chain: []string{co, dns, "aws/global/service/route53"}},
			{Node: "aws/us-east-1/use1-az1", Level: "zone", Services: []string{co}, Chain: []string{co, lb, api, orders, "aws/us-east-1/use1-az1"}},
			{Node: "gcp/europe-west1/europe-west1-b", Level: "zone", Services: []string{se}, Chain: []string{se, gke, es, "gcp/europe-west1/europe-west1-b"}},
			{Node: orders, Level: "resource", Services: []string{co}, Chain: []string{co, lb, api, orders}},
			{Node: stripe, Level: "resource", Services: []string{co}, Chain: []string{co, lb, api, stripe}},
			{Node: auth0, Level: "resource", Services: []string{lo}, Chain: []string{lo, auth0}},
			{Node: es, Level: "resource", Services: []string{se}, Chain: []string{se, gke, es}},
			{Node: dns, Level: "resource", Services: []string{ca, co, lo, se}, Chain: []string{co, dns}},
		},
		DoublePoints: []simulate.DoublePoint{{Nodes: [2]string{"aws/eu-west-1/euw1-az1", "aws/eu-west-1/euw1-az2"}, Services: []string{ca}}},
		Lockin: simulate.Lockin{Estate: 0.58, Method: "Each resource is classed portable (0), moderate (0.5) or proprietary (1) from the built-in catalog; service and estate lock-in are means weighted by stored bytes and tier.",
			Providers: []simulate.ProviderLockin{{Provider: "aws", Lockin: 0.64, Share: 0.71}, {Provider: "gcp", Lockin: 0.45, Share: 0.22}, {Provider: "stripe", Lockin: 1, Share: 0.07}},
			Services:  []simulate.ServiceLockin{{Service: co, Lockin: 0.72}, {Service: lo, Lockin: 0.81}, {Service: se, Lockin: 0.2}, {Service: ca, Lockin: 0.35}, {Service: re, Lockin: 1}},
			Resources: []simulate.ResourceLockin{
				{Node: carts, Provider: "aws", Kind: "database", Product: "DynamoDB", Class: "proprietary", Value: 1, Alternatives: []string{"Apache Cassandra", "ScyllaDB", "MongoDB"}},
				{Node: "arn:aws:lambda:us-east-1:111122223333:function:session", Provider: "aws", Kind: "function", Product: "Lambda", Class: "proprietary", Value: 1, Alternatives: []string{"Knative", "OpenFaaS"}},
				{Node: "arn:aws:sqs:us-east-1:111122223333:jobs", Provider: "aws", Kind: "queue", Product: "SQS", Class: "moderate", Value: 0.5, Alternatives: []string{"RabbitMQ", "Apache Kafka"}},
				{Node: "//bigquery.googleapis.com/projects/shop/datasets/reports", Provider: "gcp", Kind: "warehouse", Product: "BigQuery", Class: "proprietary", Value: 1, Alternatives: []string{"ClickHouse", "Trino on object storage"}},
				{Node: stripe, Provider: "stripe", Kind: "saas_api", Product: "Stripe Payments", Class: "proprietary", Value: 1, Alternatives: []string{"Adyen", "Braintree"}},
			}},
		Concentration: simulate.Concentration{Method: "HHI = sum over providers (regions, zones) of the squared percentage share of critical weight.",
			Providers: simulate.HHI{Index: 6136, Shares: []simulate.Share{{Key: "aws", Weight: 19, Share: 76}, {Key: "gcp", Weight: 4, Share: 16}, {Key: "stripe", Weight: 2, Share: 8}}},
			Regions:   simulate.HHI{Index: 4352, Shares: []simulate.Share{{Key: "aws/us-east-1", Weight: 16, Share: 64}, {Key: "aws/eu-west-1", Weight: 4, Share: 16}, {Key: "gcp/europe-west1", Weight: 4, Share: 16}, {Key: "stripe/global", Weight: 1, Share: 4}}},
			Zones:     simulate.HHI{Index: 2050, Shares: []simulate.Share{{Key: "aws/us-east-1/use1-az1", Weight: 8, Share: 32}, {Key: "aws/us-east-1/use1-az2", Weight: 6, Share: 24}, {Key: "gcp/europe-west1/europe-west1-b", Weight: 4, Share: 16}, {Key: "aws/eu-west-1/euw1-az1", Weight: 2, Share: 8}, {Key: "aws/eu-west-1/euw1-az2", Weight: 2, Share: 8}, {Key: "gcp/europe-west1/europe-west1-c", Weight: 2, Share: 8}, {Key: "aws/us-east-1/use1-az3", Weight: 1, Share: 4}}}},
		Findings: []simulate.Finding{{ID: "spof-4f1c", Rule: "spof-resource", Severity: "critical", Node: orders, Services: []string{co}, Message: "orders alone stops checkout"}},
		Gaps:     e.Gaps,
	}
	sc := func(kind, sel string, down []string, crit, res int, cost float64) simulate.Scenario {
		w := 0
		for _, d := range down {
			w += map[string]int{co: 8, lo: 8, se: 4, ca: 4, re: 2}[d]
		}
		parsed, _ := graph.ParseSelector(sel)
		return simulate.Scenario{Name: kind + " " + sel[len(kind)+1:], Kind: kind, Fail: []string{sel}, Nodes: []string{parsed.Node()}, ServicesDown: down, CriticalDown: crit, WeightedDown: w, ResourcesDown: res, ResourceShare: float64(res) / 15, CostPerHour: cost}
	}
	a.Scenarios = []simulate.Scenario{
		sc("provider", "provider:aws", []string{ca, co, lo, se}, 4, 10, 56500),
		sc("provider", "provider:gcp", []string{re, se}, 1, 3, 4000),
		sc("provider", "provider:stripe", []string{co}, 1, 1, 38000),
		sc("provider", "provider:auth0", []string{lo}, 1, 1, 12000),
		sc("region", "region:aws/us-east-1", []string{co, lo}, 2, 7, 50000),
		sc("region", "region:aws/eu-west-1", []string{ca}, 1, 2, 2500),
		sc("region", "region:gcp/europe-west1", []string{re, se}, 1, 3, 4000),
		sc("zone", "zone:aws/us-east-1/use1-az1", []string{co}, 1, 1, 38000),
		sc("zone", "zone:aws/us-east-1/use1-az2", nil, 0, 0, 0),
		sc("zone", "zone:aws/us-east-1/use1-az3", nil, 0, 0, 0),
		sc("zone", "zone:aws/eu-west-1/euw1-az1", nil, 0, 0, 0),
		sc("zone", "zone:aws/eu-west-1/euw1-az2", nil, 0, 0, 0),
		sc("zone", "zone:gcp/europe-west1/europe-west1-b", []string{se}, 1, 1, 4000),
		sc("zone", "zone:gcp/europe-west1/europe-west1-c", nil, 0, 0, 0),
		sc("service", "service:aws/us-east-1/dynamodb", []string{co, lo}, 2, 1, 50000),
		sc("service", "service:aws/global/route53", []string{ca, co, lo, se}, 4, 1, 56500),
	}
	return a
}

// htmlPlanFixture is a three-wave plan toward survive-zone.
func htmlPlanFixture() *htmlPlan {
	score := func(v float64, g string) simulate.Score { return simulate.Score{Resilience: v, Grade: g} }
	return &htmlPlan{Goal: "survive-zone", Waves: []htmlWave{
		{Name: "Remove zone and resource SPOFs", Before: score(58.3, "F"), After: score(71.6, "C"), Actions: []htmlAction{
			{Title: "Enable multi-AZ on orders", Node: "arn:aws:rds:us-east-1:111122223333:db:orders", Effort: "low", Cost: "$"},
			{Title: "Spread search-es over two zones", Node: "//compute.googleapis.com/projects/shop/zones/europe-west1-b/instances/search-es-1", Effort: "medium", Cost: "$$"},
		}},
		{Name: "Second DNS and identity provider", Before: score(71.6, "C"), After: score(80.4, "B"), Actions: []htmlAction{
			{Title: "Add a secondary DNS provider", Node: "arn:aws:route53:::hostedzone/Z1D633PJN98FT9", Effort: "medium", Cost: "$"},
			{Title: "Add a fallback identity provider for login", Node: "saas:auth0", Effort: "high", Cost: "$$"},
		}},
		{Name: "Second region for checkout", Before: score(80.4, "B"), After: score(88.9, "B"), Actions: []htmlAction{
			{Title: "Add eu-west-1 behind DNS failover for checkout", Node: "service:checkout", Effort: "high", Cost: "$$$"},
		}},
	}}
}

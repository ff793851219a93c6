package demo

import "github.com/untether-dev/untether/graph"

// services declares Bramblecart's business services as its inventory file
// would: tier, owners, cost of downtime, residency, entry points, and the
// services each calls. orders and payments call each other (a cycle).
func (d *demo) services() {
	for _, s := range []struct {
		id, name  string
		tier      int
		owners    []string
		cost      float64
		residency []string
		entry     []string
		needs     []string
	}{
		{"storefront", "Storefront", 1, []string{"web-platform"}, 120000, nil, []string{"cdn"}, nil},
		{"checkout", "Checkout", 1, []string{"checkout-team"}, 250000, nil, []string{"checkout-alb"}, []string{"payments", "login"}},
		{"payments", "Payments", 1, []string{"payments-team", "finance"}, 200000, nil, []string{"payments-api"}, []string{"orders"}},
		{"login", "Login", 1, []string{"identity-team"}, 90000, nil, []string{"login-api"}, nil},
		{"catalog", "Catalog", 2, []string{"catalog-team"}, 40000, nil, []string{"catalog-api"}, nil},
		{"orders", "Orders and fulfilment", 2, []string{"fulfilment-team"}, 60000, nil, []string{"orders-workers", "wms"}, []string{"payments"}},
		{"customer-profiles", "Customer profiles (EU)", 2, []string{"identity-team", "dpo"}, 15000, []string{"eu", "aws/eu-west-1"}, []string{"profiles-alb"}, nil},
		{"search", "Search", 2, []string{"discovery-team"}, 20000, nil, []string{"search-api"}, nil},
		{"analytics", "Analytics and reporting", 3, []string{"data-team"}, 2000, []string{"eu"}, []string{"dashboards"}, nil},
		{"notifications", "Notifications", 3, []string{"messaging-team"}, 5000, nil, []string{"notify-app"}, nil},
		{"support-desk", "Support desk", 3, []string{"cx-team"}, 3000, []string{"eu"}, []string{"support-ingress"}, []string{"customer-profiles", "orders"}},
		{"merchant-portal", "Merchant portal", 3, []string{"partners-team"}, 4000, nil, []string{"merchant-edge"}, nil},
	} {
		id := graph.ServiceID(s.id)
		d.b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: s.name, Tier: s.tier, Owners: s.owners,
			DowntimeCostPerHour: s.cost, Residency: s.residency, Tags: map[string]string{"service": s.id},
			Evidence: "demo inventory: services[" + s.id + "]"})
		for _, e := range s.entry {
			d.need(id, d.ref[e], "demo inventory: services["+s.id+"].entry")
		}
		for _, n := range s.needs {
			d.need(id, graph.ServiceID(n), "demo inventory: services["+s.id+"].needs")
		}
	}
}

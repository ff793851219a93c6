package demo

import (
	"fmt"

	"github.com/untether-dev/untether/graph"
)

// The Frankfurt datacenter is provider "onprem", region "fra1", with its
// two halls as zones; the Oracle ERP sits in one rack of hall A.
func (d *demo) onprem() {
	const team = "datacenter-ops"
	const site = "fra1"
	hallA, hallB := "hall-a", "hall-b"
	var edges []string
	for i, h := range []string{hallA, hallB} {
		edges = append(edges, d.place(graph.Node{ID: fmt.Sprintf("onprem:fra1:router:edge-%d", i+1), Kind: "router",
			Type: "onprem:juniper_mx", Provider: "onprem", Region: site, Zones: []string{h},
			Name: fmt.Sprintf("fra1-edge-%d", i+1), Tags: tags("orders", team),
			Evidence: "demo inventory: resources[fra1-edge]"}, "demo inventory: racked in "+h))
	}
	d.ref["fra1-edge"] = d.group("group:fra1-edge-routers", 1, edges, "demo inventory: VRRP pair, either router carries the VPN")
	san := d.place(graph.Node{ID: "onprem:fra1:storage:san-01", Kind: "storage_array", Type: "onprem:netapp_aff",
		Provider: "onprem", Region: site, Zones: []string{hallA}, Name: "fra1-san-01", Tags: tags("orders", team),
		Attrs: map[string]any{"stored_bytes": int64(40) << 40}, Evidence: "demo inventory: resources[fra1-san-01]"},
		"demo inventory: rack A12")
	erp := d.place(graph.Node{ID: "onprem:fra1:oracle:erp-prod", Kind: "database", Type: "onprem:oracle_database",
		Provider: "onprem", Region: site, Zones: []string{hallA}, Name: "erp-prod", Tags: tags("orders", "erp-team"),
		Attrs:    map[string]any{"engine": "oracle", "version": "19c", "rac": false, "stored_bytes": int64(6) << 40},
		Evidence: "demo inventory: resources[erp-prod]"}, "demo inventory: single instance in rack A12")
	d.need(erp, san, "demo inventory: erp-prod datafiles on fra1-san-01")
	d.ref["erp-db"] = erp
	var hosts []string
	for i := 1; i <= 6; i++ {
		h := hallA
		if i%2 == 0 {
			h = hallB
		}
		hosts = append(hosts, d.place(graph.Node{ID: fmt.Sprintf("onprem:fra1:vm:wms-app-%02d", i), Kind: "instance",
			Type: "onprem:vmware_vm", Provider: "onprem", Region: site, Zones: []string{h},
			Name: fmt.Sprintf("wms-app-%02d", i), Tags: tags("orders", "erp-team"),
			Evidence: "demo inventory: resources[wms-app]"}, "demo inventory: vSphere cluster in "+h))
	}
	wms := d.place(graph.Node{ID: "onprem:fra1:app:wms", Kind: "application", Type: "onprem:manhattan_wms",
		Provider: "onprem", Region: site, Zones: []string{hallA, hallB}, Name: "warehouse-management",
		Tags: tags("orders", "erp-team"), Evidence: "demo inventory: resources[wms]"}, "demo inventory: runs in both halls")
	d.need(wms, d.group("group:wms-app-servers", 3, hosts, "demo inventory: WMS needs 3 of 6 app servers"), "demo inventory: wms app tier")
	d.need(wms, erp, "demo inventory: WMS reads stock from the ERP")
	d.ref["wms"] = wms
	// Backups go to the Amsterdam site, which nothing serves from.
	d.place(graph.Node{ID: "onprem:ams1:backup:tape-library", Kind: "backup", Type: "onprem:ibm_ts4500",
		Provider: "onprem", Region: "ams1", Zones: []string{"hall-1"}, Name: "ams1-tape", Tags: tags("orders", team),
		Evidence: "demo inventory: resources[ams1-tape]"}, "demo inventory: ams1 hall 1")
}

// saas adds the third-party APIs: each is a global resource of its own
// provider, so the provider's outage is the API's outage.
func (d *demo) saas() {
	for _, s := range []struct{ key, provider, name, kind, svc, host string }{
		{"stripe", "stripe", "stripe-payments-api", "saas_api", "payments", "api.stripe.com"},
		{"adyen", "adyen", "adyen-checkout-api", "saas_api", "payments", "checkout-live.adyen.com"},
		{"auth0", "auth0", "auth0-tenant", "identity", "login", "bramblecart.eu.auth0.com"},
		{"okta", "okta", "okta-workforce", "identity", "support-desk", "bramblecart.okta.com"},
		{"cloudflare", "cloudflare", "cloudflare-merchants-zone", "cdn", "merchant-portal", "merchants.bramblecart.com"},
		{"twilio", "twilio", "twilio-sendgrid", "saas_api", "notifications", "api.sendgrid.com"},
		{"github", "github", "github-actions", "ci", "merchant-portal", "github.com/bramblecart"},
		{"datadog", "datadog", "datadog-intake", "observability", "platform", "http-intake.logs.datadoghq.eu"},
	} {
		id := "saas:" + s.provider + ":" + s.host
		d.place(graph.Node{ID: id, Kind: s.kind, Type: "saas:" + s.provider, Provider: s.provider, Name: s.name,
			Tags: tags(s.svc, "vendor-management"), Attrs: map[string]any{"endpoint": s.host},
			Evidence: "demo inventory: resources[" + s.name + "]"}, "global SaaS: needs its provider")
		d.ref[s.key] = id
	}
}

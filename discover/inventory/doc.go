// Package inventory reads the inventory file a user writes (YAML) and merges
// it onto an estate: the business services, the dependencies no API shows,
// the on-prem and SaaS resources no collector finds, and declared redundancy.
//
// What goes in: an inventory file (Load, Parse) and any estate, possibly
// empty (Inventory.Apply); or an estate alone, from whose tags services are
// derived (DeriveServices).
//
// What comes out: a new, validated *graph.Estate. Every node and edge the
// inventory adds carries the evidence FILE:LINE of the line that declared it.
//
// What always holds: every error about the file is a *graph.InputError with
// the file, line and column (the YAML parser's own syntax errors carry a line
// only) and what was expected; unknown keys, wrong types, duplicate ids,
// unknown node ids and selectors that match nothing are all errors, never
// silently skipped. Nothing panics on input. Output depends only on the
// inputs, never on map order.
//
// # The format (version 1)
//
// A commented example is testdata/example.yaml.
//
//	untether_inventory: 1          # required, first version of the format
//	services:                      # business services; node id service:<id>
//	  - id: checkout               # required
//	    name: Checkout
//	    tier: 1                    # 1 (most critical) .. 4; default 3
//	    owners: [checkout-team]
//	    downtime_cost_per_hour: 250000
//	    residency: [eu]            # or [aws/eu-west-1]: where its data must stay
//	    tags: {cost-center: cc-12}
//	    entry: [REF, ...]          # what the service enters through
//	    needs: [REF, ...]          # other services or resources it needs
//	resources:                     # on-prem and SaaS resources
//	  - id: onprem:fra1:oracle:erp # required
//	    kind: database             # required, normalised kind
//	    provider: onprem           # required: aws, gcp, azure, onprem, stripe, auth0 ...
//	    type: oracle_database      # provider-native type
//	    account: "123"             # account / project / subscription
//	    region: fra1               # an on-prem site is a region
//	    zones: [hall-a]            # halls or racks are zones
//	    zone_need: 1               # with several zones: how many must be up (default 1)
//	    managed_service: route53   # runs on the provider's managed service (global without region)
//	    name: erp-prod
//	    tags: {team: erp}
//	    attrs: {engine: oracle, stored_bytes: 6597069766656}
//	    residency: [eu]
//	    needs: [REF, ...]
//	dependencies:                  # edges no API shows: from needs to
//	  - {from: REF, to: REF, note: "why"}
//	groups:                        # k-of-n redundancy; node id group:<id>
//	  - {id: card-processors, need: 1, members: [REF, REF]}
//
// A REF is an exact node id (a resource id, service:<id>, group:<id>, or a
// placement id such as aws/us-east-1), or a selector matching resource nodes
// of the estate and the inventory: tag:KEY=VALUE, kind:KIND or name:NAME. A
// selector stands for every resource it matches and must match at least one.
//
// Placement follows DESIGN.md: a resource with one zone needs that zone;
// with several, a group needing zone_need of them; with a region only, the
// region; with neither (a global SaaS API), its provider. managed_service
// adds a need on provider/REGION/service/NAME (provider/global/service/NAME
// without a region) instead of the provider.
//
// Inventory resources that share an id with a node of the estate fill in
// that node's empty fields; the estate's own values win.
package inventory

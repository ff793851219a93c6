// Package demo provides the estates untether runs on without credentials:
// the embedded demo estate of a fictional company, and a synthetic generator
// for scale tests.
//
// # The demo estate
//
// Estate returns Bramblecart, an online grocery marketplace: about 270
// resources on AWS (us-east-1 and eu-west-1, plus a staging account), GCP
// (us-central1, europe-west1), Azure (eastus, westeurope), a Frankfurt
// datacenter (provider "onprem", region "fra1", halls as zones) and SaaS
// (Stripe, Adyen, Auth0, Okta, Cloudflare, Twilio, GitHub, Datadog), with
// twelve business services in tiers 1-3, each with owners and a downtime
// cost. It mixes good and bad practice so an audit has real findings:
//
//   - checkout's ECS autoscaling group needs 4 of 6 instances with 4 in
//     use1-az1: that zone alone takes checkout down;
//   - checkout and payments live only in us-east-1; customer-profiles is
//     pinned to aws/eu-west-1 by residency (a region SPOF by policy);
//   - storefront runs in both AWS regions behind a Route 53 failover record
//     and survives either region, but needs Route 53 and CloudFront (global
//     DNS dependency) and the catalog on GCP (cross-provider);
//   - Multi-AZ RDS and Aurora next to a single-node ElastiCache, a
//     single-zone OpenSearch domain, a zonal Cloud SQL and Azure SQL, and an
//     Oracle ERP in one rack of one hall;
//   - proprietary stores: DynamoDB, Spanner, BigQuery, Cosmos DB;
//   - Auth0 is login's only identity provider (a SaaS SPOF), while payments
//     needs one of Stripe and Adyen; payments' functions egress through one
//     NAT gateway while customer-profiles has one per zone;
//   - orders and payments call each other (a cycle); staging resources
//     that no service needs.
//
// Every node and edge carries evidence (the API field it would come from, or
// "demo inventory: ..." for what only an inventory file can say). Ids are
// real-looking ARNs, GCP selfLinks and ARM ids; types are CloudFormation
// types, Cloud Asset Inventory types and ARM types.
//
// How it is made: a deterministic Go builder in this package (build, using
// graph.Builder's placement helpers) writes demo.json with `go generate`
// (which runs the test TestEmbeddedEstateMatchesBuilder with -update); the
// file is embedded with go:embed, and the same test fails whenever the file
// and the builder's output differ by a byte, so they cannot drift. Reading
// the embedded file (rather than running the builder) keeps Estate exactly
// what `untether demo -o` writes.
//
// # The synthetic generator
//
// Generate(size, seed) returns an estate of exactly size resources with the
// same shape: ten regions across AWS, GCP, Azure and two datacenters, SaaS
// providers, one business service per ResourcesPerService resources in tiers
// 1-4, each behind a load balancer and an autoscaling k-of-n pool, with
// Multi-AZ and single-zone databases, caches, queues, buckets, functions and
// proprietary stores on shared managed-service placement nodes; about one in
// eight pools is zone-imbalanced (a zone SPOF), some tier-1/2 services run in
// two regions behind DNS failover, services call earlier services and some
// call back (cycles). It builds the Estate directly (no Builder maps) with
// precomputed placement ids and shared tag/attr maps, then validates it.
//
// What always holds: both estates pass graph.Validate; the same inputs give
// the same bytes from graph.Encode; nothing reads the network or the clock.
package demo

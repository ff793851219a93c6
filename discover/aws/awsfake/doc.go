// Package awsfake is an in-process fake of the AWS APIs the collector reads,
// for tests and benchmarks. It speaks the wire protocols the real SDK speaks
// (EC2 query, AWS query with XML, JSON 1.0/1.1, REST-JSON and REST-XML),
// reached through the SDK's endpoint override, and serves fixture accounts.
//
// What goes in: accounts of fixture data (Fixture builds one with known
// single points of failure) and faults: a page size that splits every list
// into several pages, throttling errors before success, AccessDenied in a
// region, a latency per call and a slower service.
//
// What comes out: the SDK's own responses and errors, plus what the fake
// saw: every operation called, the operations it refused, and the most
// requests in flight at once.
//
// What always holds: only read-only operations (Describe*, List*, Get*,
// and sts:AssumeRole, which only issues temporary credentials) are served;
// anything else is refused with an error and recorded in Rejected. The
// account of a request is the last twelve digits of its access key id; its
// region and service come from the SigV4 credential scope.
package awsfake

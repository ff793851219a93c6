package terraform

import (
	"fmt"
	"slices"

	"github.com/untether-dev/untether/discover/roles"
	"github.com/untether-dev/untether/graph"
)

// urlMapHosts gives each host of a GCP URL map its own node, which needs
// the forwarding rules in front of the map and only the backend services
// its path matcher routes to: losing one backend is not losing every host.
// When the map's services are unknown (a plan before apply), the map
// needs every service its configuration references instead.
func urlMapHosts(b *graph.Builder, nodes []*node) {
	for _, u := range nodes {
		if u.in.typ != "google_compute_url_map" && u.in.typ != "google_compute_region_url_map" {
			continue
		}
		fronts := frontsOf(u, nodes)
		matchers := map[string]map[string]any{}
		for _, pm := range blocks(u.in.values, "path_matcher") {
			matchers[str(pm, "name")] = pm
		}
		hosts := map[string][]string{} // host -> backend service self-links
		if d := str(u.in.values, "default_service"); d != "" {
			hosts["*"] = []string{d}
		}
		for _, hr := range blocks(u.in.values, "host_rule") {
			pm := matchers[str(hr, "path_matcher")]
			if pm == nil {
				continue
			}
			var svcs []string
			if d := str(pm, "default_service"); d != "" {
				svcs = append(svcs, d)
			}
			for _, pr := range blocks(pm, "path_rule") {
				if s := str(pr, "service"); s != "" {
					svcs = append(svcs, s)
				}
			}
			for _, h := range strs(hr, "hosts") {
				hosts[h] = append(hosts[h], svcs...)
			}
		}
		resolved := len(hosts) > 0
		targets := map[string][]*node{}
		for h, svcs := range hosts {
			for _, s := range svcs {
				t := refByValue(u, s)
				if t == nil {
					resolved = false
					break
				}
				targets[h] = append(targets[h], t)
			}
		}
		if !resolved {
			for _, r := range u.refs {
				if r.key == "default_service" || r.key == "service" {
					b.Edge(u.id, r.target.id, fmt.Sprintf("terraform %s: routes to %s (hosts not readable before apply: every backend counts)", u.in.address, r.target.in.address))
				}
			}
			continue
		}
		for _, h := range sortedKeys(hosts) {
			id := u.id + "#host=" + h
			b.Node(graph.Node{ID: id, Class: graph.ClassResource, Kind: "url_map_host", Type: u.in.typ, Role: roles.Of(u.in.typ),
				Provider: "gcp", Account: u.account, Region: u.region, Name: h,
				Attrs:    map[string]any{"address": u.in.address, "host": h},
				Evidence: fmt.Sprintf("terraform %s: host_rule %s and its path matcher", u.in.address, h)})
			for _, f := range fronts {
				b.Edge(id, f.id, fmt.Sprintf("terraform: requests for %s arrive through %s", h, f.in.address))
			}
			if len(fronts) == 0 {
				b.Edge(id, u.id, "the host is served by its URL map")
			}
			for _, t := range uniqueNodes(targets[h]) {
				b.Edge(id, t.id, fmt.Sprintf("terraform %s: %s routes to %s", u.in.address, h, t.in.address))
			}
		}
	}
}

// frontsOf are the forwarding rules whose target proxy uses URL map u.
func frontsOf(u *node, nodes []*node) []*node {
	var proxies, out []*node
	for _, n := range nodes {
		if refersTo(n, "url_map", u) {
			proxies = append(proxies, n)
		}
	}
	for _, n := range nodes {
		for _, p := range proxies {
			if refersTo(n, "target", p) {
				out = append(out, n)
			}
		}
	}
	return uniqueNodes(out)
}

// refByValue is the node u refers to whose id or self-link is v.
func refByValue(u *node, v string) *node {
	key := normValue(v)
	for _, r := range u.refs {
		for _, k := range []string{"self_link", "id"} {
			if s := knownString(r.target.in, k); s != "" && normValue(s) == key {
				return r.target
			}
		}
	}
	return nil
}

func uniqueNodes(ns []*node) []*node {
	out := slices.Clone(ns)
	slices.SortFunc(out, func(a, b *node) int {
		if a.id < b.id {
			return -1
		} else if a.id > b.id {
			return 1
		}
		return 0
	})
	return slices.CompactFunc(out, func(a, b *node) bool { return a.id == b.id })
}

package terraform

import (
	"fmt"
	"strings"

	"github.com/untether-dev/untether/graph"
)

// ModuleServices derives business services for a Terraform estate that
// declares none (no inventory, no policy tags): each top-level module
// instance with a workload entry point becomes a service named after it
// (module.checkout -> "checkout", module.app["eu"] -> `app["eu"]`) that
// needs the entry points inside it; an entry point outside every module
// becomes a service of its own, named by its resource name. Entry points
// are graph.EntryPoints: never configuration, never hidden by a cycle.
// With no module entry point the estate is returned unchanged and the
// simulator's entry points stand in as before. e is not changed.
func ModuleServices(e *graph.Estate) (*graph.Estate, error) {
	for i := range e.Nodes {
		if e.Nodes[i].Class == graph.ClassService {
			return e, nil
		}
	}
	c := graph.Compile(e)
	entries := c.EntryPoints()
	byModule := map[string][]*graph.Node{}
	var root []*graph.Node
	for _, i := range entries {
		n := c.Nodes[i]
		addr, _ := n.Attrs["address"].(string)
		if m := topModule(addr); m != "" {
			byModule[m] = append(byModule[m], n)
		} else {
			root = append(root, n)
		}
	}
	if len(byModule) == 0 {
		return e, nil
	}
	b := graph.NewBuilder()
	b.Merge(e)
	for _, m := range sortedKeys(byModule) {
		name := strings.TrimPrefix(m, "module.")
		id := graph.ServiceID(name)
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: name, Tier: 2,
			Evidence: "derived from Terraform module instance " + m})
		for _, n := range byModule[m] {
			b.Edge(id, n.ID, fmt.Sprintf("entry point of %s (a workload nothing else in the estate needs)", m))
		}
	}
	names := map[string]int{}
	for _, n := range root {
		names[n.Label()]++
	}
	for _, n := range root {
		name := n.Label()
		if names[name] > 1 || b.Get(graph.ServiceID(name)) != nil {
			addr, _ := n.Attrs["address"].(string)
			name += " (" + addr + ")"
		}
		id := graph.ServiceID(name)
		b.Node(graph.Node{ID: id, Class: graph.ClassService, Name: name, Tier: 2,
			Evidence: "derived from a Terraform entry point outside every module"})
		b.Edge(id, n.ID, "entry point (a workload nothing else in the estate needs)")
	}
	out, err := b.Estate()
	if err != nil {
		return nil, fmt.Errorf("services from Terraform modules: %w", err)
	}
	return out, nil
}

// topModule is the top-level module instance of an address
// (module.app["eu"] of module.app["eu"].module.db.aws_db_instance.x), or "".
func topModule(addr string) string {
	if !strings.HasPrefix(addr, "module.") {
		return ""
	}
	if cuts := addressDots(addr); len(cuts) >= 2 {
		return addr[:cuts[1]]
	}
	return ""
}

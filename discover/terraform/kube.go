package terraform

import (
	"fmt"
	"slices"

	"github.com/untether-dev/untether/graph"
)

// clusterProviders deploy objects into a Kubernetes cluster: they are not
// clouds and never failure domains; their objects hang on the cluster.
var clusterProviders = toSet("kubernetes", "helm", "kubectl")

// clusterTypes are the managed Kubernetes clusters objects can run on.
var clusterTypes = toSet("aws_eks_cluster", "google_container_cluster", "azurerm_kubernetes_cluster")

// hangOnClusters makes every Kubernetes, Helm and kubectl object need the
// cluster it is deployed to: the one its provider configuration references
// (plans), else the only cluster in its file. With no such cluster the
// objects are a recorded gap, never silently placed nowhere.
func hangOnClusters(b *graph.Builder, docs []*document, ix *index, nodes []*node) {
	byFile := map[string][]*node{}
	for _, n := range nodes {
		if clusterTypes[n.in.typ] {
			byFile[n.in.file] = append(byFile[n.in.file], n)
		}
	}
	referenced := map[string][]*node{}
	for _, d := range docs {
		for _, addr := range d.clusterRefs {
			for _, c := range ix.byConfig[inFile{fileOf(d), addr}] {
				if clusterTypes[c.in.typ] && !slices.Contains(referenced[c.in.file], c) {
					referenced[c.in.file] = append(referenced[c.in.file], c)
				}
			}
		}
	}
	orphans := map[string]int{}
	for _, n := range nodes {
		if !clusterProviders[n.cloud] {
			continue
		}
		clusters, how := referenced[n.in.file], "its provider configuration references"
		if len(clusters) != 1 {
			clusters, how = byFile[n.in.file], "the only Kubernetes cluster in the file is"
		}
		if len(clusters) != 1 {
			orphans[n.in.file]++
			continue
		}
		c := clusters[0]
		b.Edge(n.id, c.id, fmt.Sprintf("terraform %s: deployed to a Kubernetes cluster; %s %s", n.in.address, how, c.in.address))
	}
	for _, f := range sortedKeys(orphans) {
		b.Gap(graph.Gap{Provider: "kubernetes", Service: "terraform", Status: graph.GapUnknown,
			Detail: fmt.Sprintf("%s: %d Kubernetes/Helm object(s) whose cluster is not in the input (or not one cluster): they hang on nothing", f, orphans[f])})
	}
}

func fileOf(d *document) string {
	if len(d.instances) == 0 {
		return ""
	}
	return d.instances[0].file
}

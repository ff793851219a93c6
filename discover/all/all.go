package all

import (
	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/discover/aws"
	"github.com/untether-dev/untether/discover/azure"
	"github.com/untether-dev/untether/discover/gcp"
)

// Collectors are every live collector untether has, fresh (flags not yet
// parsed), in the order their flags appear in --help. Adding a collector
// is one line here.
func Collectors() []discover.Collector {
	return []discover.Collector{
		aws.NewCollector(),
		azure.NewCollector(),
		gcp.NewCollector(),
	}
}

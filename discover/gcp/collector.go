package gcp

import (
	"context"
	"strings"

	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// Collector is the GCP collector on the discover seam.
type Collector struct {
	projects, folders, organizations []string
	quotaProject, endpoint           string
}

// NewCollector is the GCP collector with no flags parsed yet.
func NewCollector() *Collector { return &Collector{} }

// Name is "gcp".
func (c *Collector) Name() string { return "gcp" }

// Flags registers the --gcp-* flags.
func (c *Collector) Flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.projects, "gcp-project", nil, "read GCP project `ID` through Cloud Asset Inventory (Application Default Credentials, read-only); repeatable")
	fs.StringArrayVar(&c.folders, "gcp-folder", nil, "read every project under GCP folder `ID`; repeatable")
	fs.StringArrayVar(&c.organizations, "gcp-organization", nil, "read every project of GCP organization `ID`")
	fs.StringVar(&c.quotaProject, "gcp-quota-project", "", "`project` billed for the Cloud Asset calls (needed with user credentials from 'gcloud auth application-default login')")
	fs.StringVar(&c.endpoint, "gcp-endpoint", "", "`URL` that replaces https://cloudasset.googleapis.com (private endpoints, tests; an http:// URL gets no credentials)")
}

// Enabled reports whether a project, folder or organization was named.
func (c *Collector) Enabled() bool {
	return len(c.projects)+len(c.folders)+len(c.organizations) > 0
}

// Describe names the source, with the caveat every report must carry.
func (c *Collector) Describe() string {
	return "live GCP discovery through Cloud Asset Inventory (an inventory that can lag the live state by minutes)"
}

// Collect reads the named parents through run.
func (c *Collector) Collect(ctx context.Context, run *discover.Run) (*graph.Estate, error) {
	for _, f := range [][2]string{{"--gcp-endpoint", c.endpoint}} {
		if f[1] != "" && !strings.HasPrefix(f[1], "http://") && !strings.HasPrefix(f[1], "https://") {
			return nil, discover.Usagef("%s must be an http:// or https:// URL, got %q", f[0], f[1])
		}
	}
	for _, p := range c.projects {
		if !projectID.MatchString(p) {
			return nil, discover.Usagef("--gcp-project %q is not a project id (6 to 30 lowercase letters, digits and hyphens)", p)
		}
	}
	for _, f := range append(append([]string{}, c.folders...), c.organizations...) {
		if id := lastSegment(f); !numericID.MatchString(id) {
			return nil, discover.Usagef("%q is not a folder or organization id (digits, optionally after folders/ or organizations/)", f)
		}
	}
	return collect(ctx, run, Options{Projects: c.projects, Folders: c.folders, Organizations: c.organizations,
		QuotaProject: c.quotaProject, Endpoint: c.endpoint})
}

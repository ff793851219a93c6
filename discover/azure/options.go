package azure

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

// DefaultPageSize is the rows of one Resource Graph page: the most the
// service returns at once.
const DefaultPageSize = 1000

// Options say what to read and how to reach it.
type Options struct {
	// Subscriptions are the subscription ids to read. With none and no
	// ManagementGroups, every subscription the identity can read is read.
	Subscriptions []string
	// ManagementGroups are management group names whose subscriptions are read.
	ManagementGroups []string
	// Cloud is "public" (default), "china" or "usgov".
	Cloud string
	// Endpoint replaces the cloud's Resource Manager endpoint (sovereign
	// clouds, private endpoints, tests); the cloud's token audience stays.
	Endpoint string
	// Credential authenticates the calls; nil means azidentity's default
	// chain (environment, workload identity, managed identity, Azure CLI,
	// Azure Developer CLI).
	Credential azcore.TokenCredential
	// Transport sends the HTTP requests (nil: http.DefaultTransport); tests
	// give their fake server's.
	Transport http.RoundTripper
	// PageSize is the rows asked for per page (DefaultPageSize if 0).
	PageSize int
}

// clouds are the clouds --azure-cloud names, with their Resource Manager
// endpoint and token audience.
var clouds = map[string]cloud.Configuration{
	"public": withARM(cloud.AzurePublic, "https://management.azure.com", "https://management.core.windows.net/"),
	"china":  withARM(cloud.AzureChina, "https://management.chinacloudapi.cn", "https://management.core.chinacloudapi.cn/"),
	"usgov":  withARM(cloud.AzureGovernment, "https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net/"),
}

// CloudNames are the accepted --azure-cloud values.
func CloudNames() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for k := range clouds {
			if !yield(k) {
				return
			}
		}
	})
}

func withARM(c cloud.Configuration, endpoint, audience string) cloud.Configuration {
	services := map[cloud.ServiceName]cloud.ServiceConfiguration{}
	for k, v := range c.Services {
		services[k] = v
	}
	services[cloud.ResourceManager] = cloud.ServiceConfiguration{Endpoint: endpoint, Audience: audience}
	c.Services = services
	return c
}

// cloudConfig is the configuration the client uses: the named cloud, with
// the endpoint override applied.
func (o Options) cloudConfig() (cloud.Configuration, error) {
	name := strings.ToLower(strings.TrimSpace(o.Cloud))
	if name == "" {
		name = "public"
	}
	c, ok := clouds[name]
	if !ok {
		return cloud.Configuration{}, fmt.Errorf("--azure-cloud %q is not one of %s", o.Cloud, strings.Join(CloudNames(), ", "))
	}
	if o.Endpoint != "" {
		if !strings.HasPrefix(o.Endpoint, "https://") {
			return cloud.Configuration{}, fmt.Errorf("--azure-endpoint %q must be an https:// URL (Azure tokens are sent only over TLS)", o.Endpoint)
		}
		arm := c.Services[cloud.ResourceManager]
		arm.Endpoint = strings.TrimSuffix(o.Endpoint, "/")
		c = withARM(c, arm.Endpoint, arm.Audience)
	}
	return c, nil
}

// scope names what is read, in words.
func (o Options) scope() string {
	switch {
	case len(o.Subscriptions) > 0 && len(o.ManagementGroups) > 0:
		return fmt.Sprintf("%d subscription(s) and %d management group(s)", len(o.Subscriptions), len(o.ManagementGroups))
	case len(o.Subscriptions) > 0:
		return fmt.Sprintf("%d subscription(s)", len(o.Subscriptions))
	case len(o.ManagementGroups) > 0:
		return "management group(s) " + strings.Join(o.ManagementGroups, ", ")
	}
	return "every subscription the identity can read"
}

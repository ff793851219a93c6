package azure

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resourcegraph/armresourcegraph"
	"github.com/spf13/pflag"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// Collector is the Azure collector of the discover registry; its flags
// fill Options.
type Collector struct {
	on  bool
	opt Options
}

var _ discover.Collector = (*Collector)(nil)

// NewCollector returns the collector with no flags parsed yet.
func NewCollector() *Collector { return &Collector{} }

func (c *Collector) Name() string { return provider }

func (c *Collector) Flags(fs *pflag.FlagSet) {
	fs.BoolVar(&c.on, "azure", false, "discover live Azure through Resource Graph: every subscription the identity can read, unless narrowed (read-only; the Reader role is enough)")
	fs.StringArrayVar(&c.opt.Subscriptions, "azure-subscription", nil, "subscription `ID` to read (repeatable; implies --azure)")
	fs.StringArrayVar(&c.opt.ManagementGroups, "azure-management-group", nil, "management group `NAME` whose subscriptions are read (repeatable; implies --azure)")
	fs.StringVar(&c.opt.Cloud, "azure-cloud", "public", "Azure `cloud`: public, china or usgov")
	fs.StringVar(&c.opt.Endpoint, "azure-endpoint", "", "Resource Manager `URL` that replaces the cloud's (sovereign clouds, private endpoints, tests)")
}

func (c *Collector) Enabled() bool {
	return c.on || len(c.opt.Subscriptions) > 0 || len(c.opt.ManagementGroups) > 0
}

func (c *Collector) Describe() string {
	return "live Azure discovery through Resource Graph (" + c.opt.scope() +
		"); Resource Graph is an index that can lag behind Resource Manager by minutes"
}

func (c *Collector) Collect(ctx context.Context, run *discover.Run) (*graph.Estate, error) {
	return Collect(ctx, run, c.opt)
}

// Collect reads the scope of opt through run and assembles the estate.
// Parts that could not be read are gaps; the error is non-nil only for bad
// options (a *discover.UsageError) or an interrupted run.
func Collect(ctx context.Context, run *discover.Run, opt Options) (*graph.Estate, error) {
	client, err := newClient(run, opt)
	if err != nil {
		return nil, err
	}
	ctx, cancel := run.Context(ctx)
	defer cancel()
	top := int32(DefaultPageSize)
	if opt.PageSize > 0 {
		top = int32(min(opt.PageSize, DefaultPageSize))
	}
	rd := &reader{run: run, client: client, query: kql(), top: top}
	// Subscriptions and management groups are separate scopes: one
	// query names one kind of scope.
	subs, groups := clean(opt.Subscriptions), clean(opt.ManagementGroups)
	scopes := []scope{{subscriptions: subs}}
	switch {
	case len(subs) > 0 && len(groups) > 0:
		scopes = append(scopes, scope{groups: groups})
	case len(groups) > 0:
		scopes = []scope{{groups: groups}}
	}
	run.Update(func(p *discover.Progress) { p.ScopeWord = "subscriptions"; p.Steps += len(scopes) })
	var wg sync.WaitGroup
	for _, s := range scopes {
		wg.Go(func() { rd.read(ctx, s) })
	}
	wg.Wait()
	if interrupted, _ := discover.Stopped(ctx); interrupted && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	rows := rd.sortedRows()
	gaps := append(rd.gaps, missingSubscriptions(subs, rows, rd.gaps)...)
	run.Update(func(p *discover.Progress) {
		p.StepsDone += len(scopes)
		p.Accounts, p.Regions = countSubscriptions(rows), countRegions(rows)
	})
	return assemble(rows, append(gaps, run.Gaps()...))
}

// newClient builds the Resource Graph client: the run's transport (bounds,
// timeouts, 429 retries with Retry-After) around the quota pacer, and the
// SDK's own retries off so a call is retried in one place only.
func newClient(run *discover.Run, opt Options) (*armresourcegraph.Client, error) {
	conf, err := opt.cloudConfig()
	if err != nil {
		return nil, discover.Usagef("%s", err.Error())
	}
	cred := opt.Credential
	if cred == nil {
		cred, err = defaultCredential(conf)
		if err != nil {
			return nil, discover.Usagef("azure credential: %v", err)
		}
	}
	transport := &http.Client{Transport: run.Transport(newPacer(opt.Transport))}
	return armresourcegraph.NewClient(cred, &arm.ClientOptions{ClientOptions: policy.ClientOptions{
		Cloud:     conf,
		Transport: transport,
		Retry:     policy.RetryOptions{MaxRetries: -1},
	}})
}

func defaultCredential(conf cloud.Configuration) (azcore.TokenCredential, error) {
	return azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{
		ClientOptions: policy.ClientOptions{Cloud: conf},
	})
}

func clean(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func countRegions(rows []row) int {
	seen := map[string]bool{}
	for i := range rows {
		if reg := region(rows[i].Location); reg != "" && reg != "global" {
			seen[reg] = true
		}
	}
	return len(seen)
}

func countSubscriptions(rows []row) int {
	n := 0
	for i := range rows {
		if rows[i].Type == subscriptionType {
			n++
		}
	}
	return n
}

// missingSubscriptions are gaps for subscriptions asked for that came back
// without their own row and without a gap already saying why.
func missingSubscriptions(asked []string, rows []row, gaps []graph.Gap) []graph.Gap {
	seen := map[string]bool{}
	for i := range rows {
		if rows[i].Type == subscriptionType {
			seen[strings.ToLower(rows[i].SubscriptionID)] = true
		}
	}
	for _, g := range gaps {
		for _, sub := range strings.Split(g.Account, ",") {
			seen[strings.ToLower(sub)] = true
		}
	}
	var out []graph.Gap
	for _, sub := range asked {
		if !seen[strings.ToLower(sub)] {
			out = append(out, gapFor(sub, graph.GapDenied,
				"Resource Graph returned nothing for this subscription: it does not exist, is in another tenant, or "+readerFix))
		}
	}
	return out
}

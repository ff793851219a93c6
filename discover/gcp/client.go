package gcp

import (
	"context"
	"net/http"
	"slices"
	"strings"

	asset "cloud.google.com/go/asset/apiv1"
	"cloud.google.com/go/asset/apiv1/assetpb"
	"github.com/googleapis/gax-go/v2"
	"google.golang.org/api/option"
	htransport "google.golang.org/api/transport/http"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// pageSize is the most assets one ListAssets page may hold.
const pageSize = 1000

const cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"

// client holds what every listing's REST client shares: the runner's
// transport (with credentials) and the client options.
type client struct {
	tr   http.RoundTripper
	opts []option.ClientOption
	run  *discover.Run
}

// listing is what one parent gave: its assets, or a gap, or both (a
// listing cut short keeps the pages it got).
type listing struct {
	parent string
	assets []item
	gaps   []graph.Gap
}

// newClient builds the REST client: every request goes through the
// runner's transport (slots, per-call timeout, 429 and Retry-After),
// under Application Default Credentials unless the endpoint is plain
// http. A setup failure (no credentials) is returned as a gap for every
// parent.
func newClient(ctx context.Context, run *discover.Run, opt Options) (*client, *graph.Gap) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = run.Options().Concurrency
	var tr http.RoundTripper = run.Transport(base)
	if opt.QuotaProject != "" {
		tr = quotaHeader{project: opt.QuotaProject, next: tr}
	}
	opts := []option.ClientOption{}
	if strings.HasPrefix(opt.Endpoint, "http://") {
		opts = append(opts, option.WithoutAuthentication())
	} else {
		var err error
		if tr, err = htransport.NewTransport(ctx, tr, option.WithScopes(cloudPlatformScope)); err != nil {
			return nil, &graph.Gap{Provider: "gcp", Region: graph.GlobalRegion, Service: "cloudasset", Status: graph.GapDenied,
				Detail: "no Application Default Credentials: run 'gcloud auth application-default login' or set GOOGLE_APPLICATION_CREDENTIALS (" + firstLine(err.Error()) + ")"}
		}
	}
	if opt.Endpoint != "" {
		opts = append(opts, option.WithEndpoint(opt.Endpoint))
	}
	opts = append(opts, opt.ClientOptions...)
	return &client{tr: tr, opts: opts, run: run}, nil
}

// restClient is a REST client whose requests carry ctx: the generated
// REST code builds requests without the caller's context, so without this
// neither --deadline nor Ctrl-C would stop a call in flight.
func (c *client) restClient(ctx context.Context) (*asset.Client, error) {
	hc := &http.Client{Transport: withContext{ctx: ctx, next: c.tr}}
	return asset.NewRESTClient(ctx, append(slices.Clone(c.opts), option.WithHTTPClient(hc))...)
}

type withContext struct {
	ctx  context.Context
	next http.RoundTripper
}

func (w withContext) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Context() == context.Background() {
		r = r.WithContext(w.ctx)
	}
	return w.next.RoundTrip(r)
}

// quotaHeader bills the calls to the quota project.
type quotaHeader struct {
	project string
	next    http.RoundTripper
}

func (q quotaHeader) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Goog-User-Project", q.project)
	return q.next.RoundTrip(r)
}

// list reads every page of parent's assets of the mapped types, one page
// after another (each needs the previous page's token), within the
// limiter and the runner's paging bounds.
func (c *client) list(ctx context.Context, lim *windowLimiter, parent string) listing {
	out := listing{parent: parent}
	rc, err := c.restClient(ctx)
	if err != nil {
		out.gaps = append(out.gaps, graph.Gap{Provider: "gcp", Account: parent, Region: graph.GlobalRegion, Service: "cloudasset",
			Status: graph.GapFailed, Detail: "cannot build the Cloud Asset client: " + firstLine(err.Error())})
		return out
	}
	defer rc.Close()
	pages := discover.NewPages(ctx)
	req := &assetpb.ListAssetsRequest{Parent: parent, AssetTypes: assetTypes(), ContentType: assetpb.ContentType_RESOURCE, PageSize: pageSize}
	// The runner retries; the client's own retries (503/504 only) would
	// multiply its attempts.
	it := rc.ListAssets(ctx, req, gax.WithRetry(func() gax.Retryer { return nil }))
	token := ""
	for {
		err := lim.Wait(ctx)
		var assets []*assetpb.Asset
		next := ""
		if err == nil {
			assets, next, err = it.InternalFetch(pageSize, token)
		}
		if err == nil {
			err = pages.Next(next)
		}
		for _, a := range assets {
			out.assets = append(out.assets, itemOf(a))
		}
		if err != nil {
			out.gaps = append(out.gaps, gapFor(ctx, parent, err, len(out.assets)))
			return out
		}
		if next == "" {
			return out
		}
		token = next
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

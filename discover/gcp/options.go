package gcp

import (
	"context"
	"fmt"
	"slices"
	"time"

	"google.golang.org/api/option"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// DefaultListAssetsPerMinute is Cloud Asset Inventory's quota of
// ListAssets requests per minute per calling (quota) project.
const DefaultListAssetsPerMinute = 100

// Options say what to collect.
type Options struct {
	// Projects (ids), Folders and Organizations (numeric ids, with or
	// without their "folders/" / "organizations/" prefix) to read.
	Projects, Folders, Organizations []string
	// QuotaProject is billed for the calls (X-Goog-User-Project); user
	// credentials from 'gcloud auth application-default login' need one.
	QuotaProject string
	// Endpoint replaces https://cloudasset.googleapis.com; an http:// one
	// is a local fake or emulator and gets no credentials.
	Endpoint string
	// ListAssetsPerMinute bounds the calls (DefaultListAssetsPerMinute if 0).
	ListAssetsPerMinute int
	// Run are the shared runner's settings (concurrency, timeouts,
	// retries, paging, deadline, progress).
	Run discover.RunOptions
	// ClientOptions are appended to the client's options (embedding).
	ClientOptions []option.ClientOption
}

// parents are the Cloud Asset parents opt names, sorted and unique.
func (o Options) parents() []string {
	var out []string
	for _, p := range o.Projects {
		out = append(out, "projects/"+p)
	}
	for _, f := range o.Folders {
		out = append(out, "folders/"+trimPrefix(f, "folders/"))
	}
	for _, g := range o.Organizations {
		out = append(out, "organizations/"+trimPrefix(g, "organizations/"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func trimPrefix(s, p string) string {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

// Collect reads every parent opt names. Parents that cannot be read become
// gaps; the error is non-nil only for no parents, an interrupted run, or
// an estate that does not validate.
func Collect(ctx context.Context, opt Options) (*graph.Estate, error) {
	return collect(ctx, discover.NewRun("gcp", opt.Run), opt)
}

func collect(ctx context.Context, run *discover.Run, opt Options) (*graph.Estate, error) {
	parents := opt.parents()
	if len(parents) == 0 {
		return nil, discover.Usagef("gcp: name what to read with --gcp-project, --gcp-folder or --gcp-organization")
	}
	if opt.ListAssetsPerMinute <= 0 {
		opt.ListAssetsPerMinute = DefaultListAssetsPerMinute
	}
	run.Update(func(p *discover.Progress) { p.ScopeWord = "parents"; p.Accounts = len(parents); p.Steps = len(parents) })
	rctx, cancel := run.Context(ctx)
	defer cancel()
	c, gap := newClient(rctx, run, opt)
	results := make([]listing, len(parents))
	if gap != nil {
		for i, p := range parents {
			g := *gap
			g.Account = p
			results[i] = listing{parent: p, gaps: []graph.Gap{g}}
		}
	} else {
		lim := newWindowLimiter(opt.ListAssetsPerMinute, time.Minute)
		done := make(chan struct{})
		for i, p := range parents {
			go func() {
				defer func() { done <- struct{}{} }()
				results[i] = c.list(rctx, lim, p)
				run.Update(func(pr *discover.Progress) { pr.StepsDone++ })
			}()
		}
		for range parents {
			<-done
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("gcp: discovery interrupted: %w", err)
	}
	return assemble(results, run.Gaps())
}

package aws

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// step is one listing of one service: the unit that runs concurrently and
// that gets a status. Steps of one service share its gap service name.
type step struct {
	service string // gap service name: ec2, elbv2, rds ...
	name    string // what it lists: instances, subnets ...
	global  bool   // once per account rather than per region
	run     func(ctx context.Context, t *task) error
}

// task is a step bound to an account and region.
type task struct {
	step
	account string
	region  string // "global" for global steps
	cfg     sdkaws.Config
	sink    *sink
	gaps    []graph.Gap
}

// soft records a failed call that does not end the step (one bucket of many).
func (t *task) soft(err error) {
	t.gaps = append(t.gaps, gapFor(t, err))
}

// run is one collection: the shared runner (slots, retries' backoff,
// paging bounds, deadline, progress, run-level gaps) plus the tasks.
type run struct {
	*discover.Run
	opt Options

	mu    sync.Mutex
	tasks []*task
}

func newRun(opt Options, dr *discover.Run) *run {
	return &run{Run: dr, opt: opt}
}

func (r *run) update(f func(p *discover.Progress)) { r.Update(f) }

func (r *run) gap(g graph.Gap) { r.Gap(g) }

// collect resolves every principal to an account and its regions, then runs
// every step of every account and region at once; the HTTP client bounds
// the requests in flight.
func (r *run) collect(ctx context.Context) error {
	ps, err := r.principals(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	seen := map[string]bool{}
	var seenMu sync.Mutex
	for _, p := range ps {
		wg.Go(func() {
			account, regions := r.account(ctx, p)
			if account == "" {
				return
			}
			seenMu.Lock()
			dup := seen[account]
			seen[account] = true
			seenMu.Unlock()
			if dup {
				return // a profile and a role into the same account
			}
			r.startAccount(ctx, &wg, p.cfg, account, regions)
		})
	}
	wg.Wait()
	return ctx.Err()
}

// account learns the principal's account id and the regions to collect.
func (r *run) account(ctx context.Context, p principal) (string, []string) {
	id, err := sts.NewFromConfig(p.cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		status, detail := classify(err)
		r.gap(graph.Gap{Provider: "aws", Account: p.label, Region: graph.GlobalRegion, Service: "sts",
			Status: status, Detail: "cannot identify the account of " + p.label + ": " + detail})
		return "", nil
	}
	account := sdkaws.ToString(id.Account)
	regions := r.regions(ctx, p.cfg, account)
	r.update(func(pr *discover.Progress) { pr.Accounts++; pr.Regions += len(regions) })
	return account, regions
}

// regions are the requested regions that are enabled for the account, or
// every enabled region when none was requested.
func (r *run) regions(ctx context.Context, cfg sdkaws.Config, account string) []string {
	all := len(r.opt.Regions) > 0
	out, err := ec2.NewFromConfig(cfg).DescribeRegions(ctx, &ec2.DescribeRegionsInput{AllRegions: sdkaws.Bool(all)})
	if err != nil {
		status, detail := classify(err)
		fallback := r.opt.Regions
		if !all {
			fallback = []string{cfg.Region}
		}
		r.gap(graph.Gap{Provider: "aws", Account: account, Region: cfg.Region, Service: "ec2", Status: status,
			Detail: fmt.Sprintf("%s; collecting %v only", detail, fallback)})
		return slices.Compact(slices.Sorted(slices.Values(fallback)))
	}
	optIn := map[string]string{}
	for _, reg := range out.Regions {
		optIn[sdkaws.ToString(reg.RegionName)] = sdkaws.ToString(reg.OptInStatus)
	}
	if !all {
		return slices.Sorted(func(yield func(string) bool) {
			for _, reg := range out.Regions {
				if !yield(sdkaws.ToString(reg.RegionName)) {
					return
				}
			}
		})
	}
	var regions []string
	for _, name := range slices.Compact(slices.Sorted(slices.Values(r.opt.Regions))) {
		s, ok := optIn[name]
		switch {
		case !ok:
			r.gap(graph.Gap{Provider: "aws", Account: account, Region: name, Status: graph.GapNotEnabled,
				Detail: "no such region for this account (ec2:DescribeRegions)"})
			continue
		case s == "not-opted-in":
			r.gap(graph.Gap{Provider: "aws", Account: account, Region: name, Status: graph.GapNotEnabled,
				Detail: "region is not enabled for this account (opt-in region)"})
			continue
		}
		regions = append(regions, name)
	}
	return regions
}

// startAccount launches every step of the account, global ones in the
// default region.
func (r *run) startAccount(ctx context.Context, wg *sync.WaitGroup, cfg sdkaws.Config, account string, regions []string) {
	var ts []*task
	for _, s := range steps() {
		if s.global {
			ts = append(ts, &task{step: s, account: account, region: graph.GlobalRegion, cfg: forRegion(cfg, DefaultRegion)})
			continue
		}
		for _, reg := range regions {
			ts = append(ts, &task{step: s, account: account, region: reg, cfg: forRegion(cfg, reg)})
		}
	}
	r.mu.Lock()
	r.tasks = append(r.tasks, ts...)
	r.mu.Unlock()
	r.update(func(p *discover.Progress) { p.Steps += len(ts) })
	for _, t := range ts {
		wg.Go(func() {
			t.sink = &sink{}
			if err := t.run(ctx, t); err != nil {
				switch interrupted, cut := discover.Stopped(ctx); {
				case cut:
					t.gaps = append(t.gaps, graph.Gap{Provider: "aws", Account: account, Region: t.region,
						Service: t.service, Status: graph.GapFailed, Detail: t.name + ": " + discover.DeadlineDetail})
				case !interrupted:
					t.gaps = append(t.gaps, gapFor(t, err))
				}
			}
			r.update(func(p *discover.Progress) { p.StepsDone++ })
		})
	}
}

// sortedTasks orders the finished tasks canonically for assembly.
func (r *run) sortedTasks() []*task {
	ts := slices.Clone(r.tasks)
	slices.SortFunc(ts, func(a, b *task) int {
		return cmp.Or(cmp.Compare(a.account, b.account), cmp.Compare(a.region, b.region),
			cmp.Compare(a.service, b.service), cmp.Compare(a.name, b.name))
	})
	return ts
}

// fanOutWidth is how many per-item calls of one listing run at once.
const fanOutWidth = 16

// fanOut runs f(0..n-1), width at a time: per-item calls (one per table,
// bucket, cluster ...) must not queue behind each other, yet one listing
// must not flood one API of one account and region; the run's slots still
// bound all requests in flight. f records into its own index; callers
// record into the sink afterwards, in order.
func fanOut(n, width int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, width))
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			f(i)
		})
	}
	wg.Wait()
}

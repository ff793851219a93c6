package azure

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resourcegraph/armresourcegraph"

	"github.com/untether-dev/untether/discover"
	"github.com/untether-dev/untether/graph"
)

// reader runs the query over one scope at a time and keeps what came back.
type reader struct {
	run    *discover.Run
	client *armresourcegraph.Client
	query  string
	top    int32

	mu   sync.Mutex
	rows []row
	gaps []graph.Gap
}

// scope is what one query covers: subscriptions, management groups, or
// (both empty) every subscription the identity can read.
type scope struct {
	subscriptions []string
	groups        []string
}

// label names the scope in gaps.
func (s scope) label() string {
	switch {
	case len(s.subscriptions) == 1 && len(s.groups) == 0:
		return s.subscriptions[0]
	case len(s.subscriptions) > 0 || len(s.groups) > 0:
		var parts []string
		parts = append(parts, s.subscriptions...)
		for _, g := range s.groups {
			parts = append(parts, "managementGroups/"+g)
		}
		return strings.Join(parts, ",")
	}
	return "tenant"
}

func (rd *reader) gap(g graph.Gap) {
	rd.mu.Lock()
	rd.gaps = append(rd.gaps, g)
	rd.mu.Unlock()
}

// read queries the scope; when Resource Graph refuses a query over several
// subscriptions (one denied subscription fails them all), each is queried
// alone so the readable ones are still read and the denied one is a gap.
func (rd *reader) read(ctx context.Context, s scope) {
	err := rd.pages(ctx, s)
	var re *azcore.ResponseError
	if err == nil || len(s.subscriptions) < 2 || !errors.As(err, &re) ||
		(re.StatusCode != http.StatusForbidden && re.StatusCode != http.StatusUnauthorized) {
		rd.fail(ctx, s, err)
		return
	}
	var wg sync.WaitGroup
	for _, sub := range s.subscriptions {
		wg.Go(func() {
			one := scope{subscriptions: []string{sub}}
			rd.fail(ctx, one, rd.pages(ctx, one))
		})
	}
	if len(s.groups) > 0 {
		groups := scope{groups: s.groups}
		rd.fail(ctx, groups, rd.pages(ctx, groups))
	}
	wg.Wait()
}

// fail records the gap of a scope whose query ended with err.
func (rd *reader) fail(ctx context.Context, s scope, err error) {
	if err == nil {
		return
	}
	if interrupted, cut := discover.Stopped(ctx); interrupted {
		return // the run as a whole fails with ctx.Err()
	} else if cut {
		rd.gap(gapFor(s.label(), graph.GapFailed, discover.DeadlineDetail))
		return
	}
	status, detail := classify(err, rd.run.Options().MaxAttempts)
	rd.gap(gapFor(s.label(), status, detail))
}

// pages reads every page of the query over s. Each page's rows are
// decoded while the next page is fetched (the $skipToken comes from the
// SDK's own reading), so only the calls themselves are in the chain. Rows of
// pages read before a failure are kept; the failure is returned for the
// scope's gap.
func (rd *reader) pages(ctx context.Context, s scope) error {
	bound := discover.NewPages(ctx)
	format := armresourcegraph.ResultFormatObjectArray
	var decoding sync.WaitGroup
	defer decoding.Wait()
	token := ""
	var read int64
	for n := 1; ; n++ {
		req := armresourcegraph.QueryRequest{
			Query:            &rd.query,
			Subscriptions:    ptrs(s.subscriptions),
			ManagementGroups: ptrs(s.groups),
			Options:          &armresourcegraph.QueryRequestOptions{Top: &rd.top, ResultFormat: &format},
		}
		if token != "" {
			req.Options.SkipToken = &token
		}
		var raw *http.Response
		resp, err := rd.client.Resources(runtime.WithCaptureResponse(ctx, &raw), req, nil)
		if err != nil && (raw == nil || raw.StatusCode != http.StatusOK || ctx.Err() != nil) {
			return err
		}
		var body []byte
		if err == nil {
			body, err = runtime.Payload(raw)
		}
		if err != nil {
			rd.malformed(s, n)
			return nil
		}
		decoding.Go(func() {
			rows, odd, err := decodePage(body)
			if err != nil {
				rd.malformed(s, n)
				return
			}
			if odd > 0 {
				rd.gap(gapFor(s.label(), graph.GapFailed, fmt.Sprintf(
					"page %d: %d row(s) with columns of unexpected types were mapped from their id, type and location only", n, odd)))
			}
			rd.mu.Lock()
			rd.rows = append(rd.rows, rows...)
			rd.mu.Unlock()
		})
		if n == 1 && strings.EqualFold(raw.Header.Get(headerSubscriptionCap), "true") {
			rd.gap(gapFor(s.label(), graph.GapFailed,
				"the identity can read more than 10,000 subscriptions and Resource Graph answered for the first 10,000 only (x-ms-tenant-subscription-limit-hit): split the run with --azure-management-group or --azure-subscription"))
		}
		if resp.Count != nil {
			read += *resp.Count
		}
		next := ""
		if resp.SkipToken != nil {
			next = *resp.SkipToken
		}
		if next == "" {
			if resp.ResultTruncated != nil && *resp.ResultTruncated == armresourcegraph.ResultTruncatedTrue {
				total := int64(0)
				if resp.TotalRecords != nil {
					total = *resp.TotalRecords
				}
				rd.gap(gapFor(s.label(), graph.GapFailed, fmt.Sprintf(
					"Resource Graph truncated the result after %d of %d rows and gave no $skipToken (resultTruncated): narrow the scope with --azure-subscription", read, total)))
			}
			return nil
		}
		if err := bound.Next(next); err != nil {
			return err
		}
		token = next
	}
}

// malformed records a page that arrived (HTTP 200) but is not a query result.
func (rd *reader) malformed(s scope, n int) {
	rd.gap(gapFor(s.label(), graph.GapFailed, fmt.Sprintf(
		"malformed Resource Graph page %d (HTTP 200 that is not a query result); its rows and any after it were not read: run again, and report it if it stays", n)))
}

func ptrs(ss []string) []*string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]*string, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

// sortedRows are the rows read, in id order, each id once (a subscription
// read twice through two scopes gives the same rows twice).
func (rd *reader) sortedRows() []row {
	type keyed struct {
		key string
		i   int
	}
	keys := make([]keyed, len(rd.rows))
	for i := range rd.rows {
		keys[i] = keyed{armID(rd.rows[i].ID), i}
	}
	slices.SortStableFunc(keys, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	keys = slices.CompactFunc(keys, func(a, b keyed) bool { return a.key == b.key })
	rows := make([]row, len(keys))
	for j, k := range keys {
		rows[j] = rd.rows[k.i]
	}
	return rows
}

package discover

import (
	"context"
	"errors"
	"fmt"
)

// Pages bounds one paginated listing: it ends the listing when a page
// hands back a token seen before (a server that loops) or when the run's
// page cap is reached (a server whose tokens never end). Both end the
// listing with a *PagingError, which the collector records as a gap.
type Pages struct {
	max  int
	n    int
	seen map[string]bool
}

type maxPagesKey struct{}

// NewPages starts the bound of one listing, with the page cap of the run
// whose Context ctx derives from (DefaultMaxPages outside a run).
func NewPages(ctx context.Context) *Pages {
	maxPages, _ := ctx.Value(maxPagesKey{}).(int)
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	return &Pages{max: maxPages, seen: map[string]bool{}}
}

// PagingError says why a listing stopped before its last page.
type PagingError struct {
	Pages  int
	Reason string
}

func (e *PagingError) Error() string {
	return fmt.Sprintf("listing stopped after %d pages: %s", e.Pages, e.Reason)
}

// ErrPaging matches every *PagingError with errors.Is.
var ErrPaging = errors.New("paging stopped")

func (e *PagingError) Is(target error) bool { return target == ErrPaging }

// Next records a page that arrived with next as its continuation token
// ("" on the last page). A non-nil error means: stop, the listing is
// incomplete.
func (p *Pages) Next(next string) error {
	p.n++
	if next == "" {
		return nil
	}
	if p.seen[next] {
		return &PagingError{Pages: p.n, Reason: "the server handed back a page token it had already given (a pagination loop); results are incomplete"}
	}
	if p.n >= p.max {
		return &PagingError{Pages: p.n, Reason: fmt.Sprintf("the page cap was reached with more pages to come (raise --max-pages above %d)", p.max)}
	}
	p.seen[next] = true
	return nil
}

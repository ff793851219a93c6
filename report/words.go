package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// Number formats an integer with thousands separators: 38000 -> "38,000".
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Money formats dollars to the whole dollar: 38412.5 -> "$38,413". It is
// the one form of money in every format and sentence, so a figure reads the
// same in the terminal, the PR comment and the executive report.
func Money(v float64) string {
	if v < 0 {
		return "-" + Money(-v)
	}
	return "$" + Number(int(math.Round(v)))
}

// percent formats a 0-1 share as a percentage: 0.4213 -> "42%", 0.042 ->
// "4.2%"; a tiny non-zero share never reads as "0%".
func percent(share float64) string { return percent100(share * 100) }

// percent100 formats a value already in percent (0-100), as percent does.
func percent100(p float64) string {
	switch {
	case p == 0:
		return "0%"
	case p > 0 && p < 0.1:
		return "<0.1%"
	case p < 10 && p != math.Trunc(p):
		return strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64) + "%"
	}
	return strconv.FormatFloat(math.Round(p), 'f', -1, 64) + "%"
}

// Decimal formats a float with at most digits decimals and no trailing zeros.
func Decimal(v float64, digits int) string {
	p := math.Pow(10, float64(digits))
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}

// plural says "1 service" or "3 services".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(n) + " " + many
}

func pluralVerb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinAnd joins words as English: "a", "a and b", "a, b and c"; beyond max
// items it ends with "and N more".
func joinAnd(items []string, max int) string {
	if max > 0 && len(items) > max {
		rest := len(items) - max
		return strings.Join(items[:max], ", ") + " and " + Number(rest) + " more"
	}
	switch len(items) {
	case 0:
		return "nothing"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// providerName is a provider's display name: "aws" -> "AWS".
func providerName(p string) string { return graph.ProviderTitle(p) }

// nodePhrase names a node for a sentence when the result carries no display
// name for it: a placement by its id's shape (graph.PlacementPhrase), anything
// else shortened with compactID, as chains show it.
func nodePhrase(id string, level graph.Level) string {
	if p := graph.PlacementPhrase(id, level); p != "" {
		return p
	}
	return compactID(id)
}

// scenarioTarget names what a scenario failed, for "If ... fails": the
// one node it failed by its display name (else its phrase at the
// scenario's level), anything else by the scenario's name.
func scenarioTarget(s simulate.Scenario, names map[string]string) string {
	if len(s.Nodes) == 1 {
		return nodeName(names, s.Nodes[0], graph.Level(s.Kind))
	}
	if s.Name != "" {
		return s.Name
	}
	return strings.Join(s.Fail, " + ")
}

// shortID shortens a long provider id for display (graph.ShortID).
func shortID(id string) string { return graph.ShortID(id) }

// compactID is shortID for tight spaces (graph.CompactID).
func compactID(id string) string { return graph.CompactID(id) }

// notScored is what every format shows for a resilience figure of an
// estate with nothing to score (simulate.Score.NotScored): never 100 / A.
const notScored = "not scored"

// scoreLine is "72.5 / 100 (grade C)", or "not scored" for nothing to score.
func scoreLine(s simulate.Score) string {
	if s.NotScored {
		return notScored
	}
	return fmt.Sprintf("%s / 100 (grade %s)", Decimal(s.Resilience, 1), s.Grade)
}

package simulate

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Monte Carlo for cones too large to enumerate. Failures are rare (p ~ 1e-4
// per node), so plain sampling would almost never see the service DOWN. The
// variance reduction is conditioning (stratification): with the single
// points UP, a state with fewer than two failures among the other nodes F
// leaves the service UP, so
//
//	P(DOWN | S up) = P(N >= 2) x P(DOWN | N >= 2),
//
// where N counts failures in F. P(N >= 2) is computed exactly; only
// P(DOWN | N >= 2) is sampled, drawing states exactly from the conditional
// distribution: the first failure J1 = a with probability
// p_a prod_{i<a}(1-p_i) P(N_{>a} >= 1) / P(N >= 2), the second J2 = b > a with
// probability p_b prod_{a<i<b}(1-p_i) / P(N_{>a} >= 1), and every node after b
// independently with its own p. With L[j] = sum_{i<j} log(1-p_i) each draw
// is a binary search, so a sample costs O(log |F|) plus one cone-local
// propagation. Every sample is a state with at least two failures, where the
// DOWN share is no longer a rare event; the estimate is that share times
// P(N >= 2), with a 95% Wilson score interval (sound with zero hits).
func (c *coneNet) sample(t slaTable, other []int32, coneLen int, prop stateJudge, id string, e *estimate) (q, lo, hi float64) {
	n := len(other)
	L, one, cum := c.floats(0, n+1), c.floats(1, n+1), c.floats(2, n)
	L[0], one[n] = 0, 0
	c.sampleLoc = slices.Grow(c.sampleLoc[:0], n)[:n]
	loc := c.sampleLoc
	for j, x := range other {
		L[j+1] = L[j] + t.logUp(x)
		loc[j] = prop.local(x)
	}
	// one[k] = P(at least one failure among other[k:]); cum[a] is the
	// cumulative P(J1 <= a, N >= 2).
	for k := range n {
		one[k] = -math.Expm1(L[n] - L[k])
	}
	var total float64
	for a, x := range other {
		total += t.p[x] * math.Exp(L[a]) * one[a+1]
		cum[a] = total
	}
	e.stratum = total
	if total == 0 {
		return 0, 0, 0
	}
	samples := min(mcMaxSamples, max(mcMinSamples, mcWork/coneLen))
	e.samples = samples
	rng := rand.New(rand.NewPCG(seedOf(id), 0x5eed_a7a1_1ab1_e))
	seeds := make([]int32, 0, 8)
	hits := 0
	for range samples {
		a := min(n-2, searchAbove(cum, rng.Float64()*total))
		// J2: the smallest b > a with L[b+1] <= L[a+1] + log(1 - u P(N_{>a} >= 1)).
		b := min(n-1, searchLE(L, a+2, n+1, L[a+1]+math.Log1p(-rng.Float64()*one[a+1]))-1)
		seeds = append(seeds[:0], loc[a], loc[b])
		// Every later node fails independently: with W uniform in (0, 1],
		// the next failure after k is the smallest j with
		// L[j+1] <= L[k+1] + log W, none if there is no such j.
		for k := b; k < n-1; {
			next := searchLE(L, k+2, n+1, L[k+1]+math.Log(1-rng.Float64())) - 1
			if next >= n {
				break
			}
			seeds = append(seeds, loc[next])
			k = next
		}
		if prop.downWith(seeds) {
			hits++
		}
	}
	q = float64(hits) / float64(samples)
	lo, hi = wilson(hits, samples)
	return q, lo, hi
}

// wilson is the 95% Wilson score interval of a proportion.
func wilson(hits, n int) (lo, hi float64) {
	q, nn := float64(hits)/float64(n), float64(n)
	z2 := z95 * z95
	center := (q + z2/(2*nn)) / (1 + z2/nn)
	half := z95 / (1 + z2/nn) * math.Sqrt(q*(1-q)/nn+z2/(4*nn*nn))
	return max(0, center-half), min(1, center+half)
}

// searchAbove returns the smallest i with cum[i] > x (cum is non-decreasing).
func searchAbove(cum []float64, x float64) int {
	lo, hi := 0, len(cum)
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); cum[h] > x {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo
}

// searchLE returns the smallest j in [lo, hi) with L[j] <= x, or hi (L is
// non-increasing).
func searchLE(L []float64, lo, hi int, x float64) int {
	if lo < hi && L[hi-1] > x { // the common case: no further failure
		return hi
	}
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); L[h] <= x {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo
}

// floats is scratch buffer k of the cone net, n long (contents undefined).
func (c *coneNet) floats(k, n int) []float64 {
	c.buf[k] = slices.Grow(c.buf[k][:0], n)[:n]
	return c.buf[k]
}

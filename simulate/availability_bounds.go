package simulate

// Bounds of the factoring's nodes and the P(DOWN) of a group of
// independent members.

// Bounds of a node: lo (DOWN with every free node UP) and hi (DOWN with
// every free node DOWN), as bits of one byte. lo implies hi, so a node is
// certainly UP, random, or certainly DOWN.
const (
	stLo     uint8 = 1
	stHi     uint8 = 2
	stUp     uint8 = 0
	stRandom       = stHi
	stDown         = stLo | stHi
)

// bound sets v's bounds from its children's.
func (f *factorNet) bound(v int32) {
	switch f.fixed[v] {
	case fixedUp:
		f.st[v] = stUp
		return
	case fixedDown:
		f.st[v] = stDown
		return
	}
	kids := f.kids[f.off[v]:f.off[v+1]]
	if f.group[v] {
		mult := f.mult[f.off[v]:f.off[v+1]]
		var dLo, dHi int32
		for j, c := range kids {
			s := f.st[c]
			dLo += mult[j] * int32(s&stLo)
			dHi += mult[j] * int32(s>>1)
		}
		var s uint8
		if dLo > f.slack[v] {
			s = stLo
		}
		if dHi > f.slack[v] {
			s |= stHi
		}
		f.st[v] = s
		return
	}
	var s uint8 // an AND node: lo if a child is, hi if it or a child can fail
	if f.p[v].q > 0 {
		s = stHi
	}
	for _, c := range kids {
		s |= f.st[c]
	}
	f.st[v] = s
}

// groupDown is P(more members DOWN than the group's slack): the members
// certainly DOWN count at once, the random ones are independent (no random
// node below is shared), and dp[t] collects the tail directly.
func (f *factorNet) groupDown(v int32, kids, mult []int32) float64 {
	t := f.slack[v] + 1
	for j, c := range kids {
		if f.st[c] == stDown {
			t -= mult[j]
		}
	}
	f.dp = fill(f.dp, int(t)+1, 0)
	dp := f.dp
	dp[0] = 1
	for j, c := range kids {
		if f.st[c] != stRandom {
			continue
		}
		d, k := f.d[c], mult[j]
		var tail float64
		for i := max(0, t-k); i < t; i++ {
			tail += dp[i] * d
		}
		for i := t - 1; i >= 0; i-- {
			dp[i] *= 1 - d
			if i >= k {
				dp[i] += dp[i-k] * d
			}
		}
		dp[t] += tail
	}
	return dp[t]
}

package simulate

import (
	"math"
	"slices"
)

// Every displayed number is rounded here, half away from zero, so the same
// estate gives the same bytes on every machine.

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }

// Grade maps a (rounded) resilience score to a letter (DESIGN.md §7):
// A >= 90, B >= 80, C >= 70, D >= 60, F below.
func Grade(score float64) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	case score >= 60:
		return "D"
	}
	return "F"
}

func sortInt32(s []int32) { slices.Sort(s) }

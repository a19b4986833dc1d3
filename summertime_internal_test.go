package dfdg

import (
	"math/rand/v2"
	"testing"
	"time"
)

// offsetByRule is offsetAt's EU rule without the table: the year, then its two Sundays.
func offsetByRule(u int64) int {
	y, _, _ := civil(int(floorDiv(u, secondsPerDay)))
	if u >= lastSundayOneUTC(y, time.March) && u < lastSundayOneUTC(y, time.October) {
		return 7200
	}
	return 3600
}

// The table of summer times gives the rule's offset at every instant it covers, at its edges, at
// every turn of a year and of summer time, and after it ends.
func TestSummerTimeTableAgreesWithTheRule(t *testing.T) {
	var instants []int64
	for i := range summerYears {
		for _, edge := range summerTime[i] {
			instants = append(instants, edge-1, edge, edge+1)
		}
	}
	r := rand.New(rand.NewPCG(19, 96))
	end := summerTime[summerYears-1][0] + 3*366*secondsPerDay
	for range 200_000 {
		instants = append(instants, euRuleFrom+r.Int64N(end-euRuleFrom))
	}
	for _, u := range instants {
		if got, want := offsetAt(u), offsetByRule(u); got != want {
			t.Fatalf("%s: offset %d, the rule says %d", time.Unix(u, 0).UTC(), got, want)
		}
	}
}

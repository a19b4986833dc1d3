package dfdg

import "time"

//go:generate go run copenhagen_gen.go

const (
	secondsPerDay = 86400
	// euRuleFrom is 1996-01-01T00:00:00Z; from then on Denmark follows the EU summer-time rule.
	euRuleFrom = 820454400
)

// The zones Time and InDenmark put their results in. They are created once and never changed.
var (
	zoneCET  = time.FixedZone("CET", 3600)
	zoneCEST = time.FixedZone("CEST", 7200)
	zoneLMT  = time.FixedZone("LMT", 3020)
)

// DateOf returns the Danish date of the instant t: its calendar date in Europe/Copenhagen, whatever
// t's own location. It is exact across summer time and needs no zoneinfo on the machine: from 1996 it
// applies the EU rule (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October), before that a table generated from the IANA database. The zero time.Time
// gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	u := t.Unix()
	days := floorDiv(u+int64(offsetAt(u)), secondsPerDay)
	return Date{n: int32(clamp(days+unixOffset, minN, maxN))}
}

// InDenmark returns t in Danish local time, in a fixed zone named CET or CEST, for display. The
// instant is unchanged.
func InDenmark(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(zoneFor(offsetAt(t.Unix())))
}

func zoneFor(off int) *time.Location {
	switch off {
	case 7200:
		return zoneCEST
	case 3600:
		return zoneCET
	}
	return zoneLMT
}

// summerTime holds, for each year from 1996 on, the instants (Unix seconds) it starts, its summer
// time starts and its summer time ends, so that the offset of an instant is two comparisons away.
// It is computed once and never changed.
var summerTime = func() (out [summerYears][3]int64) {
	for i := range out {
		y := 1996 + i
		out[i] = [3]int64{int64(daysFromCivil(y, time.January, 1)) * secondsPerDay,
			lastSundayOneUTC(y, time.March), lastSundayOneUTC(y, time.October)}
	}
	return out
}()

// summerYears is how many years summerTime holds: 1996 to 2395. Later instants take the long way.
const summerYears = 400

// offsetAt returns Denmark's offset from UTC, in seconds, at the Unix instant u.
func offsetAt(u int64) int {
	if u >= euRuleFrom {
		// The year is within one of the estimate from the mean Gregorian year.
		if i := int((u - euRuleFrom) / 31556952); i < summerYears-1 {
			if u < summerTime[i][0] {
				i--
			} else if u >= summerTime[i+1][0] {
				i++
			}
			if u >= summerTime[i][1] && u < summerTime[i][2] {
				return 7200
			}
			return 3600
		}
		y, _, _ := civil(int(floorDiv(u, secondsPerDay)))
		if u >= lastSundayOneUTC(y, time.March) && u < lastSundayOneUTC(y, time.October) {
			return 7200
		}
		return 3600
	}
	t := &copenhagenBefore1996
	if u < t[0].from {
		return int(t[0].off)
	}
	lo, hi := 0, len(t)-1 // t[lo].from <= u
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t[mid].from <= u {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return int(t[lo].off)
}

// lastSundayOneUTC returns 01:00 UTC on the last Sunday of month m in year y, in Unix seconds.
func lastSundayOneUTC(y int, m time.Month) int64 {
	last := daysFromCivil(y, m, daysIn(y, m))
	wd := floorMod(last+4, 7) // 0 is Sunday
	return int64(last-wd)*secondsPerDay + 3600
}

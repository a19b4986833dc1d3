package dfdg

import (
	"strconv"
	"time"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Date is a civil date: a year, a month and a day, with no time of day and no time zone. DFDG's
// business dates (an absence's start, a deadline's due date, a deregistration date) are Dates; the
// instants at which something happened are time.Time values, and DateOf gives the Date of an instant.
//
// The zero Date is "no date" (IsZero reports it); every other Date lies between 0001-01-01 and
// 9999-12-31. Dates compare with Before, After, Equal and Compare, and are safe to use as map keys.
type Date struct {
	// n counts days from 0001-01-01, which is n == 1; n == 0 is the zero Date.
	n int32
}

const (
	// unixOffset is n for 1970-01-01.
	unixOffset = 719163
	minN       = 1       // 0001-01-01
	maxN       = 3652059 // 9999-12-31
)

// NewDate returns the Date year-month-day. Unlike time.Date it does not normalise: 2025-02-29 is an
// error, not 2025-03-01.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < time.January || month > time.December ||
		day < 1 || day > daysIn(year, month) {
		return Date{}, dfdgerrors.New(dfdgerrors.ErrInvalidDate, "", "dato", strconv.Itoa(year)+"-"+strconv.Itoa(int(month))+"-"+strconv.Itoa(day))
	}
	return fromCivil(year, month, day), nil
}

// MustDate is like NewDate but panics when the date does not exist. It is meant for constants in
// tests and examples, where a wrong date is a bug in the program, not bad input.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDate parses a date in DFDG's form YYYY-MM-DD (ISO 8601, four-digit year, zero-padded month
// and day). Anything else, including an empty string and a day that does not exist, is an error
// of kind dfdgerrors.ErrInvalidDate; ParseDate never returns the zero Date without an error.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, invalidDate(s)
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, invalidDate(s)
	}
	return fromCivil(y, time.Month(m), d), nil
}

// MustParseDate is like ParseDate but panics on a malformed date. It is meant for constants in
// tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// invalidDate is the error for the text s, which is not a date. The error masks and shortens the
// value when it is read.
func invalidDate(s string) error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidDate, "", "dato", strconv.Quote(s))
}

// atoiN parses a short run of ASCII digits.
func atoiN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d.n == 0 }

// Date returns the year, month and day of d; for the zero Date it returns 0, 0, 0.
func (d Date) Date() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	return civil(int(d.n) - unixOffset)
}

// Year returns d's year (0 for the zero Date).
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns d's month (0 for the zero Date).
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns d's day of the month (0 for the zero Date).
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns d's day of the week. It is meaningless for the zero Date.
func (d Date) Weekday() time.Weekday {
	return time.Weekday(floorMod(int(d.n)-unixOffset+4, 7)) // 1970-01-01 was a Thursday
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d.n == e.n }

// Compare returns -1 if d is before e, 0 if they are equal and +1 if d is after e. The zero Date
// sorts before every other date.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Sub returns the number of days from e to d: positive when d is after e, so
// MustParseDate("2025-03-01").Sub(MustParseDate("2025-02-01")) is 28. Both dates must be non-zero;
// with a zero Date the result has no meaning.
func (d Date) Sub(e Date) int { return int(d.n) - int(e.n) }

// AddDays returns d plus n days (n may be negative). The zero Date stays zero; a result outside
// 0001-01-01…9999-12-31 saturates at that bound.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	return Date{n: int32(clamp(int64(d.n)+int64(n), minN, maxN))}
}

// AddMonths returns d plus n months (n may be negative). When the day does not exist in the
// resulting month, the result is that month's last day: 2023-08-31 plus 6 months is 2024-02-29 and
// 2024-08-31 plus 6 months is 2025-02-28 (EU Regulation 1182/71 art. 3(2)(c); forældelsesloven
// § 27 uses the same convention). It never overflows into the next month, as time.AddDate does.
// The zero Date stays zero; a result outside the supported years saturates.
func (d Date) AddMonths(n int) Date {
	if d.n == 0 {
		return d
	}
	y, m, day := civil(int(d.n) - unixOffset)
	total := int64(y)*12 + int64(m-1) + int64(n)
	if total < 12 { // before year 1
		return Date{n: minN}
	}
	if total >= 10000*12 {
		return Date{n: maxN}
	}
	ny, nm := int(total/12), time.Month(total%12+1)
	return fromCivil(ny, nm, min(day, daysIn(ny, nm)))
}

// AddYears returns d plus n years, clamped like AddMonths: 2024-02-29 plus 6 years is 2030-02-28.
func (d Date) AddYears(n int) Date {
	// Beyond 10,000 years every result saturates; the bound keeps 12*n from overflowing.
	return d.AddMonths(12 * min(max(n, -10000), 10000))
}

// String returns d as YYYY-MM-DD, or the empty string for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	var buf [10]byte
	return string(d.appendTo(buf[:0]))
}

// AppendFormat appends d as YYYY-MM-DD to b (nothing for the zero Date), without allocating when b
// has room.
func (d Date) AppendFormat(b []byte) []byte {
	if d.n == 0 {
		return b
	}
	return d.appendTo(b)
}

func (d Date) appendTo(b []byte) []byte {
	y, m, day := civil(int(d.n) - unixOffset)
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-',
		byte('0'+day/10), byte('0'+day%10))
}

// Time returns the instant at which d begins in Denmark, 00:00 Europe/Copenhagen, in a fixed zone
// named CET or CEST (or LMT before 1894). The zero Date gives the zero time.Time.
func (d Date) Time() time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	day := int64(int(d.n) - unixOffset)
	// The first instant whose Danish date is d lies in the few hours before midnight UTC (Denmark has
	// always been ahead of UTC: by 50 minutes of local mean time before 1894, one or two hours since);
	// local dates never run backwards across midnight, so a binary search finds it even on a day whose
	// midnight fell in a clock change.
	lo, hi := day*secondsPerDay-4*3600, day*secondsPerDay
	for lo < hi {
		mid := lo + (hi-lo)/2
		if floorDiv(mid+int64(offsetAt(mid)), secondsPerDay) >= day {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return time.Unix(lo, 0).In(zoneFor(offsetAt(lo)))
}

func fromCivil(y int, m time.Month, d int) Date {
	return Date{n: int32(daysFromCivil(y, m, d) + unixOffset)}
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// algorithm, for years ≥ 1: the shifted year y is never negative, so the era is y / 400).
func daysFromCivil(y int, m time.Month, d int) int {
	if m <= time.February {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civil is the inverse of daysFromCivil, for days from 0001-01-01 on (where z below is 306, never
// negative): every Date, and every instant from 1996 that offsetAt reads.
func civil(z int) (int, time.Month, int) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func clamp(v, lo, hi int64) int64 { return min(max(v, lo), hi) }

func floorMod(a, b int) int {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// floorDiv divides a by b > 0, rounding down.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

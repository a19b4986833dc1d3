package dfdg_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the reference, on machines without zoneinfo too

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateOfAcrossSummerTime(t *testing.T) {
	cases := []struct {
		instant string
		want    string
	}{
		{"2025-03-29T22:59:59Z", "2025-03-29"}, // 23:59:59 CET
		{"2025-03-29T23:00:00Z", "2025-03-30"}, // 00:00 CET
		{"2025-03-30T00:59:59Z", "2025-03-30"}, // 01:59:59 CET, one second before the change
		{"2025-03-30T01:00:00Z", "2025-03-30"}, // 03:00 CEST
		{"2025-03-30T21:59:59Z", "2025-03-30"}, // 23:59:59 CEST
		{"2025-03-30T22:00:00Z", "2025-03-31"}, // 00:00 CEST
		{"2025-10-25T21:59:59Z", "2025-10-25"},
		{"2025-10-25T22:00:00Z", "2025-10-26"}, // 00:00 CEST
		{"2025-10-26T00:59:59Z", "2025-10-26"}, // 02:59:59 CEST
		{"2025-10-26T01:00:00Z", "2025-10-26"}, // 02:00 CET, the hour again
		{"2025-10-26T22:59:59Z", "2025-10-26"}, // 23:59:59 CET
		{"2025-10-26T23:00:00Z", "2025-10-27"},
		{"1995-09-24T00:59:59Z", "1995-09-24"}, // before 1996 summer time ended in September
		{"1995-09-24T22:30:00Z", "1995-09-24"}, // 23:30 CET
		{"1970-06-01T22:30:00Z", "1970-06-01"}, // no summer time in 1970: 23:30 CET
		{"1945-06-01T22:30:00Z", "1945-06-02"}, // summer time in 1945: 00:30 CEST
	}
	for _, c := range cases {
		in, err := time.Parse(time.RFC3339, c.instant)
		require.NoError(t, err)
		assert.Equal(t, c.want, dfdg.DateOf(in).String(), c.instant)
	}
	assert.True(t, dfdg.DateOf(time.Time{}).IsZero())
}

// DateOf must agree with the IANA database for every half hour from 1880 to 2100, and with the EU
// rule beyond.
func TestDateOfAgreesWithIANA(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	require.NoError(t, err)
	step := 30 * time.Minute
	if testing.Short() {
		step = 7 * time.Hour
	}
	end := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	for u := time.Date(1880, 1, 1, 0, 0, 0, 0, time.UTC); u.Before(end); u = u.Add(step) {
		local := u.In(loc)
		want := local.Format("2006-01-02")
		if got := dfdg.DateOf(u).String(); got != want {
			t.Fatalf("DateOf(%s) = %s, IANA says %s", u.Format(time.RFC3339), got, want)
		}
		_, off := local.Zone()
		_, gotOff := dfdg.InDenmark(u).Zone()
		if off != gotOff {
			t.Fatalf("InDenmark(%s) offset %d, IANA says %d", u.Format(time.RFC3339), gotOff, off)
		}
	}
}

func TestDateOfIgnoresTheInstantsLocation(t *testing.T) {
	u := time.Date(2025, 7, 1, 23, 30, 0, 0, time.UTC) // 01:30 on 2 July in Denmark
	ny := time.FixedZone("EDT", -4*3600)
	assert.Equal(t, "2025-07-02", dfdg.DateOf(u).String())
	assert.Equal(t, "2025-07-02", dfdg.DateOf(u.In(ny)).String())
	assert.Equal(t, "2025-07-02T01:30:00+02:00", dfdg.InDenmark(u).Format(time.RFC3339))
}

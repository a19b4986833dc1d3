package dfdg_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = dfdg.MustParseDate

func TestParseDate(t *testing.T) {
	valid := []string{"0001-01-01", "1858-01-01", "2024-02-29", "2000-02-29", "2025-12-31", "9999-12-31"}
	for _, s := range valid {
		got, err := dfdg.ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, got.String())
		assert.False(t, got.IsZero())
	}
	invalid := []string{"", "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", "2025-13-01", "2025-00-10",
		"2025-02-29", "1900-02-29", "2025-04-31", "0000-01-01", "2025-01-32", "2025-01-00", "+025-01-01",
		"2025-01-01T00:00:00Z", "２０２５-01-01", "2025-0a-01"}
	for _, s := range invalid {
		got, err := dfdg.ParseDate(s)
		require.Error(t, err, s)
		assert.True(t, got.IsZero(), s)
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidDate, s)
	}
}

func TestNewDate(t *testing.T) {
	got, err := dfdg.NewDate(2024, time.February, 29)
	require.NoError(t, err)
	y, m, dd := got.Date()
	assert.Equal(t, []int{2024, 2, 29}, []int{y, int(m), dd})
	_, err = dfdg.NewDate(2025, time.February, 29)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidDate)
	_, err = dfdg.NewDate(10000, time.January, 1)
	assert.Error(t, err)
	assert.Panics(t, func() { dfdg.MustDate(2025, 2, 30) })
}

func TestZeroDate(t *testing.T) {
	var z dfdg.Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
	assert.True(t, z.AddDays(3).IsZero())
	assert.True(t, z.AddMonths(3).IsZero())
	assert.True(t, z.Time().IsZero())
	assert.True(t, z.Before(d("0001-01-01")), "the zero Date sorts first")
	y, m, dd := z.Date()
	assert.Equal(t, []int{0, 0, 0}, []int{y, int(m), dd})
}

// The month-end cases of EU Regulation 1182/71 art. 3(2)(c), where time.AddDate overflows.
func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	cases := []struct {
		from   string
		months int
		want   string
	}{
		{"2023-08-31", 6, "2024-02-29"}, // leap year
		{"2024-08-31", 6, "2025-02-28"},
		{"2025-08-31", 6, "2026-02-28"},
		{"2025-01-31", 1, "2025-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-03-31", 1, "2025-04-30"},
		{"2025-05-31", -1, "2025-04-30"},
		{"2025-03-31", -1, "2025-02-28"},
		{"2025-01-15", 12, "2026-01-15"},
		{"2025-01-15", -13, "2023-12-15"},
		{"2025-12-31", 2, "2026-02-28"},
		{"2025-04-30", 1, "2025-05-30"}, // not end-of-month sticky
		{"1954-03-31", 65*12 + 6, "2019-09-30"},
		{"2025-06-15", 0, "2025-06-15"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, d(c.from).AddMonths(c.months).String(), "%s %+d months", c.from, c.months)
	}
}

func TestAddYearsClamps(t *testing.T) {
	cases := []struct {
		from  string
		years int
		want  string
	}{
		{"2024-02-29", 6, "2030-02-28"},
		{"2024-02-29", 4, "2028-02-29"},
		{"2024-02-29", 1, "2025-02-28"},
		{"1956-02-29", 67, "2023-02-28"},
		{"2000-02-29", -100, "1900-02-28"},
		{"2025-07-01", 6, "2031-07-01"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, d(c.from).AddYears(c.years).String(), "%s %+d years", c.from, c.years)
	}
}

func TestDateArithmeticSaturates(t *testing.T) {
	assert.Equal(t, "9999-12-31", d("9999-12-30").AddDays(10).String())
	assert.Equal(t, "0001-01-01", d("0001-01-02").AddDays(-10).String())
	assert.Equal(t, "9999-12-31", d("9999-06-30").AddMonths(12).String())
	assert.Equal(t, "0001-01-01", d("0001-06-30").AddMonths(-12).String())
	assert.Equal(t, "9999-12-31", d("2025-01-01").AddYears(1<<40).String())
	assert.Equal(t, "0001-01-01", d("2025-01-01").AddYears(-(1 << 40)).String())
	assert.Equal(t, "9999-12-31", d("2025-01-01").AddDays(1<<40).String())
}

func TestDateAgreesWithTimeForEveryDay(t *testing.T) {
	// Walk every day from 1850 to 2150 and compare with the standard library.
	cur := time.Date(1850, 1, 1, 12, 0, 0, 0, time.UTC)
	dd := d("1850-01-01")
	for cur.Year() < 2150 {
		y, m, day := dd.Date()
		require.Equal(t, cur.Format("2006-01-02"), dd.String())
		require.Equal(t, []int{cur.Year(), int(cur.Month()), cur.Day()}, []int{y, int(m), day})
		require.Equal(t, cur.Weekday(), dd.Weekday())
		next := dd.AddDays(1)
		require.Equal(t, 1, next.Sub(dd))
		require.True(t, next.After(dd))
		cur, dd = cur.AddDate(0, 0, 1), next
	}
}

func TestDateCompare(t *testing.T) {
	a, b := d("2025-03-01"), d("2025-03-02")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.False(t, a.Equal(b))
	assert.True(t, a.Equal(d("2025-03-01")))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 28, d("2025-03-01").Sub(d("2025-02-01")))
	assert.Equal(t, -366, d("2024-01-01").Sub(d("2025-01-01")))
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		D dfdg.Date `json:"d"`
	}
	b, err := json.Marshal(rec{D: d("2025-07-01")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2025-07-01"}`, string(b))
	b, err = json.Marshal(rec{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":null}`, string(b))

	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2024-02-29"}`), &r))
	assert.Equal(t, d("2024-02-29"), r.D)
	require.NoError(t, json.Unmarshal([]byte(`{"d":null}`), &r))
	assert.True(t, r.D.IsZero())
	for _, bad := range []string{`{"d":""}`, `{"d":"2025-02-30"}`, `{"d":20250101}`, `{"d":"2025-01-01T00:00:00Z"}`, `{"d":true}`} {
		r = rec{D: d("2000-01-01")}
		err := json.Unmarshal([]byte(bad), &r)
		assert.Error(t, err, bad)
	}
}

func TestDateSQL(t *testing.T) {
	var x dfdg.Date
	require.NoError(t, x.Scan("2025-07-01"))
	assert.Equal(t, d("2025-07-01"), x)
	require.NoError(t, x.Scan([]byte("2024-02-29")))
	assert.Equal(t, d("2024-02-29"), x)
	require.NoError(t, x.Scan("2024-03-01T00:00:00Z"))
	assert.Equal(t, d("2024-03-01"), x)
	// A DATE column comes back from drivers as midnight UTC: its fields are the date.
	require.NoError(t, x.Scan(time.Date(2025, 3, 30, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, d("2025-03-30"), x)
	require.NoError(t, x.Scan(nil))
	assert.True(t, x.IsZero())
	assert.Error(t, x.Scan(42))
	assert.Error(t, x.Scan("30-03-2025"))

	v, err := d("2025-07-01").Value()
	require.NoError(t, err)
	assert.Equal(t, "2025-07-01", v)
	v, err = dfdg.Date{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)
}

func TestDateTimeIsDanishMidnight(t *testing.T) {
	cases := []struct {
		date string
		utc  string
		zone string
	}{
		{"2025-01-15", "2025-01-14T23:00:00Z", "CET"},
		{"2025-07-01", "2025-06-30T22:00:00Z", "CEST"},
		{"2025-03-30", "2025-03-29T23:00:00Z", "CET"}, // the day summer time starts, at 02:00
		{"2025-03-31", "2025-03-30T22:00:00Z", "CEST"},
		{"2025-10-26", "2025-10-25T22:00:00Z", "CEST"}, // the day it ends, at 03:00
		{"2025-10-27", "2025-10-26T23:00:00Z", "CET"},
		{"1940-05-15", "1940-05-14T23:00:00Z", "CEST"}, // midnight fell in the gap: the day began at 01:00
	}
	for _, c := range cases {
		got := d(c.date).Time()
		assert.Equal(t, c.utc, got.UTC().Format(time.RFC3339), c.date)
		name, _ := got.Zone()
		assert.Equal(t, c.zone, name, c.date)
		assert.Equal(t, d(c.date), dfdg.DateOf(got), c.date)
		assert.Equal(t, d(c.date).AddDays(-1), dfdg.DateOf(got.Add(-time.Second)), c.date)
	}
}

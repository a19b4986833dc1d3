package gdpr

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sweepDays are days a sweep may run on: the ends of months, 28 and 29 February, the first and last
// supported days, and random days.
func sweepDays(r *rand.Rand) []dfdg.Date {
	days := []dfdg.Date{
		dfdg.MustDate(2030, time.February, 28), dfdg.MustDate(2028, time.February, 29), dfdg.MustDate(2028, time.February, 28),
		dfdg.MustDate(2025, time.August, 31), dfdg.MustDate(2025, time.September, 30), dfdg.MustDate(2026, time.March, 1),
		dfdg.MustDate(1, time.January, 1), dfdg.MustDate(6, time.December, 31), dfdg.MustDate(7, time.January, 1),
		dfdg.MustDate(9999, time.December, 31), dfdg.MustDate(9994, time.January, 1),
	}
	for range 200 {
		days = append(days, dfdg.MustDate(1990, time.January, 1).AddDays(r.IntN(20000)))
	}
	return days
}

// The cut-off of rule 4.1 is the latest date whose period has run out by the day: that date is due
// and the day after is not.
func TestRule4_1_CutoffIsTheLatestDueDate(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 1))
	for _, today := range sweepDays(r) {
		for _, months := range []int{6, 72} {
			c := latest(today, months)
			if c.IsZero() {
				first := dfdg.MustDate(1, time.January, 1)
				assert.True(t, first.AddMonths(months).After(today), "%s: a date is due, so there is a cut-off", today)
				continue
			}
			assert.False(t, c.AddMonths(months).After(today), "%s +%d months: the cut-off %s is due", today, months, c)
			if next := c.AddDays(1); next != c {
				assert.True(t, next.AddMonths(months).After(today), "%s +%d months: the day after %s is not", today, months, c)
			}
		}
	}
	assert.True(t, latest(dfdg.Date{}, 6).IsZero())
}

// A record the sweep passes over is one the rule finds well formed and not due: passing over never
// hides a due record or an error, on any day.
func TestRule4_1_CutoffPassesOverOnlyWhatIsNotDue(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	kinds := dfdg.RecordKinds()
	var rs Rules
	passed, judged := 0, 0
	for _, today := range sweepDays(r) {
		c := cutoffsOn(today)
		for range 300 {
			rec := Record{Kind: kinds[r.IntN(len(kinds))] + dfdg.RecordKind(r.IntN(2)-r.IntN(2)), ID: "r", ProjectType: dfdg.ProjectType(r.IntN(7))}
			day := func() dfdg.Date { return today.AddDays(r.IntN(6000) - 4000) }
			if r.IntN(5) > 0 {
				rec.Start = day()
			}
			if r.IntN(4) > 0 {
				rec.End = day()
			}
			if r.IntN(2) == 0 {
				rec.Birth = dfdg.MustDate(1940, time.January, 1).AddDays(r.IntN(30000))
			}
			due, err := rs.deletionDate(today, time.Time{}, &rec)
			if c.notDue(&rec) {
				passed++
				require.NoError(t, err, "%+v on %s", rec, today)
				require.False(t, due.DueOn(today), "%+v on %s is due (%s)", rec, today, due)
				continue
			}
			judged++
		}
	}
	assert.Positive(t, passed)
	assert.Positive(t, judged)
}

// A sweep passes over a record one day short of its period without computing its deletion date, and
// judges one whose period has run out.
func TestRule4_1_CutoffPassesOverTheDayBefore(t *testing.T) {
	today := dfdg.MustDate(2031, time.August, 31)
	c := cutoffsOn(today)
	for _, tc := range []struct {
		rec        Record
		passedOver bool
	}{
		{Record{Kind: dfdg.RecordRegistration, End: dfdg.MustDate(2025, time.September, 1)}, true},
		{Record{Kind: dfdg.RecordRegistration, End: dfdg.MustDate(2025, time.August, 31)}, false},
		{Record{Kind: dfdg.RecordPersonGroupMarking, ProjectType: dfdg.ProjektAkasse, End: dfdg.MustDate(2031, time.March, 1)}, true},
		{Record{Kind: dfdg.RecordPersonGroupMarking, ProjectType: dfdg.ProjektAkasse, End: dfdg.MustDate(2031, time.February, 28)}, false},
		{Record{Kind: dfdg.RecordDeceased, End: dfdg.MustDate(2025, time.September, 1)}, true},
		{Record{Kind: dfdg.RecordDeceased, End: dfdg.MustDate(2031, time.September, 1)}, false}, // after today: an error
	} {
		assert.Equal(t, tc.passedOver, c.notDue(&tc.rec), "%+v", tc.rec)
	}
}

// A deletion that causes no message has none: nil, as a decision without messages has.
func TestRule4_1_DeletionWithoutMessagesHasNil(t *testing.T) {
	var rs Rules
	d, err := rs.Delete(dfdg.At{Now: time.Date(2031, 9, 1, 12, 0, 0, 0, time.UTC)},
		Record{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: dfdg.MustDate(2019, time.March, 1), End: dfdg.MustDate(2019, time.August, 31)})
	require.NoError(t, err)
	assert.Nil(t, d.Messages)
}

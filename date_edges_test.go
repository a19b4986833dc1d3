package dfdg_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NewDate accepts exactly 0001-01-01 to 9999-12-31, every month, every day of it.
func TestNewDateBounds(t *testing.T) {
	for _, ok := range [][3]int{{1, 1, 1}, {9999, 12, 31}, {2025, 1, 31}, {2025, 12, 1}, {2024, 2, 29}} {
		got, err := dfdg.NewDate(ok[0], time.Month(ok[1]), ok[2])
		require.NoError(t, err, "%v", ok)
		assert.Equal(t, ok[0], got.Year())
		assert.Equal(t, time.Month(ok[1]), got.Month())
		assert.Equal(t, ok[2], got.Day())
	}
	for _, bad := range [][3]int{{0, 12, 31}, {10000, 1, 1}, {2025, 0, 1}, {2025, 13, 1}, {2025, 1, 0}, {2025, 1, 32}, {2025, 2, 29}} {
		_, err := dfdg.NewDate(bad[0], time.Month(bad[1]), bad[2])
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidDate, "%v", bad)
	}
}

// AddMonths and AddYears saturate only beyond the supported years.
func TestAddMonthsAtTheEdges(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"0001-01-15", 0, "0001-01-15"},
		{"0001-02-15", -1, "0001-01-15"},
		{"0001-02-15", -2, "0001-01-01"},
		{"9999-11-15", 1, "9999-12-15"},
		{"9999-12-15", 1, "9999-12-31"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-01-29", 1, "2024-02-29"},
		{"2024-01-28", 1, "2024-02-28"},
	} {
		assert.Equal(t, tc.want, dfdg.MustParseDate(tc.from).AddMonths(tc.months).String(), "%s %+d", tc.from, tc.months)
	}
	d := dfdg.MustParseDate("2024-02-29")
	assert.Equal(t, "9999-12-31", d.AddYears(10000).String())
	assert.Equal(t, "9999-12-31", d.AddYears(1<<40).String())
	assert.Equal(t, "0001-01-01", d.AddYears(-10000).String())
	assert.Equal(t, "0001-01-01", d.AddYears(-1<<40).String())
	assert.Equal(t, "7999-02-28", d.AddYears(5975).String())
}

// Date's decoders: the empty JSON string is an error naming no value; Scan reads a date with a time
// after a T or a space, and nothing else after it.
func TestDateDecodingEdges(t *testing.T) {
	var d dfdg.Date
	err := d.UnmarshalJSON([]byte(`""`))
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrInvalidDate, e.Kind())
	assert.Equal(t, `""`, e.Value())
	for _, s := range []string{"2025-07-01", "2025-07-01T08:00:00Z", "2025-07-01 08:00"} {
		require.NoError(t, d.Scan(s), s)
		assert.Equal(t, "2025-07-01", d.String())
	}
	for _, s := range []string{"2025-07-01x", "2025-07-01/08", "2025-07-0"} {
		assert.ErrorIs(t, d.Scan(s), dfdgerrors.ErrInvalidDate, s)
	}
}

// A status outside the list has no text to write.
func TestDeadlineStatusOutOfRange(t *testing.T) {
	_, err := dfdg.DeadlineClosed.MarshalText()
	assert.NoError(t, err)
	_, err = (dfdg.DeadlineClosed + 1).MarshalText()
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
}

// Rule 1.1: only an open deadline past its due date is overdue.
func TestRule1_1_DeadlineStatusOn(t *testing.T) {
	due := dfdg.MustParseDate("2025-09-30")
	after := due.AddDays(1)
	assert.Equal(t, dfdg.DeadlineOpen, dfdg.Deadline{Due: due}.StatusOn(due))
	assert.Equal(t, dfdg.DeadlineOverdue, dfdg.Deadline{Due: due}.StatusOn(after))
	assert.Equal(t, dfdg.DeadlineFulfilled, dfdg.Deadline{Due: due, Status: dfdg.DeadlineFulfilled}.StatusOn(after))
	assert.Equal(t, dfdg.DeadlineClosed, dfdg.Deadline{Due: due, Status: dfdg.DeadlineClosed}.StatusOn(after))
	assert.Equal(t, dfdg.DeadlineOpen, dfdg.Deadline{}.StatusOn(after))
}

// Apply updates the record with the change's id, wherever it stands, and leaves the others.
func TestApplyMatchesByID(t *testing.T) {
	start := dfdg.MustParseDate("2025-10-01")
	c := dfdg.Citizen{
		Absences:   []dfdg.Absence{{ID: "fr-1", Type: 1, Period: dfdg.Period{Start: start}}, {ID: "fr-2", Type: 1, Period: dfdg.Period{Start: start}}},
		Activities: []dfdg.Activity{{ID: "a-1", Type: 7}, {ID: "a-2", Type: 7}},
		Deadlines:  []dfdg.Deadline{{ID: "f-1", Conversation: 7, Due: start}, {ID: "f-2", Conversation: 7, Due: start}},
	}
	got := c.Apply(dfdg.Decision{
		Absences:   []dfdg.Change[dfdg.Absence]{{Type: dfdg.Update, Record: dfdg.Absence{ID: "fr-2", Type: 11, Period: dfdg.Period{Start: start}}}},
		Activities: []dfdg.Change[dfdg.Activity]{{Type: dfdg.Update, Record: dfdg.Activity{ID: "a-1", Type: 8}}},
		Deadlines:  []dfdg.Change[dfdg.Deadline]{{Type: dfdg.Update, Record: dfdg.Deadline{ID: "f-2", Conversation: 7, Due: start, Status: dfdg.DeadlineFulfilled}}},
	})
	assert.Equal(t, []dfdg.AbsenceType{1, 11}, []dfdg.AbsenceType{got.Absences[0].Type, got.Absences[1].Type})
	assert.Equal(t, []dfdg.ActivityType{8, 7}, []dfdg.ActivityType{got.Activities[0].Type, got.Activities[1].Type})
	assert.Equal(t, []dfdg.DeadlineStatus{dfdg.DeadlineOpen, dfdg.DeadlineFulfilled}, []dfdg.DeadlineStatus{got.Deadlines[0].Status, got.Deadlines[1].Status})
	got = c.Apply(dfdg.Decision{Absences: []dfdg.Change[dfdg.Absence]{{Type: dfdg.Update, Record: dfdg.Absence{ID: "fr-3"}}}})
	assert.Len(t, got.Absences, 3, "an update of a record not there adds it")
	got = c.Apply(dfdg.Decision{Absences: []dfdg.Change[dfdg.Absence]{{Type: dfdg.Delete, Record: dfdg.Absence{ID: "fr-3"}}}})
	assert.Len(t, got.Absences, 2, "deleting a record not there changes nothing")
}

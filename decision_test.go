package dfdg_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Changes reports a change in any of a decision's lists, or a message.
func TestDecisionChanges(t *testing.T) {
	assert.False(t, dfdg.Decision{}.Changes())
	assert.False(t, dfdg.Decision{Outcome: dfdg.Outcome{Rules: dfdg.RulesOf(dfdg.Rule1_5)}}.Changes(), "rules alone change nothing")
	for name, d := range map[string]dfdg.Decision{
		"membership":      {Memberships: []dfdg.Change[dfdg.Membership]{{}}},
		"registration":    {Registrations: []dfdg.Change[dfdg.Registration]{{}}},
		"person category": {PersonCategories: []dfdg.Change[dfdg.PersonCategorization]{{}}},
		"deadline":        {Deadlines: []dfdg.Change[dfdg.Deadline]{{}}},
		"absence":         {Absences: []dfdg.Change[dfdg.Absence]{{}}},
		"activity":        {Activities: []dfdg.Change[dfdg.Activity]{{}}},
		"message":         {Outcome: dfdg.Outcome{Messages: []dfdg.Message{{}}}},
	} {
		assert.True(t, d.Changes(), name)
	}
}

// Apply finds the record a change is about by its id, or, for records stored without one, by what
// identifies them: a membership by start and group, a registration by start, a person category by
// start and category, a deadline by conversation type and due date.
func TestApplyMatchesRecordsWithoutID(t *testing.T) {
	start := time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)
	later := start.Add(time.Hour)
	end := start.AddDate(0, 1, 0)
	c := dfdg.Citizen{
		Memberships:      []dfdg.Membership{{Group: 1, Start: start}, {Group: 8, Start: start}},
		Registrations:    []dfdg.Registration{{Category: 40, Start: start}, {Category: 40, Start: later}},
		PersonCategories: []dfdg.PersonCategorization{{Category: 1, Start: start}, {Category: 2, Start: start}},
		Deadlines: []dfdg.Deadline{{Conversation: 7, Due: dfdg.MustParseDate("2025-09-30")},
			{Conversation: 7, Due: dfdg.MustParseDate("2025-10-31")}, {Conversation: 17, Due: dfdg.MustParseDate("2025-09-30")}},
	}
	d := dfdg.Decision{
		Memberships:      []dfdg.Change[dfdg.Membership]{{Type: dfdg.Update, Record: dfdg.Membership{Group: 8, Start: start, End: end}}},
		Registrations:    []dfdg.Change[dfdg.Registration]{{Type: dfdg.Update, Record: dfdg.Registration{Category: 40, Start: later, End: end}}},
		PersonCategories: []dfdg.Change[dfdg.PersonCategorization]{{Type: dfdg.Update, Record: dfdg.PersonCategorization{Category: 2, Start: start, End: end}}},
		Deadlines:        []dfdg.Change[dfdg.Deadline]{{Type: dfdg.Update, Record: dfdg.Deadline{Conversation: 7, Due: dfdg.MustParseDate("2025-10-31"), Status: dfdg.DeadlineFulfilled}}},
	}
	got := c.Apply(d)
	assert.Equal(t, []dfdg.Membership{{Group: 1, Start: start}, {Group: 8, Start: start, End: end}}, got.Memberships)
	assert.Equal(t, []dfdg.Registration{{Category: 40, Start: start}, {Category: 40, Start: later, End: end}}, got.Registrations)
	assert.Equal(t, []dfdg.PersonCategorization{{Category: 1, Start: start}, {Category: 2, Start: start, End: end}}, got.PersonCategories)
	assert.Equal(t, dfdg.DeadlineOpen, got.Deadlines[0].Status)
	assert.Equal(t, dfdg.DeadlineFulfilled, got.Deadlines[1].Status)
	assert.Equal(t, dfdg.DeadlineOpen, got.Deadlines[2].Status)
	assert.Len(t, got.Deadlines, 3)

	// A record with an id is matched by its id only.
	withID := dfdg.Citizen{Memberships: []dfdg.Membership{{ID: "kg-1", Group: 1, Start: start}}}
	got = withID.Apply(dfdg.Decision{Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Update, Record: dfdg.Membership{Group: 1, Start: start, End: end}}}})
	assert.Len(t, got.Memberships, 2, "no id does not match kg-1")
	got = withID.Apply(dfdg.Decision{Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Delete, Record: dfdg.Membership{ID: "kg-1"}}}})
	assert.Empty(t, got.Memberships)
	assert.Len(t, withID.Memberships, 1, "the citizen given is left as it was")
}

// checkStatusText checks that every status in all reads back from its text, that the empty text is
// def, and that another text or a nil target is an error.
func checkStatusText[T comparable, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, def T, other string, all ...T) {
	t.Helper()
	for _, s := range all {
		text, err := any(s).(interface{ MarshalText() ([]byte, error) }).MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, P(&back).UnmarshalText(text))
		assert.Equal(t, s, back)
	}
	s := all[len(all)-1]
	require.NoError(t, P(&s).UnmarshalText(nil))
	assert.Equal(t, def, s, "the empty text")
	assert.ErrorIs(t, P(&s).UnmarshalText([]byte(other)), dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, P(nil).UnmarshalText(nil), dfdgerrors.ErrInvalidValue)
}

// The status texts read back, the empty text is the default status, and another text is an error.
func TestStatusUnmarshalText(t *testing.T) {
	checkStatusText(t, dfdg.ActivityActive, "aflyst!", dfdg.ActivityActive, dfdg.ActivityInterrupted, dfdg.ActivityCancelled)
	checkStatusText(t, dfdg.DeadlineOpen, "lukket", dfdg.DeadlineOpen, dfdg.DeadlineOverdue, dfdg.DeadlineFulfilled, dfdg.DeadlineClosed)
}

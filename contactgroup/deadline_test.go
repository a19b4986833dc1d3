package contactgroup_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note's situation: a dagpengemodtager whose deadline is 'Overskredet frist' gets a deadline for
// another conversation type.
func TestRule1_1_OverdueDeadlineDoesNotBlock(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Deadlines: []contactgroup.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-01"), Status: contactgroup.DeadlineOverdue},
	}}
	d, err := contactgroup.CreateDeadline(c, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}, at("2025-09-10 09:00"), nil)
	require.NoError(t, err)
	require.Len(t, d.Deadlines, 1)
	assert.Equal(t, dfdg.Create, d.Deadlines[0].Type)
	assert.Equal(t, "f-2", d.Deadlines[0].Record.ID)
	assert.Equal(t, contactgroup.DeadlineOpen, d.Deadlines[0].Record.Status)
	assert.True(t, d.Rules.Has(dfdg.Rule1_1))
	assert.Empty(t, d.Messages)
}

// The status is derived on the decision date: open past its due date is overdue.
func TestRule1_1_StaleOpenStatusPastDueCountsAsOverdue(t *testing.T) {
	c := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-01"), Status: contactgroup.DeadlineOpen},
	}}
	next := contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}
	_, err := contactgroup.CreateDeadline(c, next, at("2025-09-02 00:00"), nil)
	assert.NoError(t, err, "the day after the due date it is overdue")

	_, err = contactgroup.CreateDeadline(c, next, at("2025-09-01 23:59"), nil)
	require.Error(t, err, "on the due date it is still open")
	assert.ErrorIs(t, err, dfdgerrors.ErrOtherDeadlineOpen)
	assert.Equal(t, contactgroup.DeadlineOverdue, c.Deadlines[0].StatusOn(day("2025-09-02")))
	assert.Equal(t, contactgroup.DeadlineOpen, c.Deadlines[0].StatusOn(day("2025-09-01")))
}

func TestRule1_1_OpenDeadlineOfAnotherTypeBlocks(t *testing.T) {
	c := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-30")},
	}}
	d, err := contactgroup.CreateDeadline(c, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}, at("2025-09-10 09:00"), nil)
	require.Error(t, err)
	assert.False(t, d.Changes(), "a rejection decides nothing")
	assert.ErrorIs(t, err, dfdgerrors.ErrOtherDeadlineOpen)
	assert.Equal(t, dfdg.Rule1_1, dfdgerrors.RuleOf(err))
	assert.Equal(t, dfdgerrors.Code(0), dfdgerrors.CodeOf(err), "the note gives no number")
	e, _ := dfdgerrors.As(err)
	assert.Equal(t, "Borgeren har en frist med en anden samtaletype som først skal lukkes", e.Kind.Danish())
	assert.Contains(t, e.Danish(), "frist f-1 (samtaletype 7, fristdato 2025-09-30) er åben")
}

func TestRule1_1_ClosedFulfilledAndSameTypeDoNotBlock(t *testing.T) {
	now := at("2025-09-10 09:00")
	for _, st := range []contactgroup.DeadlineStatus{contactgroup.DeadlineFulfilled, contactgroup.DeadlineClosed, contactgroup.DeadlineOverdue} {
		c := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{{ID: "f-1", Conversation: 7, Due: day("2025-09-30"), Status: st}}}
		_, err := contactgroup.CreateDeadline(c, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}, now, nil)
		assert.NoError(t, err, st.String())
	}
	c := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{{ID: "f-1", Conversation: 4, Due: day("2025-09-30")}}}
	_, err := contactgroup.CreateDeadline(c, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}, now, nil)
	assert.NoError(t, err, "the same conversation type does not block")
}

func TestRule1_1_ValidateListsEveryViolation(t *testing.T) {
	c := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-30")},
		{ID: "f-3", Conversation: 17, Due: day("2025-09-30")},
	}}
	errs := contactgroup.ValidateDeadline(c, contactgroup.Deadline{ID: "f-2"}, at("2025-09-10 09:00"), nil)
	require.Len(t, errs, 4)
	assert.True(t, errs.Has(dfdgerrors.ErrMissingValue))
	assert.True(t, errs.Has(dfdgerrors.ErrOtherDeadlineOpen))
	errs = contactgroup.ValidateDeadline(c, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}, at("2025-10-01 09:00").AddDate(0, 0, 1), nil)
	assert.Empty(t, errs)
}

func TestDeadlineStatusText(t *testing.T) {
	assert.Equal(t, "Overskredet frist", contactgroup.DeadlineOverdue.String())
	assert.Equal(t, "Administrativt lukket", contactgroup.DeadlineClosed.String())
	var s contactgroup.DeadlineStatus
	require.NoError(t, s.UnmarshalText([]byte("Overskredet frist")))
	assert.Equal(t, contactgroup.DeadlineOverdue, s)
	assert.Error(t, s.UnmarshalText([]byte("overdue")))
}

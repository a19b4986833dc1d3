package contactgroup_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note's situation: a dagpengemodtager whose deadline is 'Overskredet frist' gets a deadline for
// another conversation type.
func TestRule1_1_OverdueDeadlineDoesNotBlock(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh, Deadlines: []dfdg.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-01"), Status: dfdg.DeadlineOverdue},
	}}
	d, err := rules.CreateDeadline(muni(at("2025-09-10 09:00")), c, dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")})
	require.NoError(t, err)
	require.Len(t, d.Deadlines, 1)
	assert.Equal(t, dfdg.Create, d.Deadlines[0].Type)
	assert.Equal(t, "f-2", d.Deadlines[0].Record.ID)
	assert.Equal(t, dfdg.DeadlineOpen, d.Deadlines[0].Record.Status)
	assert.True(t, d.Rules.Has(dfdg.Rule1_1))
	assert.Empty(t, d.Messages)
}

// The status is derived on the decision date: open past its due date is overdue.
func TestRule1_1_StaleOpenStatusPastDueCountsAsOverdue(t *testing.T) {
	c := dfdg.Citizen{Deadlines: []dfdg.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-01"), Status: dfdg.DeadlineOpen},
	}}
	next := dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")}
	_, err := rules.CreateDeadline(muni(at("2025-09-02 00:00")), c, next)
	assert.NoError(t, err, "the day after the due date it is overdue")

	_, err = rules.CreateDeadline(muni(at("2025-09-01 23:59")), c, next)
	require.Error(t, err, "on the due date it is still open")
	assert.ErrorIs(t, err, dfdgerrors.ErrOtherDeadlineOpen)
	assert.Equal(t, dfdg.DeadlineOverdue, c.Deadlines[0].StatusOn(day("2025-09-02")))
	assert.Equal(t, dfdg.DeadlineOpen, c.Deadlines[0].StatusOn(day("2025-09-01")))
}

func TestRule1_1_OpenDeadlineOfAnotherTypeBlocks(t *testing.T) {
	c := dfdg.Citizen{Deadlines: []dfdg.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-30")},
	}}
	d, err := rules.CreateDeadline(muni(at("2025-09-10 09:00")), c, dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")})
	require.Error(t, err)
	assert.False(t, d.Changes(), "a rejection decides nothing")
	assert.ErrorIs(t, err, dfdgerrors.ErrOtherDeadlineOpen)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule1_1, e.Rule())
	}
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Zero(t, e.Code(), "the note gives no number")
	}
	e, _ := dfdgerrors.As(err)
	assert.Equal(t, "Borgeren har en frist med en anden samtaletype som først skal lukkes", e.Kind().Danish())
	assert.Contains(t, e.Danish(), "frist f-1 (samtaletype 7, fristdato 2025-09-30) er åben")
}

func TestRule1_1_ClosedFulfilledAndSameTypeDoNotBlock(t *testing.T) {
	now := at("2025-09-10 09:00")
	for _, st := range []dfdg.DeadlineStatus{dfdg.DeadlineFulfilled, dfdg.DeadlineClosed, dfdg.DeadlineOverdue} {
		c := dfdg.Citizen{Deadlines: []dfdg.Deadline{{ID: "f-1", Conversation: 7, Due: day("2025-09-30"), Status: st}}}
		_, err := rules.CreateDeadline(muni(now), c, dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")})
		assert.NoError(t, err, st.String())
	}
	c := dfdg.Citizen{Deadlines: []dfdg.Deadline{{ID: "f-1", Conversation: 4, Due: day("2025-09-30")}}}
	_, err := rules.CreateDeadline(muni(now), c, dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")})
	assert.NoError(t, err, "the same conversation type does not block")
}

func TestRule1_1_ValidateListsEveryViolation(t *testing.T) {
	c := dfdg.Citizen{Deadlines: []dfdg.Deadline{
		{ID: "f-1", Conversation: 7, Due: day("2025-09-30")},
		{ID: "f-3", Conversation: 17, Due: day("2025-09-30")},
	}}
	errs := rules.ValidateCreateDeadline(muni(at("2025-09-10 09:00")), c, dfdg.Deadline{ID: "f-2"})
	require.Len(t, errs, 4)
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrMissingValue)
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrOtherDeadlineOpen)
	errs = rules.ValidateCreateDeadline(muni(at("2025-10-01 09:00").AddDate(0, 0, 1)), c, dfdg.Deadline{ID: "f-2", Conversation: 4, Due: day("2025-10-01")})
	assert.Empty(t, errs)
}

func TestDeadlineStatusText(t *testing.T) {
	assert.Equal(t, "Overskredet frist", dfdg.DeadlineOverdue.String())
	assert.Equal(t, "Administrativt lukket", dfdg.DeadlineClosed.String())
	var s dfdg.DeadlineStatus
	require.NoError(t, s.UnmarshalText([]byte("Overskredet frist")))
	assert.Equal(t, dfdg.DeadlineOverdue, s)
	assert.Error(t, s.UnmarshalText([]byte("overdue")))
}

// Rule 1.1: the status on a day. Only an open deadline past its due date is overdue; a fulfilled or
// closed one keeps its status, and an open one is open on its due date itself.
func TestRule1_1_StatusOn(t *testing.T) {
	due := day("2025-09-30")
	for _, tc := range []struct {
		stored dfdg.DeadlineStatus
		on     string
		want   dfdg.DeadlineStatus
	}{
		{dfdg.DeadlineOpen, "2025-09-30", dfdg.DeadlineOpen},
		{dfdg.DeadlineOpen, "2025-10-01", dfdg.DeadlineOverdue},
		{dfdg.DeadlineFulfilled, "2025-10-01", dfdg.DeadlineFulfilled},
		{dfdg.DeadlineClosed, "2025-10-01", dfdg.DeadlineClosed},
		{dfdg.DeadlineOverdue, "2025-09-01", dfdg.DeadlineOverdue},
	} {
		dl := dfdg.Deadline{Conversation: 7, Due: due, Status: tc.stored}
		assert.Equal(t, tc.want, dl.StatusOn(day(tc.on)), "%v on %s", tc.stored, tc.on)
	}
	assert.Equal(t, dfdg.DeadlineOpen, dfdg.Deadline{}.StatusOn(day("2025-10-01")), "no due date: never overdue")
}

// Rule 1.1 with a complete list of conversation types: a missing type is one error, not also an
// unknown one; a type the list does not hold is rejected.
func TestRule1_1_ConversationTypeChecks(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"samtaletyper.csv": {Data: []byte("# list: samtaletyper\n# complete: ja\n# source: a test\nid,name\n7,Jobsamtale\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := muni(at("2025-09-10 09:00"))
	c := dfdg.Citizen{Jobcentre: kbh}
	errs := loaded.ValidateCreateDeadline(now, c, dfdg.Deadline{ID: "f-1", Due: day("2025-09-30")})
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, dfdgerrors.ErrMissingValue, errs[0].Kind())
	errs = loaded.ValidateCreateDeadline(now, c, dfdg.Deadline{ID: "f-1", Conversation: 9, Due: day("2025-09-30")})
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, dfdgerrors.Path("samtaletype"), errs[0].Field())
	assert.Empty(t, loaded.ValidateCreateDeadline(now, c, dfdg.Deadline{ID: "f-1", Conversation: 7, Due: day("2025-09-30")}))
}

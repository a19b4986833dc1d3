package contactgroup_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// history50 is a citizen with 50 memberships in order, the last one open.
func history50() dfdg.Citizen {
	c := dfdg.Citizen{Jobcentre: kbh}
	t := at("2020-01-01 09:00")
	for i := range 50 {
		m := dfdg.Membership{ID: fmt.Sprintf("kg-%d", i), Group: []dfdg.ContactGroup{1, 8}[i%2], Start: t}
		t = t.Add(30 * 24 * time.Hour)
		if i < 49 {
			m.End = t
		}
		c.Memberships = append(c.Memberships, m)
	}
	return c
}

// deadlines20 is a citizen with 20 deadlines, none blocking a new one of type 4 on 2025-09-10.
func deadlines20() dfdg.Citizen {
	c := dfdg.Citizen{Jobcentre: kbh}
	for i := range 20 {
		st := []dfdg.DeadlineStatus{dfdg.DeadlineOverdue, dfdg.DeadlineClosed, dfdg.DeadlineFulfilled, dfdg.DeadlineOpen}[i%4]
		conv := dfdg.ConversationType(7)
		if st == dfdg.DeadlineOpen {
			conv = 4
		}
		c.Deadlines = append(c.Deadlines, dfdg.Deadline{ID: fmt.Sprintf("f-%d", i), Conversation: conv, Due: day("2025-08-01").AddDays(i), Status: st})
	}
	return c
}

var (
	regAt  = fixedIDs(muni(at("2025-09-01 10:00")), "kg-new") // the caller's ids, as DFDG's callers send them
	regReq = contactgroup.RegistrationRequest{ID: "reg", Category: 40, Group: 1, RequestedAt: at("2025-09-01 09:00")}
	dlAt   = muni(at("2025-09-10 10:00"))
	dlNew  = dfdg.Deadline{ID: "f-new", Conversation: 4, Due: day("2025-10-01")}
)

// The figures: accepting validation allocates nothing; a full decision at most 3 times.
func TestAllocations(t *testing.T) {
	c := history50()
	require.NoError(t, rules.ValidateRegisterJobseeker(regAt, c, regReq).Err())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.ValidateRegisterJobseeker(regAt, c, regReq) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = rules.RegisterJobseeker(regAt, c, regReq) }), 3.0)

	dc := deadlines20()
	require.NoError(t, rules.ValidateCreateDeadline(dlAt, dc, dlNew).Err())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.ValidateCreateDeadline(dlAt, dc, dlNew) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = rules.CreateDeadline(dlAt, dc, dlNew) }), 3.0)
}

var (
	sinkDecision dfdg.Decision
	sinkErrs     dfdgerrors.List
	sinkErr      error
)

func BenchmarkRegisterJobseeker50(b *testing.B) {
	c := history50()
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, sinkErr = rules.RegisterJobseeker(regAt, c, regReq)
	}
}

func BenchmarkValidateRegistration50(b *testing.B) {
	c := history50()
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = rules.ValidateRegisterJobseeker(regAt, c, regReq)
	}
}

// BenchmarkRegisterJobseeker50Unsorted gives the history in reverse order, the quadratic path.
func BenchmarkRegisterJobseeker50Unsorted(b *testing.B) {
	c := history50()
	for i, j := 0, len(c.Memberships)-1; i < j; i, j = i+1, j-1 {
		c.Memberships[i], c.Memberships[j] = c.Memberships[j], c.Memberships[i]
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, sinkErr = rules.RegisterJobseeker(regAt, c, regReq)
	}
}

func BenchmarkCreateDeadline20(b *testing.B) {
	c := deadlines20()
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, sinkErr = rules.CreateDeadline(dlAt, c, dlNew)
	}
}

func BenchmarkValidateDeadline20(b *testing.B) {
	c := deadlines20()
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = rules.ValidateCreateDeadline(dlAt, c, dlNew)
	}
}

// fixedIDs gives at a generator that hands out id, every time.
func fixedIDs(at dfdg.At, id string) dfdg.At {
	at.NewID = func(dfdg.RecordKind) string { return id }
	return at
}

// errHandWritten is the hand-written checks' rejection: a sentinel, made once.
var errHandWritten = errors.New("rejected")

// isMunicipality and activeConversation are what the hand-written 1.1 check knows of the code lists.
var (
	isMunicipality     [1000]bool
	activeConversation [256]bool
)

func init() {
	for e := range codelist.Default().Municipalities().All() {
		isMunicipality[e.ID] = true
	}
	for _, e := range codelist.Default().ConversationTypes().ActiveOn(day("2025-09-10")) {
		activeConversation[e.ID] = true
	}
}

// handWrittenDeadline is rule 1.1 with the checks ValidateCreateDeadline makes before it, written
// for these cases: now, a municipality that is one of the 98, a jobcentre, a conversation type
// active today, a due date, and no open deadline of another conversation type.
func handWrittenDeadline(at dfdg.At, c dfdg.Citizen, dl dfdg.Deadline) error {
	if at.Now.IsZero() || at.By.Kind != dfdg.ActorMunicipality || !isMunicipality[at.By.Municipality%1000] ||
		dl.Conversation <= 0 || !activeConversation[dl.Conversation%256] || dl.Due.IsZero() {
		return errHandWritten
	}
	today := dfdg.DateOf(at.Now)
	for i := range c.Deadlines {
		if o := &c.Deadlines[i]; o.Conversation != dl.Conversation && o.StatusOn(today) == dfdg.DeadlineOpen {
			return errHandWritten
		}
	}
	return nil
}

// deadlineKept and historyKept are what the hand-written checks keep when they reject and keep
// their values, as the library does: the position and the whole of the open deadline; the
// position, id and instants of the membership at fault.
type deadlineKept struct {
	i  int
	dl dfdg.Deadline
}

func (*deadlineKept) Error() string { return "1.1: another deadline is open" }

type historyKept struct {
	i          int
	id         string
	start, end time.Time
}

func (*historyKept) Error() string { return "1.5: inconsistent history" }

// handWrittenDeadlineKept is handWrittenDeadline rejecting an open deadline with what it found.
func handWrittenDeadlineKept(at dfdg.At, c dfdg.Citizen, dl dfdg.Deadline) error {
	if at.Now.IsZero() || at.By.Kind != dfdg.ActorMunicipality || !isMunicipality[at.By.Municipality%1000] ||
		dl.Conversation <= 0 || !activeConversation[dl.Conversation%256] || dl.Due.IsZero() {
		return errHandWritten
	}
	today := dfdg.DateOf(at.Now)
	for i := range c.Deadlines {
		if o := &c.Deadlines[i]; o.Conversation != dl.Conversation && o.StatusOn(today) == dfdg.DeadlineOpen {
			return &deadlineKept{i, *o}
		}
	}
	return nil
}

// handWrittenHistoryKept is handWrittenHistory rejecting with what it found.
func handWrittenHistoryKept(ms []dfdg.Membership, now time.Time) error {
	for i := range ms {
		m := &ms[i]
		if m.Start.IsZero() || !m.End.IsZero() && m.End.Before(m.Start) || m.Start.After(now) {
			return &historyKept{i, m.ID, m.Start, m.End}
		}
		if i > 0 {
			if p := &ms[i-1]; m.Start.Before(p.Start) || p.End.IsZero() || m.Start.Before(p.End) {
				return &historyKept{i, m.ID, m.Start, m.End}
			}
		}
	}
	return nil
}

// handWrittenHistory is rule 1.5's check of a stored history in order: every membership has a start,
// ends after it, starts before now, and does not overlap the one before.
func handWrittenHistory(ms []dfdg.Membership, now time.Time) error {
	for i := range ms {
		m := &ms[i]
		if m.Start.IsZero() || !m.End.IsZero() && m.End.Before(m.Start) || m.Start.After(now) {
			return errHandWritten
		}
		if i > 0 {
			if p := &ms[i-1]; m.Start.Before(p.Start) || p.End.IsZero() || m.Start.Before(p.End) {
				return errHandWritten
			}
		}
	}
	return nil
}

// openDeadline20 is deadlines20 with, last, an open deadline of another conversation type: rule 1.1
// reads all 20 before it rejects.
func openDeadline20() dfdg.Citizen {
	c := deadlines20()
	c.Deadlines = append(c.Deadlines, dfdg.Deadline{ID: "f-open", Conversation: 7, Due: day("2025-10-15"), Status: dfdg.DeadlineOpen})
	return c
}

// badHistory50 is history50 with the 31st membership ending before it starts.
func badHistory50() dfdg.Citizen {
	c := history50()
	c.Memberships[30].End = c.Memberships[30].Start.Add(-time.Hour)
	return c
}

// Rules 1.1 and 1.5 give the hand-written checks' answers; they allocate nothing when they accept and,
// rejecting one thing, the violation alone, whose cause holds the list's slot.
func TestRules1_1And1_5_HandWrittenAgrees(t *testing.T) {
	dc := deadlines20()
	require.Empty(t, rules.ValidateCreateDeadline(dlAt, dc, dlNew))
	require.NoError(t, handWrittenDeadline(dlAt, dc, dlNew))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErrs = rules.ValidateCreateDeadline(dlAt, dc, dlNew) }))
	open := openDeadline20()
	require.NotEmpty(t, rules.ValidateCreateDeadline(dlAt, open, dlNew))
	require.Error(t, handWrittenDeadline(dlAt, open, dlNew))
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErrs = rules.ValidateCreateDeadline(dlAt, open, dlNew) }),
		"one violation: the Error, whose cause holds the list's slot")

	c := history50()
	require.Empty(t, rules.CheckHistory(regAt, c))
	require.NoError(t, handWrittenHistory(c.Memberships, regAt.Now))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErrs = rules.CheckHistory(regAt, c) }))
	bad := badHistory50()
	require.NotEmpty(t, rules.CheckHistory(regAt, bad))
	require.Error(t, handWrittenHistory(bad.Memberships, regAt.Now))
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErrs = rules.CheckHistory(regAt, bad) }),
		"one problem: the violation, whose cause holds the list's slot")
	// Two problems: the list grows as any slice does, and each keeps its own.
	two := badHistory50()
	two.Memberships[10].End, two.Memberships[10].Start = two.Memberships[10].Start, two.Memberships[10].End
	errs := rules.CheckHistory(regAt, two)
	require.Len(t, errs, 2, "%v", errs)
	assert.NotEqual(t, errs[0].Error(), errs[1].Error())
	errs = append(errs[:1:1], errs[0]) // appending to the one-slot list leaves the cause's slot alone
	assert.Equal(t, errs[0], errs[1])
}

// BenchmarkRule1_1 is ValidateCreateDeadline against 20 deadlines, accepted and rejected (a 21st
// is open), beside the same checks written by hand.
func BenchmarkRule1_1(b *testing.B) {
	for _, path := range []struct {
		name string
		c    dfdg.Citizen
	}{{"accept", deadlines20()}, {"reject", openDeadline20()}} {
		c := path.c
		b.Run(path.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErrs = rules.ValidateCreateDeadline(dlAt, c, dlNew)
			}
		})
		b.Run(path.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenDeadline(dlAt, c, dlNew)
			}
		})
		if path.name == "reject" {
			b.Run("reject/handwritten-kept", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenDeadlineKept(dlAt, c, dlNew)
				}
			})
		}
	}
}

// BenchmarkRule1_5History is the check of a stored history of 50 memberships in order, accepted and
// rejected (the 31st ends before it starts), beside the same check written by hand.
func BenchmarkRule1_5History(b *testing.B) {
	for _, path := range []struct {
		name string
		c    dfdg.Citizen
	}{{"accept", history50()}, {"reject", badHistory50()}} {
		c := path.c
		b.Run(path.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErrs = rules.CheckHistory(regAt, c)
			}
		})
		b.Run(path.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenHistory(c.Memberships, regAt.Now)
			}
		})
		if path.name == "reject" {
			b.Run("reject/handwritten-kept", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenHistoryKept(c.Memberships, regAt.Now)
				}
			})
		}
	}
}

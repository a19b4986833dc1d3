package contactgroup_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// history50 is a citizen with 50 memberships in order, the last one open.
func history50() contactgroup.Citizen {
	c := contactgroup.Citizen{Jobcentre: kbh}
	t := at("2020-01-01 09:00")
	for i := range 50 {
		m := contactgroup.Membership{ID: fmt.Sprintf("kg-%d", i), Group: []int{1, 8}[i%2], Start: t}
		t = t.Add(30 * 24 * time.Hour)
		if i < 49 {
			m.End = t
		}
		c.Memberships = append(c.Memberships, m)
	}
	return c
}

// deadlines20 is a citizen with 20 deadlines, none blocking a new one of type 4 on 2025-09-10.
func deadlines20() contactgroup.Citizen {
	c := contactgroup.Citizen{Jobcentre: kbh}
	for i := range 20 {
		st := []contactgroup.DeadlineStatus{contactgroup.DeadlineOverdue, contactgroup.DeadlineClosed, contactgroup.DeadlineFulfilled, contactgroup.DeadlineOpen}[i%4]
		conv := 7
		if st == contactgroup.DeadlineOpen {
			conv = 4
		}
		c.Deadlines = append(c.Deadlines, contactgroup.Deadline{ID: fmt.Sprintf("f-%d", i), Conversation: conv, Due: day("2025-08-01").AddDays(i), Status: st})
	}
	return c
}

var (
	regNow = at("2025-09-01 10:00")
	regReq = contactgroup.RegistrationRequest{ID: "reg", Category: 40, Group: 1, MembershipID: "kg-new", RequestedAt: at("2025-09-01 09:00")}
	dlNow  = at("2025-09-10 10:00")
	dlNew  = contactgroup.Deadline{ID: "f-new", Conversation: 4, Due: day("2025-10-01")}
)

// The figures: accepting validation allocates nothing; a full decision at most 3 times.
func TestAllocations(t *testing.T) {
	c := history50()
	require.NoError(t, contactgroup.ValidateRegistration(c, regReq, regNow, nil).Err())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = contactgroup.ValidateRegistration(c, regReq, regNow, nil) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = contactgroup.RegisterJobseeker(c, regReq, regNow, nil) }), 3.0)

	dc := deadlines20()
	require.NoError(t, contactgroup.ValidateDeadline(dc, dlNew, dlNow, nil).Err())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = contactgroup.ValidateDeadline(dc, dlNew, dlNow, nil) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = contactgroup.CreateDeadline(dc, dlNew, dlNow, nil) }), 3.0)
}

var (
	sinkDecision contactgroup.Decision
	sinkErrs     dfdgerrors.List
	sinkErr      error
)

func BenchmarkRegisterJobseeker50(b *testing.B) {
	c := history50()
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, sinkErr = contactgroup.RegisterJobseeker(c, regReq, regNow, nil)
	}
}

func BenchmarkValidateRegistration50(b *testing.B) {
	c := history50()
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = contactgroup.ValidateRegistration(c, regReq, regNow, nil)
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
		sinkDecision, sinkErr = contactgroup.RegisterJobseeker(c, regReq, regNow, nil)
	}
}

func BenchmarkCreateDeadline20(b *testing.B) {
	c := deadlines20()
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, sinkErr = contactgroup.CreateDeadline(c, dlNew, dlNow, nil)
	}
}

func BenchmarkValidateDeadline20(b *testing.B) {
	c := deadlines20()
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = contactgroup.ValidateDeadline(c, dlNew, dlNow, nil)
	}
}

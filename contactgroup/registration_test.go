package contactgroup_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note's fault: a registration that named an earlier time ended the previous contact group
// before it started. The registration time is now, whatever the request says.
func TestRule1_5_RegistrationTimeIsNow(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{
		{ID: "kg-1", Group: dfdg.UdenYdelse, Start: at("2025-03-01 08:00"), End: at("2025-09-01 10:00")},
		{ID: "kg-2", Group: dfdg.SygedagpengeBeskaeftigelse, Start: at("2025-09-01 10:00")},
	}}
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: dfdg.Dagpengemodtager,
		RequestedAt: at("2025-09-01 09:00")} // before kg-2 started
	d, err := rules.RegisterJobseeker(muni(now, "kg-3"), c, req)
	require.NoError(t, err)

	assert.True(t, d.Rules.Has(dfdg.Rule1_5))
	assert.True(t, d.Overrode.Equal(req.RequestedAt), "the decision says it overrode the requested time")
	require.Len(t, d.Memberships, 2)
	ended, started := d.Memberships[0], d.Memberships[1]
	assert.Equal(t, dfdg.Update, ended.Type)
	assert.Equal(t, "kg-2", ended.Record.ID)
	assert.True(t, ended.Record.End.Equal(now), "the previous group ends at now")
	assert.False(t, ended.Record.End.Before(ended.Record.Start), "never before it started")
	assert.Equal(t, dfdg.Create, started.Type)
	assert.Equal(t, dfdg.Membership{ID: "kg-3", Group: 1, Start: now}, started.Record)
	require.Len(t, d.Registrations, 1)
	assert.True(t, d.Registrations[0].Record.Start.Equal(now))
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-2",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-3",
	}, messages(t, d))

	after := c.Apply(d)
	requireSound(t, after.Memberships)
	assert.Len(t, after.Memberships, 3)
	assert.Equal(t, "reg-1", after.Registrations[len(after.Registrations)-1].ID)
	assert.Len(t, after.Registrations, 1)
	g, ok := after.GroupAt(now)
	require.True(t, ok)
	assert.Equal(t, dfdg.Dagpengemodtager, g.Group)
}

func TestRule1_5_NoOverrideWhenNoTimeRequested(t *testing.T) {
	now := at("2025-09-01 14:30")
	d, err := rules.RegisterJobseeker(muni(now, "kg-1"), dfdg.Citizen{Jobcentre: kbh}, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1})
	require.NoError(t, err)
	assert.True(t, d.Overrode.IsZero())
	require.Len(t, d.Memberships, 1, "a citizen in no contact group: nothing to end")
	d, err = rules.RegisterJobseeker(muni(now, "kg-1"), dfdg.Citizen{Jobcentre: kbh}, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1, RequestedAt: now})
	require.NoError(t, err)
	assert.True(t, d.Overrode.IsZero(), "asking for now is not overridden")
}

// Rule 1.5 ends the previous contact group, never a registration: a citizen registered at now is
// DFDG's 4316, as the enrollment service documents, and the decision changes nothing.
func TestCode4316_OpenRegistrationIsNotEnded(t *testing.T) {
	now := at("2025-09-01 14:30")
	c := dfdg.Citizen{Jobcentre: kbh, Registrations: []dfdg.Registration{{ID: "reg-0", Category: 3, Start: at("2025-01-01 10:00")}}}
	d, err := rules.RegisterJobseeker(muni(now, "kg-1"), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.ErrEnrollmentOverlap)
	assert.Empty(t, d.Changes())
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdgerrors.Path("borger.tilmeldinger[0]"), e.Field())
		assert.Equal(t, "reg-0", e.Value())
	}
}

// A history given out of order is checked whole, and accepted when nothing in it overlaps.
func TestRule1_5_UnsortedHistoryWithoutOverlapIsAccepted(t *testing.T) {
	now := at("2025-09-01 14:30")
	ms := []dfdg.Membership{
		{ID: "kg-3", Group: 1, Start: at("2025-06-01 10:00")},
		{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00"), End: at("2025-03-01 10:00")},
		{ID: "kg-2", Group: 8, Start: at("2025-03-01 10:00"), End: at("2025-06-01 10:00")},
	}
	c := dfdg.Citizen{Jobcentre: kbh, Memberships: ms}
	assert.Empty(t, rules.CheckHistory(dfdg.At{Now: now}, c))
	d, err := rules.RegisterJobseeker(muni(now, "kg-4"), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1})
	require.NoError(t, err)
	require.Len(t, d.Memberships, 2)
	assert.Equal(t, "kg-3", d.Memberships[0].Record.ID, "the open one ends")
}

func TestRule1_5_RejectsHistoryItCannotDecideOn(t *testing.T) {
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1}
	cases := []struct {
		name string
		ms   []dfdg.Membership
		kind dfdgerrors.Kind
	}{
		{"ends before it starts", []dfdg.Membership{{ID: "kg-1", Group: 8, Start: at("2025-06-01 10:00"), End: at("2025-05-01 10:00")}}, dfdgerrors.ErrEndsBeforeStart},
		{"overlap", []dfdg.Membership{
			{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00"), End: at("2025-06-01 10:00")},
			{ID: "kg-2", Group: 1, Start: at("2025-05-01 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"two open, out of order", []dfdg.Membership{
			{ID: "kg-2", Group: 1, Start: at("2025-05-01 10:00")},
			{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"starts after now", []dfdg.Membership{{ID: "kg-1", Group: 8, Start: at("2025-09-02 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"no start", []dfdg.Membership{{ID: "kg-1", Group: 8}}, dfdgerrors.ErrMissingValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := rules.RegisterJobseeker(muni(now), dfdg.Citizen{Jobcentre: kbh, Memberships: tc.ms}, req)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.kind)
			if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
				assert.Equal(t, dfdg.Rule1_5, e.Rule())
			}
			assert.False(t, d.Changes(), "never a half decision")
			assert.Contains(t, err.Error(), "kg-")
		})
	}
}

// Rule 1.5, found by FuzzDecisions: the membership a registration ends needs an id, since the
// Kontaktgruppe.WSB Update names it. RegisterJobseeker rejects one without, and its Validate twin
// lists the same error, so that validating first never promises a registration that then fails.
func TestRule1_5_ValidateNamesTheActiveMembershipWithoutID(t *testing.T) {
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1}
	c := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{
		{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00"), End: at("2025-03-01 10:00")},
		{Group: 8, Start: at("2025-03-01 10:00")},
	}}
	_, err := rules.RegisterJobseeker(muni(now, "kg-2"), c, req)
	require.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
	errs := rules.ValidateRegisterJobseeker(muni(now), c, req)
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, err.Error(), errs[0].Error())
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[1].kontaktgruppeIdentifier"), errs[0].Field())
	assert.Equal(t, dfdg.Rule1_5, errs[0].Rule())

	c.Memberships[1].End = at("2025-06-01 10:00")
	assert.Empty(t, rules.ValidateRegisterJobseeker(muni(now), c, req), "a membership that has ended is not ended again")
	_, err = rules.RegisterJobseeker(muni(now, "kg-2"), c, req)
	assert.NoError(t, err)
}

func TestRule1_5_ValidateRegistrationInput(t *testing.T) {
	errs := rules.ValidateRegisterJobseeker(muni(time.Time{}), dfdg.Citizen{}, contactgroup.RegistrationRequest{})
	require.Len(t, errs, 4, "%v", errs) // now, jobcentre, group, category
	for _, e := range errs {
		assert.Equal(t, dfdgerrors.ErrMissingValue, e.Kind())
	}
}

// Beyond the note: the checker lists every problem of a stored history.
func TestRule1_5_CheckHistory(t *testing.T) {
	ms := []dfdg.Membership{
		{ID: "a", Group: 1, Start: at("2025-01-01 10:00"), End: at("2025-03-01 10:00")},
		{ID: "b", Group: 8, Start: at("2025-03-01 10:00"), End: at("2025-02-01 10:00")}, // ends before it starts
		{ID: "c", Group: 8, Start: at("2025-02-15 10:00"), End: at("2025-04-01 10:00")}, // overlaps a
		{ID: "d", Group: 24, Start: at("2025-04-01 10:00")},                             // touches c: fine
		{ID: "e", Group: 1, Start: at("2025-05-01 10:00")},                              // overlaps d (both open)
		{ID: "f", Group: 1}, // no start
	}
	errs := rules.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: ms})
	require.Len(t, errs, 4, "%v", errs)
	assert.Equal(t, dfdgerrors.ErrEndsBeforeStart, errs[0].Kind())
	assert.Equal(t, "b", errs[0].Value())
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[1].sluttidspunkt"), errs[0].Field())
	assert.Equal(t, dfdgerrors.Code(0), errs[0].Code(), "DFDG documents 1003 for an absence's period, not for a stored membership")
	assert.Equal(t, dfdgerrors.ErrMissingValue, errs[1].Kind())
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[5].starttidspunkt"), errs[1].Field())
	assert.Equal(t, "c", errs[2].Value())
	assert.Contains(t, errs[2].Danish(), "a og c overlapper", "names both")
	assert.Equal(t, "e", errs[3].Value())
	assert.Contains(t, errs[3].Danish(), "d og e overlapper")
	for _, e := range errs {
		assert.Equal(t, dfdg.Rule1_5, e.Rule())
	}
	assert.Empty(t, rules.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: nil}), "no history is a sound one")
	// With a now, a membership that starts after it is a problem too.
	future := rules.CheckHistory(muni(at("2025-04-15 10:00")), dfdg.Citizen{Memberships: ms[3:5]})
	require.Len(t, future, 2, "%v", future) // e starts after now, and d and e overlap
	assert.Equal(t, dfdgerrors.ErrInconsistentHistory, future[0].Kind())
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[1]"), future[0].Field())
	assert.Empty(t, rules.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: ms[3:4]}))
}

// Rule 1.4: a new registration into an inactive contact group or category is rejected from
// 2025-07-01; history that holds one is still read and decided on.
func TestRule1_4_InactiveEntriesRejectedForNewRegistrations(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh}
	for _, g := range []dfdg.ContactGroup{26, 28, 29} {
		req := contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: g}
		_, err := rules.RegisterJobseeker(muni(at("2025-06-30 23:59")), c, req)
		assert.NoError(t, err, "group %d before 2025-07-01", g)
		_, err = rules.RegisterJobseeker(muni(at("2025-07-01 00:00")), c, req)
		require.Error(t, err, "group %d from 2025-07-01", g)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, dfdg.Rule1_4, e.Rule())
		}
		assert.Contains(t, err.Error(), "er inaktiv fra 2025-07-01")
	}
	for _, cat := range []dfdg.RegistrationCategory{12, 13, 16, 17, 18, 19} {
		req := contactgroup.RegistrationRequest{ID: "r", Category: cat, Group: 1}
		_, err := rules.RegisterJobseeker(muni(at("2025-07-01 08:00")), c, req)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode, "category %d", cat)
	}

	// A citizen in group 26 since before the reform, with category 13, is read and moved on.
	old := dfdg.Citizen{Jobcentre: kbh,
		Memberships:   []dfdg.Membership{{ID: "kg-26", Group: 26, Start: at("2024-01-01 09:00")}},
		Registrations: []dfdg.Registration{{ID: "reg-13", Category: 13, Start: at("2024-01-01 09:00"), End: at("2025-06-30 09:00")}},
	}
	d, err := rules.RegisterJobseeker(muni(at("2026-02-02 10:00"), "kg-1"), old, contactgroup.RegistrationRequest{ID: "reg-2", Category: 2, Group: 1})
	require.NoError(t, err)
	assert.Equal(t, dfdg.ContactGroup(26), d.Memberships[0].Record.Group)
	assert.Equal(t, dfdg.Update, d.Memberships[0].Type)
}

func TestKontaktgruppeToAkasseOnJobafklaring(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh, Akasse: "ak-1"}
	d, err := rules.RegisterJobseeker(muni(at("2025-09-01 10:00"), "kg-13"), c, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: dfdg.Jobafklaring})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-13",
		"Kontaktgruppe.WSB Oprettelse til a-kasse ak-1 om Kontaktgruppe kg-13",
	}, messages(t, d))
	d, err = rules.RegisterJobseeker(muni(at("2025-09-01 10:00"), "kg-1"), c, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1})
	require.NoError(t, err)
	assert.Len(t, d.Messages, 1, "other groups: the jobcentre only")
}

// PlaceInGroup is DFDG's CreateKontaktgruppe: for a citizen in no contact group at now, from the
// start given, which must be today (4703; 00:00 today is fine), or from now; rule 1.5 is about
// registration as a jobseeker and does not move it. The documented end is taken.
func TestCode4703_PlaceInGroupStartsToday(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{{ID: "kg-8", Group: 8, Start: at("2025-08-01 10:00"), End: at("2025-09-01 10:00")}}}
	now := at("2025-09-03 12:00")
	for _, start := range []string{"2025-08-01 00:00", "2025-09-02 23:59", "2025-09-04 00:00"} {
		_, err := rules.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1, Start: at(start)})
		assert.ErrorIs(t, err, dfdgerrors.Code(4703), start)
		assert.ErrorIs(t, err, dfdgerrors.ErrStartNotToday, start)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, "starttidspunkt", string(e.Field()), start)
		}
	}

	d, err := rules.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1, Start: at("2025-09-03 00:00"), End: at("2025-09-30 00:00")})
	require.NoError(t, err, "00:00 today is today")
	assert.True(t, d.Overrode.IsZero(), "the start given is taken")
	assert.Empty(t, d.Registrations, "no registration")
	assert.Empty(t, d.Rules.IDs(), "no rule of the note")
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, dfdg.Change[dfdg.Membership]{Type: dfdg.Create, Record: dfdg.Membership{ID: "kg-1", Group: 1,
		Start: at("2025-09-03 00:00"), End: at("2025-09-30 00:00")}}, d.Memberships[0])
	assert.Equal(t, []string{"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-1"}, messages(t, d))
	requireSound(t, c.Apply(d).Memberships)

	d, err = rules.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1})
	require.NoError(t, err)
	assert.Equal(t, now, d.Memberships[0].Record.Start, "no start: now")

	// A membership that ended earlier today: the new one starts where it ended, and says so.
	ended := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{{ID: "kg-8", Group: 8, Start: at("2025-08-01 10:00"), End: at("2025-09-03 09:00")}}}
	d, err = rules.PlaceInGroup(muni(now, "kg-1"), ended, contactgroup.Placement{Group: 1, Start: at("2025-09-03 00:00")})
	require.NoError(t, err)
	assert.Equal(t, at("2025-09-03 09:00"), d.Memberships[0].Record.Start)
	assert.True(t, d.Overrode.Equal(at("2025-09-03 00:00")))
	requireSound(t, ended.Apply(d).Memberships)

	_, err = rules.PlaceInGroup(muni(now), c, contactgroup.Placement{Group: 1, Start: at("2025-09-03 10:00"), End: at("2025-09-03 09:00")})
	assert.ErrorIs(t, err, dfdgerrors.ErrEndsBeforeStart)

	_, err = rules.PlaceInGroup(muni(now), c, contactgroup.Placement{Group: 28})
	assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule1_4, e.Rule())
	}
}

// Rule 1.5 (and 1.2, which reads the same history): a stored registration that ends before it
// starts, starts after now, or overlaps another is rejected, naming it; given out of order, two that
// overlap are found all the same.
func TestRule1_5_RejectsRegistrationsItCannotDecideOn(t *testing.T) {
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-9", Category: 2, Group: 1}
	reg := func(id, start, end string) dfdg.Registration {
		r := dfdg.Registration{ID: id, Category: 40, Applicant: true, Start: at(start)}
		if end != "" {
			r.End = at(end)
		}
		return r
	}
	cases := []struct {
		name   string
		regs   []dfdg.Registration
		kind   dfdgerrors.Kind
		field  dfdgerrors.Path
		detail string
		decide dfdgerrors.Kind // rule 1.2's kind, where it is not kind
	}{
		{"ends before it starts", []dfdg.Registration{reg("reg-1", "2025-06-01 10:00", "2025-05-01 10:00")},
			dfdgerrors.ErrEndsBeforeStart, "borger.tilmeldinger[0].sluttidspunkt", "", 0},
		{"starts after now", []dfdg.Registration{reg("reg-1", "2025-09-02 10:00", "")},
			dfdgerrors.ErrEnrollmentOverlap, "borger.tilmeldinger[0]", "tilmeldingen reg-1 starter efter den nye tilmelding", dfdgerrors.ErrInconsistentHistory},
		{"overlap", []dfdg.Registration{reg("reg-1", "2025-01-01 10:00", "2025-06-01 10:00"), reg("reg-2", "2025-05-01 10:00", "")},
			dfdgerrors.ErrInconsistentHistory, "borger.tilmeldinger[1]", "tilmeldingerne reg-1 og reg-2 overlapper", 0},
		{"overlap, out of order", []dfdg.Registration{reg("reg-2", "2025-05-01 10:00", ""), reg("reg-1", "2025-01-01 10:00", "2025-06-01 10:00")},
			dfdgerrors.ErrInconsistentHistory, "borger.tilmeldinger[1]", "tilmeldingerne reg-2 og reg-1 overlapper", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := dfdg.Citizen{Jobcentre: kbh, Registrations: tc.regs}
			_, err := rules.RegisterJobseeker(muni(now), c, req)
			e, ok := dfdgerrors.As(err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tc.kind, e.Kind())
			assert.Equal(t, tc.field, e.Field())
			da, _ := e.Detail()
			assert.Equal(t, tc.detail, da)
			assert.Equal(t, dfdg.Rule1_5, e.Rule())

			_, err = rules.DecideBenefit(by(dfdg.SystemActor(dfdg.ActorKY), now), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
			want := tc.kind
			if tc.decide != 0 {
				want = tc.decide
			}
			assert.ErrorIs(t, err, want, "rule 1.2 reads the same history")
			if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
				assert.Equal(t, dfdg.Rule1_2, e.Rule())
			}
		})
	}
	// Registrations that follow each other are sound, in any order; the last one open is 4316.
	c := dfdg.Citizen{Jobcentre: kbh, Registrations: []dfdg.Registration{reg("reg-2", "2025-06-01 10:00", ""), reg("reg-1", "2025-01-01 10:00", "2025-06-01 10:00")}}
	_, err := rules.RegisterJobseeker(muni(now, "kg-9"), c, req)
	assert.ErrorIs(t, err, dfdgerrors.ErrEnrollmentOverlap)
	c.Registrations[0].End = at("2025-08-01 10:00")
	_, err = rules.RegisterJobseeker(muni(now, "kg-9"), c, req)
	assert.NoError(t, err)
}

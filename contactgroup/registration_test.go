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
	c := contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{
		{ID: "kg-1", Group: contactgroup.UdenYdelse, Start: at("2025-03-01 08:00"), End: at("2025-09-01 10:00")},
		{ID: "kg-2", Group: contactgroup.SygedagpengeBeskaeftigelse, Start: at("2025-09-01 10:00")},
	}}
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: contactgroup.Dagpengemodtager,
		MembershipID: "kg-3", RequestedAt: at("2025-09-01 09:00")} // before kg-2 started
	d, err := contactgroup.RegisterJobseeker(c, req, now, nil)
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
	assert.Equal(t, contactgroup.Membership{ID: "kg-3", Group: 1, Start: now}, started.Record)
	require.Len(t, d.Registrations, 1)
	assert.True(t, d.Registrations[0].Record.Start.Equal(now))
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-2",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-3",
	}, messages(t, d))

	after := c.Apply(d)
	requireSound(t, after.Memberships)
	assert.Len(t, after.Memberships, 3)
	assert.Equal(t, "reg-1", after.Registration.ID)
	g, ok := after.GroupAt(now)
	require.True(t, ok)
	assert.Equal(t, contactgroup.Dagpengemodtager, g.Group)
}

func TestRule1_5_NoOverrideWhenNoTimeRequested(t *testing.T) {
	now := at("2025-09-01 14:30")
	d, err := contactgroup.RegisterJobseeker(contactgroup.Citizen{Jobcentre: kbh},
		contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1, MembershipID: "kg-1"}, now, nil)
	require.NoError(t, err)
	assert.True(t, d.Overrode.IsZero())
	require.Len(t, d.Memberships, 1, "a citizen in no contact group: nothing to end")
	d, err = contactgroup.RegisterJobseeker(contactgroup.Citizen{Jobcentre: kbh},
		contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1, MembershipID: "kg-1", RequestedAt: now}, now, nil)
	require.NoError(t, err)
	assert.True(t, d.Overrode.IsZero(), "asking for now is not overridden")
}

func TestRule1_5_OpenRegistrationEndsAtNow(t *testing.T) {
	now := at("2025-09-01 14:30")
	c := contactgroup.Citizen{Jobcentre: kbh, Registration: contactgroup.Registration{ID: "reg-0", Category: 3, Start: at("2025-01-01 10:00")}}
	d, err := contactgroup.RegisterJobseeker(c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1, MembershipID: "kg-1"}, now, nil)
	require.NoError(t, err)
	require.Len(t, d.Registrations, 2)
	assert.Equal(t, dfdg.Update, d.Registrations[0].Type)
	assert.True(t, d.Registrations[0].Record.End.Equal(now))
	assert.Equal(t, "reg-1", c.Apply(d).Registration.ID)
}

func TestRule1_5_RejectsHistoryItCannotDecideOn(t *testing.T) {
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1, MembershipID: "kg-9"}
	cases := []struct {
		name string
		ms   []contactgroup.Membership
		kind dfdgerrors.Kind
	}{
		{"ends before it starts", []contactgroup.Membership{{ID: "kg-1", Group: 8, Start: at("2025-06-01 10:00"), End: at("2025-05-01 10:00")}}, dfdgerrors.ErrNegativeDuration},
		{"overlap", []contactgroup.Membership{
			{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00"), End: at("2025-06-01 10:00")},
			{ID: "kg-2", Group: 1, Start: at("2025-05-01 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"two open, out of order", []contactgroup.Membership{
			{ID: "kg-2", Group: 1, Start: at("2025-05-01 10:00")},
			{ID: "kg-1", Group: 8, Start: at("2025-01-01 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"starts after now", []contactgroup.Membership{{ID: "kg-1", Group: 8, Start: at("2025-09-02 10:00")}}, dfdgerrors.ErrInconsistentHistory},
		{"no start", []contactgroup.Membership{{ID: "kg-1", Group: 8}}, dfdgerrors.ErrMissingValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := contactgroup.RegisterJobseeker(contactgroup.Citizen{Jobcentre: kbh, Memberships: tc.ms}, req, now, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.kind)
			assert.Equal(t, dfdg.Rule1_5, dfdgerrors.RuleOf(err))
			assert.False(t, d.Changes(), "never a half decision")
			assert.Contains(t, err.Error(), "kg-")
		})
	}
}

func TestRule1_5_ValidateRegistrationInput(t *testing.T) {
	errs := contactgroup.ValidateRegistration(contactgroup.Citizen{}, contactgroup.RegistrationRequest{}, time.Time{}, nil)
	require.Len(t, errs, 4, "%v", errs) // now, jobcentre, group, category
	for _, e := range errs {
		assert.Equal(t, dfdgerrors.ErrMissingValue, e.Kind)
	}
}

// Beyond the note: the checker lists every problem of a stored history.
func TestRule1_5_CheckHistory(t *testing.T) {
	ms := []contactgroup.Membership{
		{ID: "a", Group: 1, Start: at("2025-01-01 10:00"), End: at("2025-03-01 10:00")},
		{ID: "b", Group: 8, Start: at("2025-03-01 10:00"), End: at("2025-02-01 10:00")}, // ends before it starts
		{ID: "c", Group: 8, Start: at("2025-02-15 10:00"), End: at("2025-04-01 10:00")}, // overlaps a
		{ID: "d", Group: 24, Start: at("2025-04-01 10:00")},                             // touches c: fine
		{ID: "e", Group: 1, Start: at("2025-05-01 10:00")},                              // overlaps d (both open)
		{ID: "f", Group: 1}, // no start
	}
	errs := contactgroup.CheckHistory(ms)
	require.Len(t, errs, 4, "%v", errs)
	assert.Equal(t, dfdgerrors.ErrNegativeDuration, errs[0].Kind)
	assert.Equal(t, "b", errs[0].Value)
	assert.Equal(t, dfdgerrors.Code(1003), errs[0].Code())
	assert.Equal(t, dfdgerrors.ErrMissingValue, errs[1].Kind)
	assert.Equal(t, "a, c", errs[2].Value)
	assert.Equal(t, "d, e", errs[3].Value)
	for _, e := range errs {
		assert.Equal(t, dfdg.Rule1_5, e.Rule)
	}
	assert.Empty(t, contactgroup.CheckHistory(nil), "no history is a sound one")
	assert.Empty(t, contactgroup.CheckHistory(ms[3:4]))
}

// Rule 1.4: a new registration into an inactive contact group or category is rejected from
// 2025-07-01; history that holds one is still read and decided on.
func TestRule1_4_InactiveEntriesRejectedForNewRegistrations(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh}
	for _, g := range []int{26, 28, 29} {
		req := contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: g, MembershipID: "kg"}
		_, err := contactgroup.RegisterJobseeker(c, req, at("2025-06-30 23:59"), nil)
		assert.NoError(t, err, "group %d before 2025-07-01", g)
		_, err = contactgroup.RegisterJobseeker(c, req, at("2025-07-01 00:00"), nil)
		require.Error(t, err, "group %d from 2025-07-01", g)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
		assert.Equal(t, dfdg.Rule1_4, dfdgerrors.RuleOf(err))
		assert.Contains(t, err.Error(), "er inaktiv fra 2025-07-01")
	}
	for _, cat := range []int{12, 13, 16, 17, 18, 19} {
		req := contactgroup.RegistrationRequest{ID: "r", Category: cat, Group: 1, MembershipID: "kg"}
		_, err := contactgroup.RegisterJobseeker(c, req, at("2025-07-01 08:00"), nil)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode, "category %d", cat)
	}

	// A citizen in group 26 since before the reform, with category 13, is read and moved on.
	old := contactgroup.Citizen{Jobcentre: kbh,
		Memberships:  []contactgroup.Membership{{ID: "kg-26", Group: 26, Start: at("2024-01-01 09:00")}},
		Registration: contactgroup.Registration{ID: "reg-13", Category: 13, Start: at("2024-01-01 09:00")},
	}
	d, err := contactgroup.RegisterJobseeker(old, contactgroup.RegistrationRequest{ID: "reg-2", Category: 2, Group: 1, MembershipID: "kg-1"}, at("2026-02-02 10:00"), nil)
	require.NoError(t, err)
	assert.Equal(t, 26, d.Memberships[0].Record.Group)
	assert.Equal(t, dfdg.Update, d.Memberships[0].Type)
}

func TestKontaktgruppeToAkasseOnJobafklaring(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Akasse: "ak-1"}
	d, err := contactgroup.RegisterJobseeker(c, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: contactgroup.Jobafklaring, MembershipID: "kg-13"}, at("2025-09-01 10:00"), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-13",
		"Kontaktgruppe.WSB Oprettelse til a-kasse ak-1 om Kontaktgruppe kg-13",
	}, messages(t, d))
	d, err = contactgroup.RegisterJobseeker(c, contactgroup.RegistrationRequest{ID: "r", Category: 2, Group: 1, MembershipID: "kg-1"}, at("2025-09-01 10:00"), nil)
	require.NoError(t, err)
	assert.Len(t, d.Messages, 1, "other groups: the jobcentre only")
}

// PlaceInGroup is the contact-group part of a registration on its own, as CreateKontaktgruppe.
func TestRule1_5_PlaceInGroupStartsNow(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{{ID: "kg-8", Group: 8, Start: at("2025-09-01 10:00")}}}
	now := at("2025-09-03 12:00")
	d, err := contactgroup.PlaceInGroup(c, contactgroup.Placement{Group: 1, MembershipID: "kg-1", RequestedAt: at("2025-08-01 00:00")}, now, nil)
	require.NoError(t, err)
	assert.True(t, d.Overrode.Equal(at("2025-08-01 00:00")))
	assert.Empty(t, d.Registrations, "no registration")
	require.Len(t, d.Memberships, 2)
	assert.True(t, d.Memberships[0].Record.End.Equal(now))
	assert.True(t, d.Memberships[1].Record.Start.Equal(now))
	requireSound(t, c.Apply(d).Memberships)

	_, err = contactgroup.PlaceInGroup(c, contactgroup.Placement{Group: 28, MembershipID: "kg-28"}, now, nil)
	assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
	assert.Equal(t, dfdg.Rule1_4, dfdgerrors.RuleOf(err))
}

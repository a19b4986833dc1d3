package absence_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func report(id, start string) absence.SickReport {
	return absence.SickReport{Absence: absence.Absence{ID: id, Type: sygdom, Period: period(start, "")}, Group8ID: "kg8-" + id, Group24ID: "kg24-" + id}
}

// Rule 1.6 through the absence package: historical sickness for a citizen in no contact group.
func TestRule1_6_ReportSickForCitizenInNoGroup(t *testing.T) {
	s := state()
	now := at("2025-09-15 11:00")
	d, err := absence.ReportSick(s, report("fr-1", "2025-09-01"), now, nil)
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_6))
	assert.Equal(t, dfdg.SystemActor(dfdg.ActorKSD), d.Absences[0].Record.ReportedBy)
	assert.Equal(t, []string{
		"Fravaer.WSB Oprettelse til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg24-fr-1",
	}, msgs(d))
	require.Len(t, d.Memberships, 2)
	assert.Equal(t, contactgroup.UdenYdelse, d.Memberships[0].Record.Group)
	after := s.Apply(d)
	g, ok := after.Citizen.GroupAt(now)
	require.True(t, ok)
	assert.Equal(t, contactgroup.SygedagpengeBeskaeftigelse, g.Group)
	assert.Len(t, after.Absences, 1)
}

// Rules 2.4 and 2.5: every recovery ends group 24, also after a resume, and sends exactly one
// Fravaer.WSB, an Update.
func TestRule2_4_Group24EndsAtEveryRecoveryAlsoAfterResume(t *testing.T) {
	s := state()
	d, err := absence.ReportSick(s, report("fr-1", "2025-09-01"), at("2025-09-01 09:00"), nil)
	require.NoError(t, err)
	s = s.Apply(d)

	d, err = absence.Recover(s, "fr-1", day("2025-09-20"), at("2025-09-21 08:00"))
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))
	assert.Equal(t, []string{
		"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg24-fr-1",
	}, msgs(d))
	s = s.Apply(d)
	_, inGroup := s.Citizen.GroupAt(at("2025-09-21 09:00"))
	assert.False(t, inGroup, "group 24 ended")

	d, err = absence.Resume(s, "fr-1", "kg24-resumed", at("2025-09-25 10:00"), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg24-resumed",
	}, msgs(d))
	s = s.Apply(d)
	a, _ := s.Find("fr-1")
	assert.True(t, a.Resumed)
	assert.True(t, a.Period.Open())

	// The note's fault: the renewed recovery did not close group 24.
	d, err = absence.Recover(s, "fr-1", day("2025-10-05"), at("2025-10-06 08:00"))
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, "kg24-resumed", d.Memberships[0].Record.ID)
	assert.True(t, d.Memberships[0].Record.End.Equal(at("2025-10-06 08:00")))
	s = s.Apply(d)
	_, inGroup = s.Citizen.GroupAt(at("2025-10-06 09:00"))
	assert.False(t, inGroup)
	assert.Empty(t, contactgroup.CheckHistory(s.Citizen.Memberships))
}

func TestRule2_5_OneFravaerWSBUpdateAtRecovery(t *testing.T) {
	s := state(absence.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "")})
	d, err := absence.Recover(s, "fr-1", day("2025-09-20"), at("2025-09-21 08:00"))
	require.NoError(t, err)
	var fravaer []dfdg.Message
	for _, m := range d.Messages {
		if m.Name == dfdg.FravaerWSB {
			fravaer = append(fravaer, m)
		}
	}
	require.Len(t, fravaer, 1, "exactly one Fravaer.WSB")
	assert.Equal(t, dfdg.Update, fravaer[0].Change, "and it is an Update")
	assert.True(t, d.Rules.Has(dfdg.Rule2_5))
	assert.False(t, d.Rules.Has(dfdg.Rule2_4), "not in group 24: nothing for 2.4 to end")
}

func TestRecoverAndResumeRejectWrongStates(t *testing.T) {
	s := state(absence.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "2025-09-10")})
	_, err := absence.Recover(s, "fr-1", day("2025-09-20"), at("2025-09-21 08:00"))
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "already recovered")
	_, err = absence.Recover(s, "nope", day("2025-09-20"), at("2025-09-21 08:00"))
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
	open := state(absence.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "")})
	_, err = absence.Resume(open, "fr-1", "kg", at("2025-09-21 08:00"), nil)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "not ended")
	_, err = absence.Recover(open, "fr-1", day("2025-08-31"), at("2025-09-21 08:00"))
	assert.ErrorIs(t, err, dfdgerrors.ErrNegativeDuration, "ends before it starts")
	assert.Equal(t, dfdgerrors.Code(1003), dfdgerrors.CodeOf(err))
	_, err = absence.Recover(open, "fr-1", dfdg.Date{}, at("2025-09-21 08:00"))
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
}

// The note's scenario for 2.3: KSD recovers a citizen in group 24, the citizen registers as jobseeker
// that same day, and KSD then submits, or resumes, a sick absence that same day. Both are accepted.
func TestRule2_3_SameDaySicknessAfterSameDayRegistration(t *testing.T) {
	setup := func(t *testing.T) absence.State {
		s := state()
		d, err := absence.ReportSick(s, report("fr-1", "2025-09-01"), at("2025-09-01 09:00"), nil)
		require.NoError(t, err)
		s = s.Apply(d)
		d, err = absence.Recover(s, "fr-1", day("2025-10-06"), at("2025-10-06 08:00"))
		require.NoError(t, err)
		s = s.Apply(d)
		cd, err := contactgroup.RegisterJobseeker(s.Citizen, contactgroup.RegistrationRequest{
			ID: "reg-1", Category: 2, Group: contactgroup.Dagpengemodtager, MembershipID: "kg-1"}, at("2025-10-06 10:00"), nil)
		require.NoError(t, err)
		s.Citizen = s.Citizen.Apply(cd)
		return s
	}

	t.Run("submit", func(t *testing.T) {
		s := setup(t)
		d, err := absence.ReportSick(s, report("fr-2", "2025-10-06"), at("2025-10-06 14:00"), nil)
		require.NoError(t, err, "no 1003")
		s = s.Apply(d)
		assert.Empty(t, d.Memberships, "the citizen is in group 1 and keeps it")
		assert.Empty(t, contactgroup.CheckHistory(s.Citizen.Memberships))
		for _, a := range s.Absences {
			assert.NoError(t, a.Period.Valid())
		}
	})
	t.Run("resume", func(t *testing.T) {
		s := setup(t)
		d, err := absence.Resume(s, "fr-1", "kg24-x", at("2025-10-06 14:00"), nil)
		require.NoError(t, err, "no 1003")
		s = s.Apply(d)
		assert.Empty(t, contactgroup.CheckHistory(s.Citizen.Memberships))
	})
	t.Run("a one-day absence", func(t *testing.T) {
		s := setup(t)
		_, err := absence.Create(s, absence.Absence{ID: "fr-3", Type: 1, Period: period("2025-10-06", "2025-10-06")}, dfdg.MunicipalityActor(kbh), at("2025-10-06 15:00"), nil)
		assert.NoError(t, err)
	})
}

// Rule 1.3: ending absence 75 leaves participation choice 3 on conversation type 17 as it was.
func TestRule1_3_EndingAbsence75KeepsParticipationChoice(t *testing.T) {
	choice := contactgroup.ParticipationChoice{ID: "dv-1", Conversation: contactgroup.FaellesJobsamtale,
		Choice: contactgroup.AkassedeltagelseFoersteSamtale, Made: at("2025-08-01 10:00")}
	s := state(absence.Absence{ID: "fr-75", Type: absence.KontaktforloebIAkassen, Period: period("2025-08-01", "")})
	s.Citizen.Participation = []contactgroup.ParticipationChoice{choice}

	d, err := absence.End(s, "fr-75", day("2025-09-30"), dfdg.AkasseActor("ak-1"), at("2025-09-30 12:00"), nil)
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_3))
	after := s.Apply(d)
	assert.Equal(t, []contactgroup.ParticipationChoice{choice}, after.Citizen.Participation, "the choice is not reset")
	a, _ := after.Find("fr-75")
	assert.Equal(t, day("2025-09-30"), a.Period.End)
	assert.Equal(t, []string{"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-75"}, msgs(d))
}

// Rule 2.6: 59, 60 and 62 cannot be used for new absences from 2025-07-01; old ones can still be
// updated and ended.
func TestRule2_6_InactiveAbsenceTypes(t *testing.T) {
	for _, typ := range []int{59, 60, 62} {
		a := absence.Absence{ID: "fr-x", Type: typ, Period: period("2025-06-01", "")}
		_, err := absence.Create(state(), a, dfdg.MunicipalityActor(kbh), at("2025-06-30 12:00"), nil)
		assert.NoError(t, err, "%d before", typ)
		_, err = absence.Create(state(), a, dfdg.MunicipalityActor(kbh), at("2025-07-01 00:00"), nil)
		require.Error(t, err, "%d from 2025-07-01", typ)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
		assert.Equal(t, dfdg.Rule2_6, dfdgerrors.RuleOf(err))

		old := state(a)
		_, err = absence.End(old, "fr-x", day("2025-07-15"), dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00"), nil)
		assert.NoError(t, err, "an existing %d can be ended", typ)
		changed := a
		changed.Type = 1
		_, err = absence.Update(old, changed, dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00"), nil)
		assert.NoError(t, err)
		back := absence.Absence{ID: "fr-y", Type: 1, Period: period("2025-06-01", "")}
		s := state(back)
		back.Type = typ
		_, err = absence.Update(s, back, dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00"), nil)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode, "changing to %d is a new use", typ)
	}
}

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

// report is KSD's report of a sick absence from start.
func report(id, start string) dfdg.Absence {
	return dfdg.Absence{ID: id, Type: sygdom, Period: period(start, "")}
}

// Rule 1.6 through the absence package: historical sickness for a citizen in no contact group.
func TestRule1_6_ReportSickForCitizenInNoGroup(t *testing.T) {
	s := state()
	now := at("2025-09-15 11:00")
	d, err := rules.ReportSick(ksdAt(now, "kg8-fr-1", "kg24-fr-1"), s, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_6))
	assert.Equal(t, dfdg.SystemActor(dfdg.ActorKSD), d.Absences[0].Record.ReportedBy)
	assert.Equal(t, []string{
		"Fravaer.WSB Oprettelse til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg24-fr-1",
	}, msgs(d))
	require.Len(t, d.Memberships, 2)
	assert.Equal(t, dfdg.UdenYdelse, d.Memberships[0].Record.Group)
	after := s.Apply(d)
	g, ok := after.GroupAt(now)
	require.True(t, ok)
	assert.Equal(t, dfdg.SygedagpengeBeskaeftigelse, g.Group)
	assert.Len(t, after.Absences, 1)
}

// Rules 2.4 and 2.5: every recovery ends group 24, also after a resume, and sends exactly one
// Fravaer.WSB, an Update.
func TestRule2_4_Group24EndsAtEveryRecoveryAlsoAfterResume(t *testing.T) {
	s := state()
	d, err := rules.ReportSick(ksdAt(at("2025-09-01 09:00"), "kg24-fr-1"), s, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	s = s.Apply(d)

	d, err = rules.Recover(ksdAt(at("2025-09-21 08:00")), s, absence.Recovery{ID: "fr-1", End: day("2025-09-20")})
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))
	assert.Equal(t, []string{
		"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg24-fr-1",
	}, msgs(d))
	s = s.Apply(d)
	_, inGroup := s.GroupAt(at("2025-09-21 09:00"))
	assert.False(t, inGroup, "group 24 ended")

	d, err = rules.Resume(ksdAt(at("2025-09-25 10:00"), "kg24-resumed"), s, absence.Resumption{ID: "fr-1"})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg24-resumed",
	}, msgs(d))
	s = s.Apply(d)
	a, _ := s.Absence("fr-1")
	assert.True(t, a.Resumed)
	assert.True(t, a.Period.Open())

	// The note's fault: the renewed recovery did not close group 24.
	d, err = rules.Recover(ksdAt(at("2025-10-06 08:00")), s, absence.Recovery{ID: "fr-1", End: day("2025-10-05")})
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, "kg24-resumed", d.Memberships[0].Record.ID)
	assert.True(t, d.Memberships[0].Record.End.Equal(at("2025-10-06 08:00")))
	s = s.Apply(d)
	_, inGroup = s.GroupAt(at("2025-10-06 09:00"))
	assert.False(t, inGroup)
	assert.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: s.Memberships}))
}

func TestRule2_5_OneFravaerWSBUpdateAtRecovery(t *testing.T) {
	s := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "")})
	d, err := rules.Recover(ksdAt(at("2025-09-21 08:00")), s, absence.Recovery{ID: "fr-1", End: day("2025-09-20")})
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
	s := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "2025-09-10")})
	_, err := rules.Recover(ksdAt(at("2025-09-21 08:00")), s, absence.Recovery{ID: "fr-1", End: day("2025-09-20")})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "already recovered")
	_, err = rules.Recover(ksdAt(at("2025-09-21 08:00")), s, absence.Recovery{ID: "nope", End: day("2025-09-20")})
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
	open := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "")})
	_, err = rules.Resume(ksdAt(at("2025-09-21 08:00"), "kg"), open, absence.Resumption{ID: "fr-1"})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "not ended")
	_, err = rules.Recover(ksdAt(at("2025-09-21 08:00")), open, absence.Recovery{ID: "fr-1", End: day("2025-08-31")})
	assert.ErrorIs(t, err, dfdgerrors.ErrNegativeDuration, "ends before it starts")
	assert.ErrorIs(t, err, dfdgerrors.Code(1003))
	_, err = rules.Recover(ksdAt(at("2025-09-21 08:00")), open, absence.Recovery{ID: "fr-1", End: dfdg.Date{}})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
}

// The note's scenario for 2.3: KSD recovers a citizen in group 24, the citizen registers as jobseeker
// that same day, and KSD then submits, or resumes, a sick absence that same day. Both are accepted.
func TestRule2_3_SameDaySicknessAfterSameDayRegistration(t *testing.T) {
	setup := func(t *testing.T) dfdg.Citizen {
		s := state()
		d, err := rules.ReportSick(ksdAt(at("2025-09-01 09:00"), "kg24-fr-1"), s, report("fr-1", "2025-09-01"))
		require.NoError(t, err)
		s = s.Apply(d)
		d, err = rules.Recover(ksdAt(at("2025-10-06 08:00")), s, absence.Recovery{ID: "fr-1", End: day("2025-10-06")})
		require.NoError(t, err)
		s = s.Apply(d)
		cd, err := contactgroup.Rules{}.RegisterJobseeker(by(dfdg.MunicipalityActor(kbh), at("2025-10-06 10:00"), "kg-1"), s,
			contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: dfdg.Dagpengemodtager})
		require.NoError(t, err)
		s = s.Apply(cd)
		return s
	}

	t.Run("submit", func(t *testing.T) {
		s := setup(t)
		d, err := rules.ReportSick(ksdAt(at("2025-10-06 14:00")), s, report("fr-2", "2025-10-06"))
		require.NoError(t, err, "no 1003")
		s = s.Apply(d)
		assert.Empty(t, d.Memberships, "the citizen is in group 1 and keeps it")
		assert.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: s.Memberships}))
		for _, a := range s.Absences {
			assert.NoError(t, a.Period.Valid())
		}
	})
	t.Run("resume", func(t *testing.T) {
		s := setup(t)
		d, err := rules.Resume(ksdAt(at("2025-10-06 14:00"), "kg24-x"), s, absence.Resumption{ID: "fr-1"})
		require.NoError(t, err, "no 1003")
		s = s.Apply(d)
		assert.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: s.Memberships}))
	})
	t.Run("a one-day absence", func(t *testing.T) {
		s := setup(t)
		_, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-10-06 15:00")), s, dfdg.Absence{ID: "fr-3", Type: 1, Period: period("2025-10-06", "2025-10-06")})
		assert.NoError(t, err)
	})
}

// Rule 1.3: ending absence 75 leaves participation choice 3 on conversation type 17 as it was.
func TestRule1_3_EndingAbsence75KeepsParticipationChoice(t *testing.T) {
	choice := dfdg.Participation{ID: "dv-1", Conversation: dfdg.FaellesJobsamtale,
		Choice: dfdg.AkassedeltagelseFoersteSamtale, Made: at("2025-08-01 10:00")}
	s := state(dfdg.Absence{ID: "fr-75", Type: dfdg.KontaktforloebIAkassen, Period: period("2025-08-01", "")})
	s.Participation = []dfdg.Participation{choice}

	d, err := rules.Update(by(dfdg.AkasseActor("ak-1"), at("2025-09-30 12:00")), s, endedOn(s, "fr-75", day("2025-09-30")))
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_3))
	after := s.Apply(d)
	assert.Equal(t, []dfdg.Participation{choice}, after.Participation, "the choice is not reset")
	a, _ := after.Absence("fr-75")
	assert.Equal(t, day("2025-09-30"), a.Period.End)
	assert.Equal(t, []string{"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-75"}, msgs(d))
}

// Rule 2.6: 59, 60 and 62 cannot be used for new absences from 2025-07-01; old ones can still be
// updated and ended.
func TestRule2_6_InactiveAbsenceTypes(t *testing.T) {
	for _, typ := range []dfdg.AbsenceType{59, 60, 62} {
		a := dfdg.Absence{ID: "fr-x", Type: typ, Period: period("2025-06-01", "")}
		_, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-06-30 12:00")), state(), a)
		assert.NoError(t, err, "%d before", typ)
		_, err = rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-07-01 00:00")), state(), a)
		require.Error(t, err, "%d from 2025-07-01", typ)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, dfdg.Rule2_6, e.Rule())
		}

		old := state(a)
		_, err = rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00")), old, endedOn(old, "fr-x", day("2025-07-15")))
		assert.NoError(t, err, "an existing %d can be ended", typ)
		changed := a
		changed.Type = 1
		_, err = rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00")), old, changed)
		assert.NoError(t, err)
		back := dfdg.Absence{ID: "fr-y", Type: 1, Period: period("2025-06-01", "")}
		s := state(back)
		back.Type = typ
		_, err = rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-07-15 12:00")), s, back)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode, "changing to %d is a new use", typ)
	}
}

// The note's situation for 1.6, the contact-group part: group 8 from the start date to the receipt,
// group 24 from the receipt, and a Kontaktgruppe.WSB for 24 only, never for 8.
func TestRule1_6_HistoricalSicknessNoMessageForGroup8(t *testing.T) {
	c := state()
	now := at("2025-09-15 11:00")
	d, err := rules.ReportSick(ksdAt(now, "kg-8", "kg-24"), c, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_6))
	require.Len(t, d.Memberships, 2)
	assert.Equal(t, dfdg.Membership{ID: "kg-8", Group: 8, Start: day("2025-09-01").Time(), End: now}, d.Memberships[0].Record)
	assert.Equal(t, dfdg.Membership{ID: "kg-24", Group: 24, Start: now}, d.Memberships[1].Record)
	for _, m := range d.Messages {
		assert.NotEqual(t, "kg-8", m.About.ID, "no message about group 8 at all")
	}
	requireSound(t, c.Apply(d).Memberships)
}

func TestRule1_6_SameDaySicknessOnlyGroup24(t *testing.T) {
	now := at("2025-09-15 11:00")
	d, err := rules.ReportSick(ksdAt(now, "kg-24"), state(), report("fr-1", "2025-09-15"))
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, dfdg.SygedagpengeBeskaeftigelse, d.Memberships[0].Record.Group)
	assert.Equal(t, []string{
		"Fravaer.WSB Oprettelse til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-24",
	}, msgs(d))
}

func TestRule1_6_Group8NeverOverlapsAnEarlierMembership(t *testing.T) {
	c := state()
	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00"), End: at("2025-09-05 12:00")}}
	now := at("2025-09-15 11:00")
	d, err := rules.ReportSick(ksdAt(now), c, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	require.Len(t, d.Memberships, 2)
	assert.True(t, d.Memberships[0].Record.Start.Equal(at("2025-09-05 12:00")), "group 8 starts where kg-1 ended")
	requireSound(t, c.Apply(d).Memberships)

	// Ended after now's start of day but not later than now: no room for group 8 at all.
	c.Memberships[0].End = now
	d, err = rules.ReportSick(ksdAt(now), c, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	requireSound(t, c.Apply(d).Memberships)
}

func TestRule1_6_CitizenInAContactGroupKeepsIt(t *testing.T) {
	c := state()
	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00")}}
	d, err := rules.ReportSick(ksdAt(at("2025-09-15 11:00")), c, report("fr-1", "2025-09-01"))
	require.NoError(t, err)
	assert.Empty(t, d.Memberships)
	assert.False(t, d.Rules.Has(dfdg.Rule1_6))
}

// Rule 2.4's contact-group part: a recovery ends group 24, and only group 24.
func TestRule2_4_RecoveryEndsGroup24Only(t *testing.T) {
	c := state(report("fr-1", "2025-09-15"))
	c.Memberships = []dfdg.Membership{{ID: "kg-24", Group: 24, Start: at("2025-09-15 11:00")}}
	now := at("2025-10-01 08:00")
	d, err := rules.Recover(ksdAt(now), c, absence.Recovery{ID: "fr-1", End: day("2025-09-30")})
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	assert.True(t, d.Memberships[0].Record.End.Equal(now))
	assert.Contains(t, msgs(d), "Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24")
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))

	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-09-15 11:00")}}
	d, err = rules.Recover(ksdAt(now), c, absence.Recovery{ID: "fr-1", End: day("2025-09-30")})
	require.NoError(t, err)
	assert.Empty(t, d.Memberships, "another group is kept")
}

// Who may act: KSD's feed (ReportSick, Resume, and Recover from KSD) is KSD's alone; Raskmeld (Recover
// from anyone else) admits an a-kasse for its members, a municipality for its citizens and STAR for
// all, as its table shows (RASK-A); only a sick absence is reported or recovered; holiday is not
// sickness.
func TestSicknessCommandsCheckTheActorAndType(t *testing.T) {
	now := at("2025-09-15 11:00")
	open := state(report("fr-1", "2025-09-01"))
	ended := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "2025-09-10")})
	for _, a := range []dfdg.Actor{dfdg.MunicipalityActor(kbh), dfdg.AkasseActor("ak-1"), dfdg.SystemActor(dfdg.ActorKY), dfdg.SystemActor(dfdg.ActorSTAR), {}} {
		_, err := rules.ReportSick(by(a, now), state(), report("fr-1", "2025-09-01"))
		require.Error(t, err, a.String())
		_, err = rules.Resume(by(a, now), ended, absence.Resumption{ID: "fr-1"})
		require.Error(t, err, a.String())
	}
	_, err := rules.ReportSick(by(dfdg.AkasseActor("ak-1"), now), state(), report("fr-1", "2025-09-01"))
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed, "KSD's feed documents no code")
	for a, admitted := range map[dfdg.Actor]bool{
		dfdg.MunicipalityActor(kbh): true, dfdg.MunicipalityActor(147): false, dfdg.OtherActor(kbh): true,
		dfdg.AkasseActor("ak-1"): true, dfdg.AkasseActor("ak-2"): false,
		dfdg.SystemActor(dfdg.ActorSTAR): true, dfdg.SystemActor(dfdg.ActorKY): false, ksd: true,
	} {
		_, err := rules.Recover(by(a, now), open, absence.Recovery{ID: "fr-1", End: day("2025-09-14")})
		if admitted {
			assert.NoError(t, err, a.String())
		} else {
			assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed, "%v: Raskmeld's table of codes has no 4575", a)
		}
	}

	holiday := dfdg.Absence{ID: "fr-1", Type: dfdg.Ferie, Period: period("2025-09-01", "")}
	d, err := rules.ReportSick(ksdAt(now), state(), holiday)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue, "a holiday is not a sickness")
	assert.False(t, d.Changes(), "and nothing is sent about it")
	_, err = rules.Recover(ksdAt(now), state(holiday), absence.Recovery{ID: "fr-1", End: day("2025-09-14")})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)

	// A type the code list does not know may be KSD's sickness: it is not rejected.
	_, err = rules.ReportSick(ksdAt(now, "kg-8", "kg-24"), state(), dfdg.Absence{ID: "fr-2", Type: 500, Period: period("2025-09-01", "")})
	assert.NoError(t, err)
}

// A sickness KSD reports without an id gets one from the call's context, as do its contact groups:
// no message names a record without an id.
func TestReportSickGivesEveryRecordAnID(t *testing.T) {
	now := at("2025-09-15 11:00")
	d, err := rules.ReportSick(ksdAt(now), state(), dfdg.Absence{Type: sygdom, Period: period("2025-09-01", "")})
	require.NoError(t, err)
	for _, m := range d.Messages {
		assert.NotEmpty(t, m.About.ID, m.String())
	}
	assert.Equal(t, "fravaer-20250915T090000Z-1", d.Absences[0].Record.ID)
	assert.Equal(t, "kontaktgruppe-20250915T090000Z-1", d.Memberships[0].Record.ID)
	assert.Equal(t, "kontaktgruppe-20250915T090000Z-2", d.Memberships[1].Record.ID)
	again, err := rules.ReportSick(ksdAt(now), state(), dfdg.Absence{Type: sygdom, Period: period("2025-09-01", "")})
	require.NoError(t, err)
	assert.Equal(t, d, again, "the same input gives the same decision")

	_, err = rules.ReportSick(ksdAt(now, "kg-8"), state(), report("fr-1", "2025-09-01"))
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "a generator that runs dry is an error, not a blank id")
}

func requireSound(t *testing.T, ms []dfdg.Membership) {
	t.Helper()
	require.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: ms}))
}

// Rule 2.2's sickness: a type the code list marks as sickness, or any absence KSD reported.
func TestRule2_2_IsSickness(t *testing.T) {
	assert.True(t, rules.IsSickness(dfdg.Absence{Type: sygdom}))
	assert.False(t, rules.IsSickness(dfdg.Absence{Type: dfdg.Ferie}), "holiday is no sickness")
	assert.True(t, rules.IsSickness(dfdg.Absence{Type: 500, ReportedBy: ksd}), "KSD reports only sickness")
	assert.False(t, rules.IsSickness(dfdg.Absence{Type: 500, ReportedBy: dfdg.MunicipalityActor(kbh)}))
}

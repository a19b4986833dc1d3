package absence_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inGroup is a citizen of København's jobcentre, member of ak-1, in contact group 1 and registered as
// jobseeker since August, with the absences.
func inGroup(abs ...dfdg.Absence) dfdg.Citizen {
	c := state(abs...)
	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: at("2025-08-01 09:00")}}
	c.Registrations = []dfdg.Registration{{ID: "reg-1", Category: 2, Start: at("2025-08-01 09:00")}}
	return c
}

// sickToday is a sickness report as CreateSygemelding takes it, starting on day start.
func sickToday(start string) absence.Sickness {
	return absence.Sickness{Absence: dfdg.Absence{ID: "fr-9", Type: sygdom, Period: period(start, "")}, NotificationDate: day(start)}
}

// CreateSygemelding from a jobcentre: the absence is created with one Fravaer.WSB Create (2.5); the
// citizen keeps the contact group (rule 1.6 is KSD's feed), and no message goes out for groups.
func TestCreateSicknessFromAJobcentre(t *testing.T) {
	now := at("2025-09-15 11:00")
	c := inGroup()
	d, err := rules.CreateSickness(muni(now), c, sickToday("2025-09-15"))
	require.NoError(t, err)
	require.Len(t, d.Absences, 1)
	assert.Equal(t, dfdg.Create, d.Absences[0].Type)
	assert.Equal(t, dfdg.MunicipalityActor(kbh), d.Absences[0].Record.ReportedBy)
	assert.Empty(t, d.Memberships, "the citizen keeps contact group 1")
	assert.Empty(t, d.Registrations, "no deregistration asked for")
	assert.Equal(t, []string{"Fravaer.WSB Oprettelse til kommune 101 om Fravaer fr-9"}, msgs(d))
	assert.Equal(t, []dfdg.RuleID{dfdg.Rule2_5}, d.Rules.IDs())

	// With a deregistration today: the registration ends at now; on a later date, at its start.
	s := sickToday("2025-09-15")
	s.Deregistration = &dfdg.Deregistration{Date: day("2025-09-15")}
	d, err = rules.CreateSickness(muni(now), c, s)
	require.NoError(t, err)
	require.Len(t, d.Registrations, 1)
	assert.Equal(t, dfdg.Change[dfdg.Registration]{Type: dfdg.Update, Record: dfdg.Registration{ID: "reg-1", Category: 2,
		Start: at("2025-08-01 09:00"), End: now}}, d.Registrations[0])
	s.Deregistration.Date = day("2025-10-01")
	d, err = rules.CreateSickness(muni(now), c, s)
	require.NoError(t, err)
	assert.Equal(t, at("2025-10-01 00:00"), d.Registrations[0].Record.End)
	after := c.Apply(d)
	_, registered := after.RegistrationAt(at("2025-10-01 00:00"))
	assert.False(t, registered)
}

// DFDG 4685 'The reported absence has a start date before todays date' (CreateSygemelding): a start
// on an earlier Danish date; today is fine. KSD's feed may report a past first sick day (rule 1.6).
func TestCode4685_SicknessStartsBeforeToday(t *testing.T) {
	now := at("2025-09-15 00:30")
	_, err := rules.CreateSickness(muni(now), inGroup(), sickToday("2025-09-14"))
	assert.ErrorIs(t, err, dfdgerrors.Code(4685))
	assert.ErrorIs(t, err, dfdgerrors.ErrSickStartBeforeToday)
	e, _ := dfdgerrors.As(err)
	require.NotNil(t, e)
	assert.Equal(t, dfdgerrors.Path("periode.startdato"), e.Field())
	assert.Equal(t, "The reported absence has a start date before todays date", e.Kind().English(), "DFDG's text")
	b, _ := json.Marshal(e)
	assert.Contains(t, string(b), `"oversat":["tekst"]`, "the Danish is the library's, the English DFDG's")
	_, err = rules.CreateSickness(muni(now), inGroup(), sickToday("2025-09-15"))
	assert.NoError(t, err)
	_, err = rules.ReportSick(ksdAt(now, "kg-8", "kg-24"), state(), report("fr-1", "2025-09-01"))
	assert.NoError(t, err, "KSD's feed: rule 1.6")
}

// DFDG 4686 'This person must have an active contact group registration' (CreateSygemelding).
func TestCode4686_SicknessWithoutContactGroup(t *testing.T) {
	now := at("2025-09-15 11:00")
	_, err := rules.CreateSickness(muni(now), state(), sickToday("2025-09-15"))
	assert.ErrorIs(t, err, dfdgerrors.Code(4686))
	ended := inGroup()
	ended.Memberships[0].End = at("2025-09-15 10:00")
	_, err = rules.CreateSickness(muni(now), ended, sickToday("2025-09-15"))
	assert.ErrorIs(t, err, dfdgerrors.ErrNoActiveContactGroup, "a group that ended before now")
}

// DFDG 4980 'Cause type identifier is required when setting illness end date' (CreateSygemelding).
func TestCode4980_EndDateWithoutCause(t *testing.T) {
	now := at("2025-09-15 11:00")
	s := sickToday("2025-09-15")
	s.Period.End = day("2025-09-20")
	_, err := rules.CreateSickness(muni(now), inGroup(), s)
	assert.ErrorIs(t, err, dfdgerrors.Code(4980))
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdgerrors.Path("fravaersafslutningsaarsag"), e.Field())
	}
	s.EndCause = 3
	_, err = rules.CreateSickness(muni(now), inGroup(), s)
	assert.NoError(t, err)
}

// DFDG 4367 'The person is not enrolled' and 4322 'The cancellation date must be today, maximum 30
// days after or 60 in case of a less intensive effort': the deregistration inside CreateSygemelding.
func TestCode4367_And4322_TheDeregistration(t *testing.T) {
	now := at("2025-09-15 11:00")
	s := sickToday("2025-09-15")
	s.Deregistration = &dfdg.Deregistration{Date: day("2025-09-15")}
	unregistered := inGroup()
	unregistered.Registrations = nil
	_, err := rules.CreateSickness(muni(now), unregistered, s)
	assert.ErrorIs(t, err, dfdgerrors.Code(4367))
	assert.Equal(t, "Borger er ikke tilmeldt", dfdgerrors.ErrNotEnrolled.Danish(), "the booking service's Danish")

	for date, want := range map[string]bool{"2025-09-14": false, "2025-09-15": true, "2025-10-15": true, "2025-10-16": false} {
		s.Deregistration = &dfdg.Deregistration{Date: day(date)}
		_, err := rules.CreateSickness(muni(now), inGroup(), s)
		if want {
			assert.NoError(t, err, date)
		} else {
			assert.ErrorIs(t, err, dfdgerrors.Code(4322), date)
		}
	}
	s.Deregistration = &dfdg.Deregistration{Date: day("2025-11-14"), LessIntensive: true}
	_, err = rules.CreateSickness(muni(now), inGroup(), s)
	assert.NoError(t, err, "60 days for a less intensive effort")
	s.Deregistration.Date = day("2025-11-15")
	_, err = rules.CreateSickness(muni(now), inGroup(), s)
	assert.ErrorIs(t, err, dfdgerrors.ErrCancellationDate)
}

// DFDG 1014 'Failed to validate message': the request constraints STAR documents for
// CreateSygemelding (SYG-C, SYG-D, SYG-F), each with its JSON path.
func TestCode1014_SicknessRequestConstraints(t *testing.T) {
	now := at("2025-09-15 11:00")
	for path, change := range map[string]func(*absence.Sickness){
		"fravaerskommentar":         func(s *absence.Sickness) { s.Comment = strings.Repeat("ø", 1501) },
		"fravaersafslutningsaarsag": func(s *absence.Sickness) { s.EndCause = 10001; s.Period.End = day("2025-09-20") },
		"fravaerType":               func(s *absence.Sickness) { s.Type = 10001 },
		"anmeldelsesdato":           func(s *absence.Sickness) { s.NotificationDate = dfdg.Date{} },
		"periode.startdato":         func(s *absence.Sickness) { s.Period.Start = dfdg.Date{} },
		"arbejdsgiver.cvrEnhedsid":  func(s *absence.Sickness) { s.Employer = &absence.Employer{CVR: "1234567"} },
		"arbejdsgiver.pNummer":      func(s *absence.Sickness) { s.Employer = &absence.Employer{CVR: "12345678", PNumber: "123"} },
	} {
		s := sickToday("2025-09-15")
		change(&s)
		errs := rules.ValidateCreateSickness(muni(now), inGroup(), s)
		found := false
		for _, e := range errs {
			found = found || e.Code() == 1014 && e.Field() == dfdgerrors.Path(path)
		}
		assert.True(t, found, "%s: %v", path, errs)
	}
	s := sickToday("2025-09-15")
	s.Comment = strings.Repeat("ø", 1500)
	s.Employer = &absence.Employer{CVR: "12345678", PNumber: "1234567890"}
	assert.Empty(t, rules.ValidateCreateSickness(muni(now), inGroup(), s), "at the limits")

	// CreateFravaer documents the comment's length too.
	_, err := rules.Create(muni(now), state(), dfdg.Absence{Type: 1, Period: period("2025-09-20", ""), Comment: strings.Repeat("x", 1501)})
	assert.ErrorIs(t, err, dfdgerrors.ErrMessageInvalid)
}

// DFDG 4575 'You are not authorized to execute the operation': CreateFravaer and CreateSygemelding
// document it for a caller their tables do not admit: an a-kasse for a citizen who is not its member,
// a municipality for a citizen attached to another.
func TestCode4575_NotAuthorized(t *testing.T) {
	now := at("2025-09-15 11:00")
	for _, by := range []dfdg.Actor{dfdg.AkasseActor("ak-2"), dfdg.MunicipalityActor(147), dfdg.OtherActor(147), dfdg.SystemActor(dfdg.ActorKY)} {
		_, err := rules.CreateSickness(at2(by, now), inGroup(), sickToday("2025-09-15"))
		assert.ErrorIs(t, err, dfdgerrors.Code(4575), by.String())
		_, err = rules.Create(at2(by, now), state(), dfdg.Absence{Type: 1, Period: period("2025-09-20", "")})
		assert.ErrorIs(t, err, dfdgerrors.ErrNotAuthorized, by.String())
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, "You are not authorized to execute the operation", e.Kind().English())
			assert.Contains(t, e.Danish(), "CreateFravaer tillader")
		}
	}
	// Guest access does not open CreateFravaer: its table has no Gæsteadgang column.
	guest := state()
	guest.GuestAccess = []dfdg.GuestAccess{{Holder: dfdg.MunicipalityActor(147), Start: at("2025-09-01 00:00")}}
	_, err := rules.Create(at2(dfdg.MunicipalityActor(147), now), guest, dfdg.Absence{Type: 1, Period: period("2025-09-20", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrNotAuthorized)
}

func at2(by dfdg.Actor, now time.Time) dfdg.At { return dfdg.At{Now: now, By: by} }

// CreateFravaer is "en fraværsregistrering som ikke er sygdomsrelateret": a sickness type is refused
// with an error that points to CreateSygemelding. Jobnet registers the citizen's own absence, any
// type, through an operation of its own, which documents no 4977.
func TestCreateFravaerRefusesSickness(t *testing.T) {
	now := at("2025-09-15 11:00")
	_, err := rules.Create(muni(now), state(), dfdg.Absence{Type: sygdom, Period: period("2025-09-15", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdgerrors.Path("fravaerType"), e.Field())
		assert.Contains(t, e.English(), "CreateSygemelding")
	}
	jobnet := dfdg.SystemActor(dfdg.ActorJobnet)
	d, err := rules.Create(by(jobnet, now, "fr-1"), state(), dfdg.Absence{Type: dfdg.Ferie, Period: period("2025-09-20", "2025-09-25")})
	require.NoError(t, err)
	assert.Equal(t, jobnet, d.Absences[0].Record.ReportedBy)
	_, err = rules.Create(by(jobnet, now), state(report("fr-1", "2025-09-01")), dfdg.Absence{ID: "fr-1", Type: dfdg.Ferie, Period: period("2025-09-20", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "Jobnet's operation documents no 4977")
}

// Raskmeld: the recovery, with a registration and a change of contact group, from the jobcentre.
// Rules 2.4 and 2.5 apply as to every recovery: group 24 ends at now, one Fravaer.WSB Update.
func TestRaskmeldWithRegistrationAndGroupChange(t *testing.T) {
	now := at("2025-09-30 10:00")
	c := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "")})
	c.Memberships = []dfdg.Membership{{ID: "kg-24", Group: dfdg.SygedagpengeBeskaeftigelse, Start: at("2025-09-01 09:00")}}
	rec := absence.Recovery{ID: "fr-1", End: day("2025-09-29"), EndCause: 2, Comment: "rask",
		Registration: &absence.Enrollment{ID: "reg-1", Category: 2}, Group: dfdg.Dagpengemodtager}
	d, err := rules.Recover(by(dfdg.MunicipalityActor(kbh), now, "kg-1"), c, rec)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1",
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-1",
	}, msgs(d))
	assert.ElementsMatch(t, []dfdg.RuleID{dfdg.Rule1_5, dfdg.Rule2_4, dfdg.Rule2_5}, d.Rules.IDs())
	assert.Equal(t, 2, d.Absences[0].Record.EndCause)
	assert.Equal(t, "rask", d.Absences[0].Record.Comment)
	after := c.Apply(d)
	g, ok := after.GroupAt(now)
	require.True(t, ok)
	assert.Equal(t, dfdg.Dagpengemodtager, g.Group)
	reg, ok := after.RegistrationAt(now)
	require.True(t, ok)
	assert.Equal(t, dfdg.Registration{ID: "reg-1", Category: 2, Start: now}, reg)
	requireSound(t, after.Memberships)

	// Ending the group instead: the group the citizen is in after 2.4 ends at now.
	c.Memberships = []dfdg.Membership{{ID: "kg-8", Group: dfdg.UdenYdelse, Start: at("2025-09-01 09:00")}}
	d, err = rules.Recover(muni(now), c, absence.Recovery{ID: "fr-1", End: day("2025-09-29"), EndGroup: true})
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, now, d.Memberships[0].Record.End)

	// The registration is enrollment's: 4316 for a registered citizen, 4313 where a complete list
	// lacks the category; KSD's recovery takes none of it.
	c.Registrations = []dfdg.Registration{{ID: "reg-0", Category: 2, Start: at("2025-08-01 09:00")}}
	_, err = rules.Recover(muni(now), c, rec)
	assert.ErrorIs(t, err, dfdgerrors.Code(4316))
	_, err = rules.Recover(ksdAt(now), c, rec)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	_, err = rules.Recover(muni(now), c, absence.Recovery{ID: "fr-1", End: day("2025-09-29"), Comment: strings.Repeat("x", 1501)})
	assert.ErrorIs(t, err, dfdgerrors.Code(1014))
	_, err = rules.Recover(muni(now), c, absence.Recovery{ID: "fr-1", End: day("2025-09-29"), Group: 1, EndGroup: true})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue, "a change and an end: one of them")
}

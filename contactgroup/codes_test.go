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

// DFDG 4644 'Borger har allerede en åben kontaktgruppe': CreateKontaktgruppe (POST
// /v1/PersonVisitering/kontaktgruppe, starwiki page 4470112268; the contact-group REST table, page
// 3893231673) rejects a citizen who is in a contact group. PlaceInGroup does too, also when the open
// group is the one asked for, and also when it has an end date still to come; a registration as
// jobseeker still moves the citizen (rule 1.5).
func TestCode4644_PlaceInGroupWhileInAGroup(t *testing.T) {
	now := at("2025-09-03 12:00")
	for name, m := range map[string]dfdg.Membership{
		"open":                {ID: "kg-8", Group: 8, Start: at("2025-09-01 10:00")},
		"ending later":        {ID: "kg-8", Group: 8, Start: at("2025-09-01 10:00"), End: at("2025-10-01 10:00")},
		"the group asked for": {ID: "kg-8", Group: 1, Start: at("2025-09-01 10:00")},
	} {
		c := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{m}}
		d, err := rules.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1})
		e, ok := dfdgerrors.As(err)
		require.True(t, ok, "%s: %v", name, err)
		assert.Equal(t, dfdgerrors.ErrContactGroupOpen, e.Kind(), name)
		assert.Equal(t, dfdgerrors.Code(4644), e.Code(), name)
		assert.Equal(t, "Borger har allerede en åben kontaktgruppe", e.Kind().Danish(), name)
		assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[0]"), e.Field(), name)
		assert.Equal(t, "kg-8", e.Value(), name)
		assert.False(t, d.Changes(), name)

		_, err = rules.RegisterJobseeker(muni(now, "kg-1"), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1})
		assert.NoError(t, err, "%s: a registration moves the citizen", name)
	}
	ended := dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{{ID: "kg-8", Group: 8, Start: at("2025-09-01 10:00"), End: at("2025-09-02 10:00")}}}
	_, err := rules.PlaceInGroup(muni(now, "kg-1"), ended, contactgroup.Placement{Group: 1})
	assert.NoError(t, err, "a group that has ended is not open")
	assert.Len(t, rules.ValidatePlaceInGroup(muni(now), dfdg.Citizen{Jobcentre: kbh, Memberships: []dfdg.Membership{
		{ID: "a", Group: 1, Start: at("2025-09-01 10:00")}, {ID: "b", Group: 8, Start: at("2025-09-02 10:00")}}}, contactgroup.Placement{Group: 1}), 1,
		"an inconsistent history is that error, not also 4644")
}

// DFDG 4316 "Enrollment overlap", "The submitted enrollment date lies within or before an existing
// enrollment period" (UnemploymentEnrollmentService, starwiki page 2398290112): a registration as
// jobseeker starts at now (rule 1.5), so a stored registration that starts later is one it would lie
// before. One open at now is not an overlap: rule 1.5 ends it where the new one starts. Rule 1.2's
// decision on the same history has no enrollment date, and calls it an inconsistent history.
func TestCode4316_RegistrationBeforeAStoredOne(t *testing.T) {
	now := at("2025-09-01 14:30")
	req := contactgroup.RegistrationRequest{ID: "reg-9", Category: 2, Group: 1}
	later := dfdg.Registration{ID: "reg-1", Category: 2, Start: at("2025-09-01 14:31")}
	c := dfdg.Citizen{Jobcentre: kbh, Registrations: []dfdg.Registration{later}}
	d, err := rules.RegisterJobseeker(muni(now, "kg-9"), c, req)
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrEnrollmentOverlap, e.Kind())
	assert.Equal(t, dfdgerrors.Code(4316), e.Code())
	assert.Equal(t, "Enrollment overlap", e.Kind().English())
	assert.Equal(t, dfdgerrors.Path("borger.tilmeldinger[0]"), e.Field())
	assert.Equal(t, "reg-1", e.Value())
	assert.False(t, d.Changes())
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4316, "Enrollment overlap"), dfdgerrors.ErrEnrollmentOverlap, "DFDG's answer is the same error")
	require.Len(t, rules.ValidateRegisterJobseeker(muni(now), c, req), 1)
	// The later registration placed the citizen in a group that starts later too: 4316 comes first.
	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: later.Start}}
	errs := rules.ValidateRegisterJobseeker(muni(now), c, req)
	require.Len(t, errs, 2, "%v", errs)
	assert.Equal(t, dfdgerrors.ErrEnrollmentOverlap, errs[0].Kind())
	assert.Equal(t, dfdgerrors.ErrInconsistentHistory, errs[1].Kind())
	_, err = rules.RegisterJobseeker(muni(now, "kg-9"), c, req)
	assert.ErrorIs(t, err, dfdgerrors.ErrEnrollmentOverlap)

	// "within … an existing enrollment period": one open at now, or ending after it, is 4316 too; the
	// library never ends a registration to make room.
	for name, stored := range map[string]dfdg.Registration{
		"open at now":      {ID: "reg-1", Category: 2, Start: at("2025-09-01 14:29")},
		"starting at now":  {ID: "reg-1", Category: 2, Start: now},
		"ending after now": {ID: "reg-1", Category: 2, Start: at("2025-08-01 10:00"), End: at("2025-10-01 10:00")},
	} {
		_, err := rules.RegisterJobseeker(muni(now, "kg-9"), dfdg.Citizen{Jobcentre: kbh, Registrations: []dfdg.Registration{stored}}, req)
		assert.ErrorIs(t, err, dfdgerrors.Code(4316), name)
	}
	ended := dfdg.Registration{ID: "reg-1", Category: 2, Start: at("2025-08-01 10:00"), End: at("2025-08-02 10:00")}
	d, err = rules.RegisterJobseeker(muni(now, "kg-9"), dfdg.Citizen{Jobcentre: kbh, Registrations: []dfdg.Registration{ended}}, req)
	require.NoError(t, err, "ended before now")
	assert.Equal(t, []dfdg.Change[dfdg.Registration]{{Type: dfdg.Create, Record: dfdg.Registration{ID: req.ID, Category: 2, Start: now}}},
		d.Registrations, "the ended one is not touched")
	_, err = rules.DecideBenefit(by(dfdg.SystemActor(dfdg.ActorKY), now), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	assert.ErrorIs(t, err, dfdgerrors.ErrInconsistentHistory)
}

// DFDG 4675 'Den angivne kontaktgruppetype er ugyldig' (the contact-group REST table, starwiki page
// 3893231673): a placement in a contact group a complete list does not hold. The embedded list is not
// complete, so only a list the caller loads makes it; a registration (enrollment, which documents no
// such code) keeps the library's UnknownCode.
func TestCode4675_PlaceInGroupOfAnUnknownType(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte("# list: kontaktgrupper\n# complete: ja\n# source: a test\nid,name\n1,Dagpengemodtager\n8,Uden ydelse\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := func() dfdg.At { return muni(at("2025-09-03 12:00"), "kg-1") }
	c := dfdg.Citizen{Jobcentre: kbh}
	_, err = loaded.PlaceInGroup(now(), c, contactgroup.Placement{Group: 9})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.Code(4675), e.Code())
	assert.Equal(t, dfdgerrors.Path("kontaktgruppeType"), e.Field())
	assert.Equal(t, "9", e.Value())
	_, err = loaded.PlaceInGroup(now(), c, contactgroup.Placement{Group: 8})
	assert.NoError(t, err)
	_, err = rules.PlaceInGroup(now(), c, contactgroup.Placement{Group: 9})
	assert.NoError(t, err, "the embedded list is not complete: 9 is not known to be wrong")
	_, err = loaded.RegisterJobseeker(now(), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 9})
	assert.ErrorIs(t, err, dfdgerrors.ErrUnknownCode)
}

// DFDG 4313 "Invalid client category type" (UnemploymentEnrollmentService, starwiki page 2398290112):
// a registration in a category a complete list of registration categories does not hold. The embedded
// list is not complete, so only a list the caller loads makes it.
func TestCode4313_RegistrationInAnUnknownCategory(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"tilmeldekategorier.csv": {Data: []byte("# list: tilmeldekategorier\n# complete: ja\n# source: a test\nid,name\n2,Dagpengemodtager\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := func() dfdg.At { return muni(at("2025-09-03 12:00"), "kg-1") }
	c := dfdg.Citizen{Jobcentre: kbh}
	_, err = loaded.RegisterJobseeker(now(), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 77, Group: 1})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrClientCategoryInvalid, e.Kind())
	assert.Equal(t, dfdgerrors.Code(4313), e.Code())
	assert.Equal(t, "Invalid client category type", e.Kind().English())
	assert.Equal(t, dfdgerrors.Path("klientKategori"), e.Field())
	assert.Equal(t, "77", e.Value())
	assert.Equal(t, dfdg.Rule1_4, e.Rule())
	_, err = loaded.RegisterJobseeker(now(), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1})
	assert.NoError(t, err)
	_, err = rules.RegisterJobseeker(now(), c, contactgroup.RegistrationRequest{ID: "reg-1", Category: 77, Group: 1})
	assert.NoError(t, err, "the embedded list is not complete: 77 is not known to be wrong")
}

// DFDG 4405 "Borgeren med det specificerede CPR nummer er død": CreateKontaktgruppe (REST, starwiki
// page 4470112268) and the enrollment service (SOAP, page 2398290112) reject a dead citizen.
func TestCode4405_PlacementAndRegistrationOfADeadCitizen(t *testing.T) {
	now := at("2025-09-03 12:00")
	dead := dfdg.Citizen{Jobcentre: kbh, Died: day("2025-09-03")}
	_, err := rules.PlaceInGroup(muni(now, "kg-1"), dead, contactgroup.Placement{Group: 1})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.Code(4405), e.Code())
	assert.Equal(t, dfdgerrors.Path("borger.doedsdato"), e.Field())
	_, err = rules.RegisterJobseeker(muni(now, "kg-1"), dead, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.ErrPersonDead)
	assert.ErrorIs(t, rules.ValidateRegisterJobseeker(muni(now), dead, contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: 1}).Err(), dfdgerrors.ErrPersonDead)

	alive := dead
	alive.Died = day("2025-09-04")
	_, err = rules.PlaceInGroup(muni(now, "kg-1"), alive, contactgroup.Placement{Group: 1})
	assert.NoError(t, err, "a death date after today is not a death yet")
}

// DFDG 4645 'Registrering ikke tilladt pga. ugyldig kombination af kontaktgruppe og fravær'
// (CreateKontaktgruppe, and enrollment): the table of absence combinations, where the caller loads
// it, does not allow a current absence of the citizen's in the new group. The embedded table has no
// cells, so it refuses nothing.
func TestCode4645_AbsenceConflictsWithTheNewGroup(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"fravaerskombinationer.csv": {Data: []byte(
		"# list: fravaerskombinationer\n# complete: nej\n# source: a test\nfravaerstype,kontaktgruppe,tilladt\n2,1,\n2,8,null\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := at("2025-09-15 11:00")
	c := dfdg.Citizen{Jobcentre: kbh, Absences: []dfdg.Absence{{ID: "fr-2", Type: 2, Period: dfdg.Period{Start: day("2025-09-01")}}}}
	_, err = loaded.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.Code(4645))
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdgerrors.Path("borger.fravaer[0]"), e.Field())
		assert.Equal(t, "fr-2", e.Value())
	}
	_, err = loaded.RegisterJobseeker(muni(now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.ErrAbsenceConflictsWithGroup, "enrollment documents it too")
	_, err = loaded.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 8})
	assert.NoError(t, err, "allowed in group 8")
	c.Absences[0].Period.End = day("2025-09-14")
	_, err = loaded.PlaceInGroup(muni(now, "kg-1"), c, contactgroup.Placement{Group: 1})
	assert.NoError(t, err, "an absence that ended yesterday")
	_, err = rules.PlaceInGroup(muni(now, "kg-1"), dfdg.Citizen{Jobcentre: kbh, Absences: []dfdg.Absence{{ID: "fr-2", Type: 2, Period: dfdg.Period{Start: day("2025-09-01")}}}},
		contactgroup.Placement{Group: 1})
	assert.NoError(t, err, "the embedded table refuses nothing")
}

// DFDG 4763 "A person who is 65 or older can only enroll as 'uden ydelse' from jobnet": from Jobnet,
// for a citizen of 65 or older by the birth date the caller gives, in a category a loaded list holds
// and does not mark as 'uden ydelse'. Which categories are is not public, so the embedded list
// refuses nothing.
func TestCode4763_JobnetEnrollmentFrom65(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"tilmeldekategorier.csv": {Data: []byte(
		"# list: tilmeldekategorier\n# complete: nej\n# source: a test\nid,name,applicant,uden_ydelse\n2,Dagpengemodtager,nej,nej\n7,Uden ydelse,nej,ja\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := at("2025-09-15 11:00")
	jobnet := by(dfdg.SystemActor(dfdg.ActorJobnet), now, "reg-1", "kg-1")
	c := dfdg.Citizen{Jobcentre: kbh, Born: day("1960-09-15")}
	_, err = loaded.RegisterJobseeker(jobnet, c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.Code(4763))
	_, err = loaded.RegisterJobseeker(by(dfdg.SystemActor(dfdg.ActorJobnet), now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 7, Group: 8})
	assert.NoError(t, err, "'uden ydelse'")
	_, err = loaded.RegisterJobseeker(muni(now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.NoError(t, err, "from the jobcentre")
	c.Born = day("1960-09-16")
	_, err = loaded.RegisterJobseeker(by(dfdg.SystemActor(dfdg.ActorJobnet), now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.NoError(t, err, "64 until tomorrow")
	c.Born = day("1960-09-15")
	_, err = rules.RegisterJobseeker(by(dfdg.SystemActor(dfdg.ActorJobnet), now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.NoError(t, err, "the embedded list marks no category")
}

// DFDG 4641 "This category is not allowed to be enrolled" and 6052 "Codelist value is only for
// internal use" (the enrollment service): from a list of categories the caller loads, which marks
// them (the embedded list marks none: which they are is not public).
func TestCode4641_And6052_CategoriesALoadedListMarks(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"tilmeldekategorier.csv": {Data: []byte(
		"# list: tilmeldekategorier\n# complete: nej\n# source: a test\nid,name,kan_tilmeldes,intern\n2,Dagpengemodtager,,\n30,Ikke tilmeldbar,nej,\n31,Intern,,ja\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := at("2025-09-15 11:00")
	c := dfdg.Citizen{Jobcentre: kbh}
	_, err = loaded.RegisterJobseeker(muni(now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 30, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.Code(4641))
	_, err = loaded.RegisterJobseeker(muni(now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 31, Group: 1})
	assert.ErrorIs(t, err, dfdgerrors.Code(6052))
	_, err = loaded.RegisterJobseeker(muni(now, "reg-1", "kg-1"), c, contactgroup.RegistrationRequest{Category: 2, Group: 1})
	assert.NoError(t, err)
}

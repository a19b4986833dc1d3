package absence_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note: 66 'Inden for institutionens åbningstid – manglende pasningsmulighed' may overlap holiday
// absence 10 and 47.
func TestRule2_1_Absence66MayOverlapHolidays(t *testing.T) {
	s := state(
		dfdg.Absence{ID: "fr-10", Type: dfdg.Ferie, Period: period("2025-07-07", "2025-07-18")},
		dfdg.Absence{ID: "fr-47", Type: dfdg.Feriefravaer47, Period: period("2025-07-21", "2025-07-25")},
	)
	a := dfdg.Absence{ID: "fr-66", Type: dfdg.ManglendePasningsmulighed, Period: period("2025-07-01", "2025-07-31")}
	d, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-06-20 10:00")), s, a)
	require.NoError(t, err)
	assert.Equal(t, []string{"Fravaer.WSB Oprettelse til kommune 101 om Fravaer fr-66"}, msgs(d))
	assert.True(t, d.Rules.Has(dfdg.Rule2_5))
	assert.Equal(t, dfdg.MunicipalityActor(kbh), d.Absences[0].Record.ReportedBy)
}

func TestRule2_1_Absence66MayNotOverlapOthers(t *testing.T) {
	sick := dfdg.Absence{ID: "fr-11", Type: 11, Period: period("2025-07-10", "")}
	s := state(sick)
	a := dfdg.Absence{ID: "fr-66", Type: dfdg.ManglendePasningsmulighed, Period: period("2025-07-01", "2025-07-10")}
	_, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-06-20 10:00")), s, a)
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule2_1, e.Rule())
	}
	assert.Contains(t, err.Error(), "fr-66 (type 66, 2025-07-01–2025-07-10) overlapper fravær fr-11 (type 11, 2025-07-10–)", "names both")
	e, _ := dfdgerrors.As(err)
	assert.Contains(t, e.English(), "absence fr-66 (type 66, 2025-07-01–2025-07-10) overlaps absence fr-11")

	// The policy of the type registered decides: a sickness may be reported over an existing 66, and
	// an existing 66 updated over a sickness is rejected.
	_, err = rules.ReportSick(ksdAt(at("2025-07-05 10:00")), state(a), dfdg.Absence{ID: "fr-11", Type: 11, Period: period("2025-07-05", "")})
	assert.NoError(t, err, "rule 2.1 changes the validation on 66, not on what overlaps it")
	moved := a
	moved.Period = period("2025-07-05", "2025-07-12")
	_, err = rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-06-20 10:00")), state(a, sick), moved)
	assert.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed)

	// Ending the day before the other starts is no overlap.
	a.Period.End = day("2025-07-09")
	_, err = rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-06-20 10:00")), s, a)
	assert.NoError(t, err)
}

func TestRule2_1_TypesTheNoteIsSilentOnAreUnrestricted(t *testing.T) {
	s := state(dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-07-01", "2025-07-31")})
	for _, typ := range []dfdg.AbsenceType{2, 8, 10, 11, 1, 500} {
		err := rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: s.Absences}, dfdg.Absence{ID: "x", Type: typ, Period: period("2025-07-15", "")})
		assert.NoError(t, err, typ)
	}
}

// A caller can load a fuller policy.
func TestRule2_1_LoadedPolicy(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte(`# list: fravaerstyper
# complete: nej
# source: a fuller policy
id,name,overlap
8,Barsel,kun
66,Inden for institutionens åbningstid – manglende pasningsmulighed,kun 10 47
`)}})
	require.NoError(t, err)
	s := state(dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-07-01", "2025-07-31")})
	err = absence.Rules{Catalog: cat}.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: s.Absences}, dfdg.Absence{ID: "fr-8", Type: 8, Period: period("2025-07-31", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed, "8 may overlap nothing under this policy")
	assert.NoError(t, absence.Rules{Catalog: cat}.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: s.Absences}, dfdg.Absence{ID: "fr-8", Type: 8, Period: period("2025-08-01", "")}))
}

func TestUpdateSkipsItselfWhenCheckingOverlap(t *testing.T) {
	a := dfdg.Absence{ID: "fr-66", Type: 66, Period: period("2025-07-01", "2025-07-10")}
	s := state(a)
	a.Period.End = day("2025-07-20")
	d, err := rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-07-02 10:00")), s, a)
	require.NoError(t, err)
	assert.Equal(t, []string{"Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-66"}, msgs(d))
	_, err = rules.Update(by(dfdg.MunicipalityActor(kbh), at("2025-07-02 10:00")), s, dfdg.Absence{ID: "nope", Type: 66, Period: period("2025-07-01", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
	_, err = rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-07-02 10:00")), s, a)
	assert.ErrorIs(t, err, dfdgerrors.ErrIDExists, "an id that exists is not created again")
}

// DFDG 4977 'Det angivne id findes allerede': CreateFravaer (POST /v1/Fravaer, starwiki page
// 4606591271) rejects an absence with an id the citizen already has. The answer DFDG gives is the same
// error as the library's.
func TestCode4977_CreateWithAnIDThatExists(t *testing.T) {
	s := state(dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-07-01", "")})
	_, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-07-02 10:00")), s, dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-08-01", "")})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.Code(4977), e.Code())
	assert.Equal(t, "Det angivne id findes allerede", e.Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("fravaerIdentifier"), e.Field())
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4977, "Det angivne id findes allerede"), e.Kind())
	_, err = rules.ReportSick(ksdAt(at("2025-07-02 10:00")), s, dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-07-02", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "KSD's sickness services document no code for it")
	assert.NotErrorIs(t, err, dfdgerrors.Code(4977))
}

func TestValidateListsEveryViolation(t *testing.T) {
	s := state(dfdg.Absence{ID: "fr-11", Type: 11, Period: period("2025-07-01", "")})
	errs := rules.ValidateUpdate(muni(at("2025-07-05 10:00")), s, dfdg.Absence{Period: period("2025-07-02", "2025-07-01")})
	require.Len(t, errs, 3, "%v", errs)
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrMissingValue)
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrNegativeDuration)
	errs = rules.ValidateUpdate(muni(at("2025-07-05 10:00")), s, dfdg.Absence{ID: "x", Type: 66, Period: period("2025-07-02", "")})
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrOverlapNotAllowed)
}

// An update names the absence it changes.
func TestUpdateWithoutIDIsMissingValue(t *testing.T) {
	c := state(dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-10-01", "")})
	_, err := rules.Update(muni(at("2025-10-02 09:00")), c, dfdg.Absence{Type: 1, Period: period("2025-10-01", "2025-10-05")})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrMissingValue, e.Kind())
	assert.Equal(t, dfdgerrors.Path("fravaerIdentifier"), e.Field())
}

// DFDG 4405 "Borgeren med det specificerede CPR nummer er død": CreateFravaer (REST, starwiki page
// 4606591271) and CreateSygemelding (SOAP, page 4444979236) reject an absence for a citizen who is
// dead. An update of an existing absence is not rejected: the documentation names the creating
// services only.
func TestCode4405_AbsenceForADeadCitizen(t *testing.T) {
	now := at("2025-07-02 10:00")
	dead := state(dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-06-01", "")})
	dead.Died = day("2025-07-01")
	_, err := rules.Create(muni(now), dead, dfdg.Absence{ID: "fr-2", Type: 1, Period: period("2025-08-01", "")})
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrPersonDead, e.Kind())
	assert.Equal(t, dfdgerrors.Code(4405), e.Code())
	assert.Equal(t, "Borgeren med det specificerede CPR nummer er død", e.Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("borger.doedsdato"), e.Field())
	assert.Equal(t, "2025-07-01", e.Value())
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4405, "The person with specified cpr is dead"), dfdgerrors.ErrPersonDead)
	assert.ErrorIs(t, dfdgerrors.FromDFDG(60007, ""), dfdgerrors.ErrPersonDead, "the newer services' code for the same condition")

	inGroup := dead
	inGroup.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00")}}
	_, err = rules.CreateSickness(muni(now), inGroup, absence.Sickness{Absence: dfdg.Absence{ID: "fr-3", Type: sygdom, Period: period("2025-07-02", "")},
		NotificationDate: day("2025-07-02")})
	assert.ErrorIs(t, err, dfdgerrors.ErrPersonDead, "CreateSygemelding documents 4405")
	_, err = rules.ReportSick(ksdAt(now), dead, dfdg.Absence{ID: "fr-3", Type: sygdom, Period: period("2025-07-02", "")})
	assert.NoError(t, err, "KSD's feed documents no code: the library does not invent its 4405")
	_, err = rules.Update(muni(now), dead, dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-06-01", "2025-06-30")})
	assert.NoError(t, err, "an update is not a creation")

	// Dead tomorrow, as the caller's data may say, is not dead yet.
	alive := dead
	alive.Died = day("2025-07-03")
	_, err = rules.Create(muni(now), alive, dfdg.Absence{ID: "fr-2", Type: 1, Period: period("2025-08-01", "")})
	assert.NoError(t, err)
}

// DFDG 1003 "Duration is negative" (CreateAbsence: "The reported duration is negative, start date is
// greater than end date", starwiki ABS-A; the release note's 2.3): an absence that ends before it
// starts, created or updated.
func TestCode1003_AbsenceEndingBeforeItStarts(t *testing.T) {
	a := dfdg.Absence{ID: "fr-1", Type: 10, Period: period("2025-07-10", "2025-07-09")}
	_, err := rules.Create(muni(at("2025-07-02 10:00")), state(), a)
	assert.ErrorIs(t, err, dfdgerrors.ErrNegativeDuration)
	assert.ErrorIs(t, err, dfdgerrors.Code(1003))
	_, err = rules.Update(muni(at("2025-07-02 10:00")), state(dfdg.Absence{ID: "fr-1", Type: 10, Period: period("2025-07-10", "")}), a)
	assert.ErrorIs(t, err, dfdgerrors.Code(1003))
	assert.ErrorIs(t, dfdgerrors.FromDFDG(1003, "Duration is negative"), dfdgerrors.ErrNegativeDuration)
}

// Rule 2.1: absences without ids are compared too; only the same id (the absence itself) is skipped.
func TestRule2_1_AbsencesWithoutIDsAreCompared(t *testing.T) {
	cat := policyCatalog(t)
	s := state(dfdg.Absence{Type: 1, Period: period("2025-07-01", "2025-07-31")})
	err := absence.Rules{Catalog: cat}.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: s.Absences}, dfdg.Absence{Type: 8, Period: period("2025-07-31", "")})
	assert.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed)
	var o *absence.Overlap
	require.ErrorAs(t, err, &o)
	assert.Equal(t, dfdg.AbsenceType(1), o.OtherType, "the cause names the absence it overlaps")
	assert.Equal(t, 0, o.Index)
	assert.Equal(t, dfdg.AbsenceType(8), o.Type)
}

// Rule 2.1 applies to a resumed sickness: reopened, it may not overlap what its type's policy
// forbids.
func TestRule2_1_ResumeChecksOverlap(t *testing.T) {
	cat := policyCatalog(t)
	s := state(dfdg.Absence{ID: "fr-1", Type: sygdom, Period: period("2025-09-01", "2025-09-20")},
		dfdg.Absence{ID: "fr-2", Type: 1, Period: period("2025-10-01", "2025-10-31")})
	_, err := absence.Rules{Catalog: cat}.Resume(ksdAt(at("2025-09-25 10:00"), "kg8", "kg24"), s, absence.Resumption{ID: "fr-1"})
	assert.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed)
	s.Absences = s.Absences[:1]
	_, err = absence.Rules{Catalog: cat}.Resume(ksdAt(at("2025-09-25 10:00"), "kg8", "kg24"), s, absence.Resumption{ID: "fr-1"})
	assert.NoError(t, err)
}

// policyCatalog is the embedded catalogue with a policy under which 8 and 11 may overlap nothing.
func policyCatalog(t *testing.T) *codelist.Catalog {
	t.Helper()
	cat, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte(`# list: fravaerstyper
# complete: nej
# source: a stricter policy
id,name,overlap,sickness
1,Uddannelse,,
8,Barsel,kun,
11,SygdomSygemelding,kun,ja
`)}})
	require.NoError(t, err)
	return cat
}

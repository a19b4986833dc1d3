package audit_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/audit"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	rules audit.Rules
	day   = dfdg.MustParseDate
	now   = at("2025-11-01 12:00")
	run   = dfdg.At{Now: now}
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.UTC)
	if err != nil {
		panic(err)
	}
	return t
}

func period(start, end string) dfdg.Period {
	p := dfdg.Period{Start: day(start)}
	if end != "" {
		p.End = day(end)
	}
	return p
}

// sound is a citizen whose records no rule finds anything wrong with: a registration and the contact
// group it placed the citizen in, a holiday and an ended sickness, and two different activities.
func sound() dfdg.Citizen {
	return dfdg.Citizen{ID: "c-1", Jobcentre: 101,
		Memberships:   []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-02-01 10:00")}},
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 2, Start: at("2025-02-01 10:00")}},
		Absences: []dfdg.Absence{
			{ID: "fr-10", Type: 10, Period: period("2025-07-01", "2025-07-14")},
			{ID: "fr-11", Type: 11, Period: period("2025-03-01", "2025-03-10")},
		},
		Activities: []dfdg.Activity{company("a-1", "2025-09-01"), company("a-2", "2025-10-01")},
	}
}

func company(id, start string) dfdg.Activity {
	return dfdg.Activity{ID: id, Type: 99, CompanyOriented: true, Period: period(start, "2025-12-31"),
		Hours: decimal.RequireFromString("37"), Company: dfdg.Company{CVR: "12345678"}}
}

// check is Check of c at the run, which must not fail.
func check(t *testing.T, c dfdg.Citizen) []audit.Finding {
	t.Helper()
	fs, err := rules.Check(run, c)
	require.NoError(t, err)
	return fs
}

func TestSoundCitizenHasNoFindings(t *testing.T) {
	assert.Empty(t, check(t, sound()))
	assert.Empty(t, check(t, dfdg.Citizen{}))
	_, err := rules.Check(dfdg.At{}, sound())
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "no now")
}

// Rule 1.4: a contact group or registration category used from the day it went inactive; records
// that started before are history and sound.
func TestRule1_4_InactiveContactGroupAndCategory(t *testing.T) {
	c := sound()
	c.Memberships = []dfdg.Membership{
		{ID: "kg-26", Group: 26, Start: at("2025-01-01 10:00"), End: at("2025-07-01 10:00")},
		{ID: "kg-28", Group: 28, Start: at("2025-07-01 10:00")},
	}
	c.Registrations = []dfdg.Registration{{ID: "reg-12", Category: 12, Start: at("2025-08-01 10:00")}}
	fs := check(t, c)
	require.Len(t, fs, 2, "%v", fs)
	assert.Equal(t, dfdg.Rule1_4, fs[0].Rule)
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordMembership, ID: "kg-28"}}, fs[0].Records)
	assert.Equal(t, dfdgerrors.ErrInactiveCode, fs[0].Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[1].kontaktgruppeType"), fs[0].Problem.Field())
	assert.Contains(t, fs[0].Problem.Danish(), "inaktiv fra 2025-07-01")
	assert.Nil(t, fs[0].Repair, "history is not repaired")
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordRegistration, ID: "reg-12"}}, fs[1].Records)
	assert.Equal(t, dfdgerrors.Path("borger.tilmeldinger[0].klientKategori"), fs[1].Problem.Field())
	assert.Equal(t, "c-1", fs[1].Citizen)
}

// Rule 2.6: an absence of a type from the day it went inactive. Rule 3.7: an activity under the
// authority area Selvejende, whatever its start.
func TestRule2_6And3_7_InactiveAbsenceTypeAndAuthorityArea(t *testing.T) {
	c := sound()
	c.Absences = append(c.Absences,
		dfdg.Absence{ID: "fr-59-old", Type: 59, Period: period("2025-06-01", "2025-06-30")},
		dfdg.Absence{ID: "fr-59", Type: 59, Period: period("2025-07-01", "")})
	c.Activities[1].AuthorityArea = 6
	fs := check(t, c)
	require.Len(t, fs, 2, "%v", fs)
	assert.Equal(t, dfdg.Rule2_6, fs[0].Rule)
	assert.Equal(t, "fr-59", fs[0].Records[0].ID)
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[3].fravaerType"), fs[0].Problem.Field())
	assert.Equal(t, dfdg.Rule3_7, fs[1].Rule)
	assert.Equal(t, dfdgerrors.ErrAuthorityAreaExpired, fs[1].Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[1].myndighedsomraade"), fs[1].Problem.Field())
}

// Rule 1.5: the memberships CheckHistory finds, one finding each.
func TestRule1_5_MembershipsThatEndBeforeTheyStartOrOverlap(t *testing.T) {
	c := sound()
	c.Memberships = []dfdg.Membership{
		{ID: "kg-a", Group: 1, Start: at("2025-02-01 10:00"), End: at("2025-01-01 10:00")},
		{ID: "kg-b", Group: 8, Start: at("2025-03-01 10:00")},
		{ID: "kg-c", Group: 1, Start: at("2025-04-01 10:00")},
	}
	fs := check(t, c)
	require.Len(t, fs, 2, "%v", fs)
	assert.Equal(t, dfdg.Rule1_5, fs[0].Rule)
	assert.Equal(t, dfdgerrors.ErrEndsBeforeStart, fs[0].Problem.Kind())
	assert.Equal(t, "kg-a", fs[0].Records[0].ID)
	assert.Equal(t, dfdgerrors.ErrInconsistentHistory, fs[1].Problem.Kind())
	assert.Contains(t, fs[1].Problem.Danish(), "kg-b")
}

// Rule 2.1: two absences that overlap where neither type's policy allows the other, so that
// whichever came second was refused: two 66s (66 may overlap only 10 and 47). A 66 over a holiday is
// allowed by 66's policy, and an education over a 66 by education's, which restricts nothing: both
// sound whichever came first.
func TestRule2_1_OverlapNoOrderAllows(t *testing.T) {
	c := sound()
	c.Absences = []dfdg.Absence{
		{ID: "fr-10", Type: 10, Period: period("2025-07-01", "2025-07-14")},
		{ID: "fr-66", Type: 66, Period: period("2025-07-05", "2025-07-06")},
		{ID: "fr-1", Type: 1, Period: period("2025-07-06", "2025-07-20")},
		{ID: "fr-66b", Type: 66, Period: period("2025-07-06", "2025-07-08")},
	}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, dfdg.Rule2_1, fs[0].Rule)
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordAbsence, ID: "fr-66b"}, {Kind: dfdg.RecordAbsence, ID: "fr-66"}}, fs[0].Records)
	assert.Equal(t, dfdgerrors.ErrOverlapNotAllowed, fs[0].Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[3].periode"), fs[0].Problem.Field())
	assert.Contains(t, fs[0].Problem.Danish(), "fravær fr-66b (type 66, 2025-07-06–2025-07-08) overlapper fravær fr-66 (type 66")
}

// Rule 2.2: an open sick absence 60 days old for a citizen in group 1, with the sweep's closure as the
// repair; one a day younger, or a citizen in group 25, is not.
func TestRule2_2_OpenSickAbsencePast60Days(t *testing.T) {
	c := sound()
	c.Absences = []dfdg.Absence{{ID: "fr-s", Type: 11, Period: period("2025-09-02", "")}}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	f := fs[0]
	assert.Equal(t, dfdg.Rule2_2, f.Rule)
	assert.Equal(t, dfdgerrors.ErrSickAbsenceOverdue, f.Problem.Kind())
	da, _ := f.Problem.Detail()
	assert.Equal(t, "første sygedag 2025-09-02, 60 dage før 2025-11-01", da)
	require.NotNil(t, f.Repair)
	require.Len(t, f.Repair.Absences, 1)
	assert.Equal(t, day("2025-11-01"), f.Repair.Absences[0].Record.Period.End)
	require.Len(t, f.Repair.Messages, 1)
	assert.Equal(t, "Fravaer.WSB", string(f.Repair.Messages[0].Name))
	assert.True(t, f.Repair.Rules.Has(dfdg.Rule2_2))

	c.Absences[0].Period.Start = day("2025-09-03")
	assert.Empty(t, check(t, c), "59 days")
	c.Absences[0].Period.Start = day("2025-01-03")
	c.Memberships = []dfdg.Membership{{ID: "kg-25", Group: 25, Start: at("2025-01-03 10:00")}}
	assert.Empty(t, check(t, c), "group 25")
}

// Rule 2.4: group 24 still open after the last sickness ended; not while a sickness is open.
func TestRule2_4_Group24OpenAfterRecovery(t *testing.T) {
	c := sound()
	c.Memberships = []dfdg.Membership{{ID: "kg-24", Group: 24, Start: at("2025-09-01 10:00")}}
	c.Absences = []dfdg.Absence{{ID: "fr-s", Type: 11, Period: period("2025-09-01", "2025-09-30")}}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, dfdg.Rule2_4, fs[0].Rule)
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordMembership, ID: "kg-24"}, {Kind: dfdg.RecordAbsence, ID: "fr-s"}}, fs[0].Records)
	_, en := fs[0].Problem.Detail()
	assert.Equal(t, "the sick absence fr-s ended on 2025-09-30", en)
	assert.Nil(t, fs[0].Repair, "the time DFDG received the recovery is not stored")

	c.Absences = append(c.Absences, dfdg.Absence{ID: "fr-s2", Type: 11, Period: period("2025-10-15", "")})
	assert.Empty(t, check(t, c), "sick again")
	c.Absences = c.Absences[:1]
	c.Absences[0].Period.End = day("2025-11-01")
	assert.Empty(t, check(t, c), "ends today")
}

// Rule 3.4: an active company-oriented activity that duplicates an earlier one; a cancelled one is
// not.
func TestRule3_4_DuplicateActivities(t *testing.T) {
	c := sound()
	c.Activities = append(c.Activities, company("a-3", "2025-09-01"))
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, dfdg.Rule3_4, fs[0].Rule)
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordActivity, ID: "a-3"}, {Kind: dfdg.RecordActivity, ID: "a-1"}}, fs[0].Records)
	assert.Equal(t, dfdgerrors.ErrDuplicateActivity, fs[0].Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[2]"), fs[0].Problem.Field())
	c.Activities[2].Status = dfdg.ActivityCancelled
	assert.Empty(t, check(t, c))
}

// Rule 4.1: a registration kept 6 years after it ended, with its deletion as the repair; one a day
// short is kept.
func TestRule4_1_RegistrationPastItsDeletionDate(t *testing.T) {
	c := sound()
	c.Registrations = append(c.Registrations, dfdg.Registration{ID: "reg-old", Category: 2, Start: at("2015-01-05 09:00"), End: at("2019-11-01 09:00")})
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	f := fs[0]
	assert.Equal(t, dfdg.Rule4_1, f.Rule)
	assert.Equal(t, dfdgerrors.ErrPastDeletionDate, f.Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.tilmeldinger[1]"), f.Problem.Field())
	assert.Contains(t, f.Problem.Danish(), "slettedato 2025-11-01")
	require.NotNil(t, f.Repair)
	assert.Equal(t, []dfdg.Change[dfdg.Registration]{{Type: dfdg.Delete, Record: c.Registrations[1]}}, f.Repair.Registrations)
	assert.True(t, f.Repair.Rules.Has(dfdg.Rule4_1))
	after := c.Apply(*f.Repair)
	assert.Len(t, after.Registrations, 1, "the repair deletes it")
	assert.Empty(t, check(t, after))

	c.Registrations[1].End = at("2019-11-02 09:00")
	assert.Empty(t, check(t, c), "due tomorrow")
}

// Every repair leaves a citizen the audit no longer finds that problem in.
func TestRepairsRepair(t *testing.T) {
	c := sound()
	c.Absences = []dfdg.Absence{{ID: "fr-s", Type: 11, Period: period("2025-08-01", "")}}
	c.Registrations = append(c.Registrations, dfdg.Registration{ID: "reg-old", Category: 2, Start: at("2015-01-05 09:00"), End: at("2018-01-05 09:00")})
	fs := check(t, c)
	require.Len(t, fs, 2, "%v", fs)
	for _, f := range fs {
		require.NotNil(t, f.Repair, "%s", f.Rule)
		c = c.Apply(*f.Repair)
	}
	assert.Empty(t, check(t, c))
}

// Records whose dates the other checks cannot judge are reported, not passed over: an absence that
// ends before it starts (1003, rule 2.3) and an ended registration that ends before it starts (rule
// 4.1 gives it no deletion date).
func TestRecordsEndingBeforeTheyStartAreReported(t *testing.T) {
	c := sound()
	c.Absences = append(c.Absences, dfdg.Absence{ID: "fr-neg", Type: 10, Period: period("2025-08-10", "2025-08-01")})
	c.Registrations = append(c.Registrations, dfdg.Registration{ID: "reg-neg", Category: 2, Start: at("2020-01-05 09:00"), End: at("2019-01-05 09:00")})
	fs := check(t, c)
	require.Len(t, fs, 2, "%v", fs)
	assert.Equal(t, dfdg.Rule2_3, fs[0].Rule)
	assert.Equal(t, dfdgerrors.Code(1003), fs[0].Problem.Code())
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[2].periode"), fs[0].Problem.Field())
	assert.Equal(t, dfdg.Rule4_1, fs[1].Rule)
	assert.Equal(t, dfdgerrors.ErrEndsBeforeStart, fs[1].Problem.Kind())
	assert.Equal(t, dfdgerrors.Path("borger.tilmeldinger[1].sluttidspunkt"), fs[1].Problem.Field())
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordRegistration, ID: "reg-neg"}}, fs[1].Records)
}

// Rule 2.2: an overdue sick absence without an id, which the sweep cannot close (no message could
// name it), is reported with the sweep's error.
func TestRule2_2_OverdueSickAbsenceWithoutIDIsReported(t *testing.T) {
	c := sound()
	c.Absences = []dfdg.Absence{{Type: 11, Period: period("2025-08-01", "")}}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, dfdg.Rule2_2, fs[0].Rule)
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[0].fravaerIdentifier"), fs[0].Problem.Field())
	assert.Equal(t, []dfdg.Ref{{Kind: dfdg.RecordAbsence}}, fs[0].Records)
}

// Rule 2.4: of two sick absences that ended on the same last day, the finding names the first.
func TestRule2_4_NamesTheFirstOfTheLastSicknesses(t *testing.T) {
	c := sound()
	c.Memberships = []dfdg.Membership{{ID: "kg-24", Group: 24, Start: at("2025-09-01 10:00")}}
	c.Absences = []dfdg.Absence{
		{ID: "fr-a", Type: 11, Period: period("2025-09-01", "2025-09-30")},
		{ID: "fr-b", Type: 11, Period: period("2025-09-10", "2025-09-30")},
		{ID: "fr-c", Type: 11, Period: period("2025-09-02", "2025-09-20")},
	}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, "fr-a", fs[0].Records[1].ID)
}

// Rule 2.4: a recovery on the very day group 24 started counts (the group was left open after it);
// one the day before does not concern this membership.
func TestRule2_4_RecoveryOnTheDayGroup24Started(t *testing.T) {
	c := sound()
	c.Memberships = []dfdg.Membership{{ID: "kg-24", Group: 24, Start: at("2025-09-01 10:00")}}
	c.Absences = []dfdg.Absence{{ID: "fr-s", Type: 11, Period: period("2025-08-20", "2025-09-01")}}
	fs := check(t, c)
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, dfdg.Rule2_4, fs[0].Rule)
	c.Absences[0].Period.End = day("2025-08-31")
	assert.Empty(t, check(t, c), "a recovery before the group started")
}

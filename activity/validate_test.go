package activity_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A decision names the rules that acted and no other: 3.1 where the citizen's a-kasse or a
// dagpengemodtager's plan is concerned, 3.2 for a municipality's creation, a guest's update or a
// municipality reference, 3.4 for a company-oriented activity, 3.5 for a job title, 3.7 for an
// authority area.
func TestRules3_1To3_7_NamedOnlyWhereTheyAct(t *testing.T) {
	kursus := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	withRef := kursus
	withRef.References = []dfdg.Reference{{Type: dfdg.Betalingskommune, Value: "0147"}}
	withArea := praktik("a-1")
	withArea.AuthorityArea = 3
	noAkasse := func(g dfdg.ContactGroup) dfdg.Citizen {
		return dfdg.Citizen{Jobcentre: 101, Memberships: inGroup(g), Plan: jobplan}
	}
	cases := []struct {
		name string
		at   dfdg.At
		c    dfdg.Citizen
		a    dfdg.Activity
		want []dfdg.RuleID
	}{
		{"a municipality for a dagpengemodtager", atKbh, noAkasse(dfdg.Dagpengemodtager), kursus, []dfdg.RuleID{dfdg.Rule3_1, dfdg.Rule3_2}},
		{"a municipality, group 8, no a-kasse", atKbh, noAkasse(dfdg.UdenYdelse), kursus, []dfdg.RuleID{dfdg.Rule3_2}},
		{"the a-kasse, no reference", dfdg.At{Now: now, By: akas}, dagpengemodtager(jobplan), kursus, []dfdg.RuleID{dfdg.Rule3_1}},
		{"the a-kasse with a municipality reference", dfdg.At{Now: now, By: akas}, dagpengemodtager(jobplan), withRef, []dfdg.RuleID{dfdg.Rule3_1, dfdg.Rule3_2}},
		{"a company-oriented activity with a title", atKbh, noAkasse(dfdg.UdenYdelse), praktik("a-1"), []dfdg.RuleID{dfdg.Rule3_2, dfdg.Rule3_4, dfdg.Rule3_5}},
		{"an authority area", atKbh, noAkasse(dfdg.UdenYdelse), withArea, []dfdg.RuleID{dfdg.Rule3_2, dfdg.Rule3_4, dfdg.Rule3_5, dfdg.Rule3_7}},
	}
	for _, tc := range cases {
		d, err := rules.Create(tc.at, tc.c, tc.a)
		require.NoError(t, err, tc.name)
		assert.Equal(t, dfdg.RulesOf(tc.want...), d.Rules, tc.name)
	}

	updates := []struct {
		name string
		at   dfdg.At
		c    dfdg.Citizen
		a    dfdg.Activity
		want []dfdg.RuleID
	}{
		{"the jobcentre, no a-kasse", atKbh, dfdg.Citizen{Jobcentre: 101, Memberships: inGroup(1), Activities: []dfdg.Activity{kursus}}, kursus, nil},
		{"the jobcentre, an a-kasse", atKbh, dagpengemodtager(jobplan, kursus), kursus, []dfdg.RuleID{dfdg.Rule3_1}},
		{"a guest", dfdg.At{Now: now, By: frb}, dagpengemodtager(jobplan, kursus), kursus, []dfdg.RuleID{dfdg.Rule3_1, dfdg.Rule3_2}},
		{"a municipality reference", atKbh, dagpengemodtager(jobplan, kursus), withRef, []dfdg.RuleID{dfdg.Rule3_1, dfdg.Rule3_2}},
	}
	for _, tc := range updates {
		d, err := rules.Update(tc.at, tc.c, tc.a)
		require.NoError(t, err, tc.name)
		assert.Equal(t, dfdg.RulesOf(tc.want...), d.Rules, tc.name)
	}
}

// Rule 3.5: a title that expires on the day of the decision has expired.
func TestRule3_5_TitleExpiringOnTheDecisionDate(t *testing.T) {
	a := praktik("a-1")
	a.JobTitle.ExpiredFrom = dfdg.DateOf(now)
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.ErrorIs(t, err, dfdgerrors.ErrJobTitleExpired)
	a.JobTitle.ExpiredFrom = dfdg.DateOf(now).AddDays(1)
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.NoError(t, err)
}

// Section 3: an activity has a type; 0 is none.
func TestActivityTypeZeroIsMissing(t *testing.T) {
	a := dfdg.Activity{ID: "a-1", Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrMissingValue, e.Kind())
	assert.Equal(t, dfdgerrors.Path("aktivitetstype"), e.Field())
}

// An a-kasse acts only for its own members.
func TestAnotherAkasseMayNotAct(t *testing.T) {
	kursus := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	other := dfdg.At{Now: now, By: dfdg.AkasseActor("ak-2")}
	_, err := rules.Create(other, dagpengemodtager(jobplan), kursus)
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed)
	_, err = rules.Update(other, dagpengemodtager(jobplan, kursus), kursus)
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed)
	_, err = rules.Create(dfdg.At{Now: now, By: akas}, dagpengemodtager(jobplan), kursus)
	assert.NoError(t, err, "its own a-kasse")
}

// FindDuplicate reports no duplicate with position -1.
func TestFindDuplicateNone(t *testing.T) {
	got, i, ok := rules.FindDuplicate(atKbh, dagpengemodtager(jobplan), praktik("a-1"))
	assert.False(t, ok)
	assert.Equal(t, -1, i)
	assert.Zero(t, got)
	_, i, ok = rules.FindDuplicate(atKbh, dagpengemodtager(jobplan, praktik("a-0"), praktik("a-1")), praktik("a-2"))
	assert.True(t, ok)
	assert.Equal(t, 0, i, "the first")
	// Without a CVR number nothing is a duplicate, however many the same there are (rule 3.4).
	noCVR := praktik("a-3")
	noCVR.Company.CVR = ""
	got, i, ok = rules.FindDuplicate(atKbh, dagpengemodtager(jobplan, noCVR, noCVR, noCVR), noCVR)
	assert.False(t, ok)
	assert.Equal(t, -1, i)
	assert.Zero(t, got)
	assert.NoError(t, rules.CheckDuplicate(atKbh, dagpengemodtager(jobplan, noCVR, noCVR), noCVR))
}

// Rule 3.3: Min plan names an activity by its type's name in the code list, else by its
// description; a company with no name by its CVR number.
func TestRule3_3_MinPlanItemNames(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"aktivitetstyper.csv": {Data: []byte(
		"# list: aktivitetstyper\n# complete: nej\n# source: a test\nid,name\n7,Kursus (AMU)\n")}})
	require.NoError(t, err)
	loaded := activity.Rules{Catalog: cat}
	a := dfdg.Activity{Type: 7, Description: "Eget kursus", Period: period("2025-10-01", "")}
	assert.Equal(t, "Kursus (AMU)", loaded.MinPlanItem(a).Title)
	a.Type = 8
	assert.Equal(t, "Eget kursus", loaded.MinPlanItem(a).Title)

	p := praktik("a-1")
	p.Company.Name = ""
	assert.Equal(t, "CVR 12345678", rules.MinPlanItem(p).Company)
	p.Company.CVR = ""
	assert.Empty(t, rules.MinPlanItem(p).Company)
	assert.Empty(t, rules.MinPlanItem(dfdg.Activity{Type: 7, Company: dfdg.Company{Name: "Bageriet ApS"}}).Company, "only a company-oriented activity shows its company")
}

// checkHours allocates only for a value written with more than two decimals.
func TestHoursWithTwoDecimalsAllocateNothingMore(t *testing.T) {
	allocs := func(h string) float64 {
		a := praktik("a-1")
		a.Hours = hours(h)
		c := dagpengemodtager(jobplan)
		return testing.AllocsPerRun(20, func() { _ = rules.ValidateCreate(atKbh, c, a) })
	}
	assert.Equal(t, allocs("37"), allocs("37.25"))
	assert.Equal(t, allocs("37"), allocs("37.5"))
}

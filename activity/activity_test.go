package activity_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note: a municipality creating an activity of any type for a citizen in contact group 1 without
// a plan, or with a plan other than Jobplan or Kombiplan, gets 110016.
func TestRule3_1_Code110016_PlanTypeRequiredForDagpengemodtager(t *testing.T) {
	a := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	for _, p := range []*dfdg.Plan{nil, {Type: dfdg.Uddannelsesplan}, {Type: dfdg.OtherPlanType}, {}} {
		_, err := rules.Create(atKbh, dagpengemodtager(p), a)
		require.Error(t, err)
		assert.ErrorIs(t, err, dfdgerrors.ErrPlanTypeMissing)
		assert.ErrorIs(t, err, dfdgerrors.Code(110016))
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, dfdg.Rule3_1, e.Rule())
		}
		e, _ := dfdgerrors.As(err)
		assert.Equal(t, "Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager", e.Danish())
		b, _ := json.Marshal(e)
		assert.Contains(t, string(b), `"oversat":["tekstEn"]`, "the note gives only the Danish; the English is the library's")
	}
	for _, typ := range []dfdg.PlanType{dfdg.Jobplan, dfdg.Kombiplan} {
		_, err := rules.Create(atKbh, dagpengemodtager(&dfdg.Plan{Type: typ}), a)
		assert.NoError(t, err, typ.String())
	}
	// Not for other actors, other contact groups, or updates.
	_, err := rules.Create(dfdg.At{Now: now, By: akas}, dagpengemodtager(nil), a)
	assert.NoError(t, err, "an a-kasse")
	other := dagpengemodtager(nil)
	other.Memberships = inGroup(dfdg.UdenYdelse)
	_, err = rules.Create(atKbh, other, a)
	assert.NoError(t, err, "group 8")
	_, err = rules.Update(atKbh, dagpengemodtager(nil, a), a)
	assert.NoError(t, err, "an update")
}

// GDPR routing: AktivitetAkasse.WSB only under a Jobplan or Kombiplan.
func TestRule3_1_AktivitetAkasseOnlyWithJobplanOrKombiplan(t *testing.T) {
	a := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	d, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Aktivitet.WSB Oprettelse til kommune 101 om Aktivitet a-1",
		"AktivitetAkasse.WSB Oprettelse til a-kasse ak-1 om Aktivitet a-1",
	}, msgs(d))
	c := dagpengemodtager(&dfdg.Plan{Type: dfdg.Uddannelsesplan})
	c.Memberships = inGroup(dfdg.UdenYdelse)
	d, err = rules.Create(atKbh, c, a)
	require.NoError(t, err)
	assert.Equal(t, []string{"Aktivitet.WSB Oprettelse til kommune 101 om Aktivitet a-1"}, msgs(d), "no plan of the right type: no a-kasse message")
}

// The note: references 5 and 6 carry a valid municipality code, on any activity type, and DFDG does
// not check that it is the citizen's municipality.
func TestRule3_2_MunicipalityOnExternalReferences(t *testing.T) {
	base := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	for _, v := range []string{"101", "0101", "851", "0851", "147", "190", "0190", "159", "0159"} {
		a := base
		a.References = []dfdg.Reference{{Type: dfdg.Handlekommune, Value: v}, {Type: dfdg.Betalingskommune, Value: v}}
		d, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
		assert.NoError(t, err, v)
		assert.True(t, d.Rules.Has(dfdg.Rule3_2))
	}
	for _, v := range []string{"411", "0411", "955", "999", "000", "", "abc", "10101", "1a1", "10a", "0a01", "01", "1", "1010", "9101", "1101"} {
		for _, typ := range []dfdg.ReferenceType{dfdg.Handlekommune, dfdg.Betalingskommune} {
			a := base
			a.References = []dfdg.Reference{{Type: typ, Value: v}}
			_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
			require.Error(t, err, "%d=%q", typ, v)
			assert.ErrorIs(t, err, dfdgerrors.ErrInvalidMunicipality)
			if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
				assert.Equal(t, dfdg.Rule3_2, e.Rule())
			}
		}
	}
	a := base
	a.References = []dfdg.Reference{{Type: 1, Value: "jobannonce-77"}, {Type: 4, Value: "411"}}
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.NoError(t, err, "other reference types carry anything")
	a.References = []dfdg.Reference{{Type: 7, Value: "x"}}
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.ErrorIs(t, err, dfdgerrors.ErrUnknownCode, "the list of reference types is complete")
}

// The note: another municipality than the citizen's may update through guest access; DeltAktivitet.WSB
// goes to it and Aktivitet.WSB to the municipality the citizen is attached to.
func TestRule3_2_GuestAccessUpdateSendsBothMessages(t *testing.T) {
	a := praktik("a-1")
	c := dagpengemodtager(jobplan, a)
	a.References = []dfdg.Reference{{Type: dfdg.Betalingskommune, Value: "147"}}
	d, err := rules.Update(dfdg.At{Now: now, By: frb}, c, a)
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule3_2))
	assert.Equal(t, []string{
		"Aktivitet.WSB Opdatering til kommune 101 om Aktivitet a-1",
		"DeltAktivitet.WSB Opdatering til kommune 147 om Aktivitet a-1",
		"AktivitetAkasse.WSB Opdatering til a-kasse ak-1 om Aktivitet a-1",
	}, msgs(d))
	after := c.Apply(d)
	assert.Equal(t, dfdg.Municipality(101), after.Jobcentre, "the attachment does not change")
	assert.Equal(t, "147", after.Activities[0].References[0].Value)

	d, err = rules.Update(atKbh, c, a)
	require.NoError(t, err)
	assert.NotContains(t, msgs(d), "DeltAktivitet.WSB Opdatering til kommune 101 om Aktivitet a-1", "not a guest")
	assert.Len(t, d.Messages, 2)

	_, err = rules.Create(dfdg.At{Now: now, By: frb}, dagpengemodtager(jobplan), praktik("a-2"))
	require.Error(t, err, "guest access covers updates only")
	assert.ErrorIs(t, err, dfdgerrors.ErrGuestCreateNotAllowed)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule3_2, e.Rule())
	}
}

// The note: a virksomhedspraktik and an ordinary job at the same company with the same dates and
// hours are both allowed; only the same job-offer type makes a duplicate.
func TestRule3_4_DuplicateNeedsTheSameJobOfferType(t *testing.T) {
	ordinary := praktik("a-1")
	ordinary.JobOfferType = 2 // ordinært job
	ordinary.Description = "Ordinært job"
	c := dagpengemodtager(jobplan, ordinary)

	d, err := rules.Create(atKbh, c, praktik("a-2"))
	require.NoError(t, err, "praktik beside an ordinary job")
	assert.True(t, d.Rules.Has(dfdg.Rule3_4))
	c = c.Apply(d)

	again := praktik("a-3")
	again.Hours = hours("37.00") // the same hours as 37
	_, err = rules.Create(atKbh, c, again)
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrDuplicateActivity)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule3_4, e.Rule())
	}
	assert.Contains(t, err.Error(), "samme som a-2")

	for name, change := range map[string]func(*dfdg.Activity){
		"other hours":    func(a *dfdg.Activity) { a.Hours = hours("36.5") },
		"other start":    func(a *dfdg.Activity) { a.Period.Start = day("2025-10-02") },
		"other end":      func(a *dfdg.Activity) { a.Period.End = day("2025-12-01") },
		"other company":  func(a *dfdg.Activity) { a.Company.CVR = "87654321" },
		"other P-number": func(a *dfdg.Activity) { a.Company.PNumber = "1000000002" },
		"other offer":    func(a *dfdg.Activity) { a.JobOfferType = 3 },
	} {
		a := praktik("a-4")
		change(&a)
		_, err := rules.Create(atKbh, c, a)
		assert.NoError(t, err, name)
	}

	cancelled := praktik("a-1")
	cancelled.Status = dfdg.ActivityCancelled
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan, cancelled), praktik("a-2"))
	assert.NoError(t, err, "a cancelled activity is no duplicate")

	notCompany := praktik("a-1")
	notCompany.CompanyOriented = false
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan, praktik("a-9")), notCompany)
	assert.NoError(t, err, "the duplicate rule is for company-oriented activities")
}

// Rule 3.4 corrected: both activities must be company-oriented, only an active existing one counts,
// and an activity with no company number is never a duplicate by company.
func TestRule3_4_OnlyActiveCompanyOrientedActivitiesWithACompanyAreDuplicates(t *testing.T) {
	course := praktik("a-1")
	course.CompanyOriented, course.Company, course.JobTitle, course.Description = false, dfdg.Company{}, dfdg.JobTitle{}, "Kursus"
	noCVR := praktik("a-2")
	noCVR.Company = dfdg.Company{Name: "Bageriet ApS"}
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan, course), noCVR)
	assert.NoError(t, err, "a course with the same dates and hours is no duplicate of a company-oriented activity")
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan, func() dfdg.Activity { a := noCVR; a.ID = "a-0"; return a }()), noCVR)
	assert.NoError(t, err, "without a company number nothing is a duplicate by company")

	interrupted := praktik("a-1")
	interrupted.Status = dfdg.ActivityInterrupted
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan, interrupted), praktik("a-2"))
	assert.NoError(t, err, "an interrupted activity is no duplicate")

	_, i, ok := rules.FindDuplicate(atKbh, dagpengemodtager(jobplan, course, interrupted, praktik("a-3")), praktik("a-4"))
	assert.True(t, ok)
	assert.Equal(t, 2, i, "the active company-oriented one")
}

// The note: creating a company-oriented activity with an expired job title is rejected; updating,
// cancelling or interrupting one never checks the job title.
func TestRule3_5_ExpiredJobTitleBlocksCreationNotUpdates(t *testing.T) {
	a := praktik("a-1")
	a.JobTitle.ExpiredFrom = day("2025-09-01")
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrJobTitleExpired)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule3_5, e.Rule())
	}
	assert.Contains(t, err.Error(), "Bagermedhjælper er udgået fra 2025-09-01")

	c := dagpengemodtager(jobplan, a)
	for _, st := range []dfdg.ActivityStatus{dfdg.ActivityCancelled, dfdg.ActivityInterrupted, dfdg.ActivityActive} {
		u := a
		u.Status = st
		u.Period.End = day("2025-10-15")
		d, err := rules.Update(atKbh, c, u)
		assert.NoError(t, err, st.String())
		assert.True(t, d.Rules.Has(dfdg.Rule3_5))
	}
	a.JobTitle.ExpiredFrom = day("2025-09-16")
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.NoError(t, err, "not yet expired")
}

// The note: a company-oriented activity with a future start date could be created with the expired
// authority area 'Selvejende' (6).
func TestRule3_7_SelvejendeRejectedWhateverTheStartDate(t *testing.T) {
	for _, start := range []string{"2020-01-01", "2025-09-15", "2026-03-01", "2030-01-01"} {
		a := praktik("a-1")
		a.Period = period(start, "")
		a.AuthorityArea = dfdg.Selvejende
		_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
		require.Error(t, err, start)
		assert.ErrorIs(t, err, dfdgerrors.ErrAuthorityAreaExpired)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, dfdg.Rule3_7, e.Rule())
		}
		assert.Contains(t, err.Error(), "6 Selvejende er udgået")
	}
	a := praktik("a-1")
	a.AuthorityArea = 3 // not known here: not rejected
	_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
	assert.NoError(t, err)
	a.AuthorityArea = dfdg.Selvejende
	_, err = rules.Update(atKbh, dagpengemodtager(jobplan, a), a)
	assert.NoError(t, err, "existing activities can still be updated")
}

func TestHoursAreExactWithTwoDecimals(t *testing.T) {
	for _, h := range []string{"0", "37", "37.5", "37.25", "37.000", "0.01"} {
		a := praktik("a-1")
		a.Hours = hours(h)
		_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
		assert.NoError(t, err, h)
	}
	for _, h := range []string{"-1", "-0.01", "37.125", "0.001"} {
		a := praktik("a-1")
		a.Hours = hours(h)
		_, err := rules.Create(atKbh, dagpengemodtager(jobplan), a)
		require.Error(t, err, h)
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
		e, _ := dfdgerrors.As(err)
		assert.Equal(t, dfdgerrors.Path("timerPrUge"), e.Field())
	}
}

// ValidateCreate returns every violation, in the order the rules are checked.
func TestValidateCreateOrder(t *testing.T) {
	a := praktik("a-2")
	a.Period = period("2025-12-01", "2025-11-30")
	a.References = []dfdg.Reference{{Type: dfdg.Handlekommune, Value: "411"}}
	a.JobTitle.ExpiredFrom = day("2025-01-01")
	a.AuthorityArea = dfdg.Selvejende
	errs := rules.ValidateCreate(dfdg.At{Now: now, By: frb}, dagpengemodtager(nil), a)
	var kinds []dfdgerrors.Kind
	for _, e := range errs {
		kinds = append(kinds, e.Kind())
	}
	assert.Equal(t, []dfdgerrors.Kind{
		dfdgerrors.ErrEndsBeforeStart, dfdgerrors.ErrPlanTypeMissing, dfdgerrors.ErrInvalidMunicipality,
		dfdgerrors.ErrJobTitleExpired, dfdgerrors.ErrAuthorityAreaExpired, dfdgerrors.ErrGuestCreateNotAllowed,
	}, kinds)
	_, err := rules.Create(dfdg.At{Now: now, By: frb}, dagpengemodtager(nil), a)
	assert.ErrorIs(t, err, dfdgerrors.ErrEndsBeforeStart, "the decision gives the first; DFDG documents 1003 for absences only")

	errs = rules.ValidateCreate(dfdg.At{Now: now, By: dfdg.Actor{}}, dfdg.Citizen{}, dfdg.Activity{})
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrMissingValue)
	_, err = rules.Create(atKbh, dagpengemodtager(jobplan, praktik("a-1")), praktik("a-1"))
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "an id that exists")
	_, err = rules.Update(atKbh, dagpengemodtager(jobplan), praktik("a-1"))
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
}

func TestCreateSetsOwner(t *testing.T) {
	d, err := rules.Create(atKbh, dagpengemodtager(jobplan), praktik("a-1"))
	require.NoError(t, err)
	assert.Equal(t, dfdg.Municipality(101), d.Activities[0].Record.Owner)
	c := dagpengemodtager(jobplan).Apply(d)
	u := praktik("a-1")
	d, err = rules.Update(dfdg.At{Now: now, By: frb}, c, u)
	require.NoError(t, err)
	assert.Equal(t, dfdg.Municipality(101), d.Activities[0].Record.Owner, "an update keeps the owner")
}

func TestMinPlanFromActivities(t *testing.T) {
	kursus := dfdg.Activity{ID: "a-2", Type: 7, Description: "Kursus", Period: period("2025-10-01", "2025-10-31")}
	cancelled := praktik("a-3")
	cancelled.Status = dfdg.ActivityCancelled
	c := dagpengemodtager(&dfdg.Plan{Type: dfdg.Jobplan, Contract: &dfdg.Contract{Act: dfdg.IntegrationAct, DanishAcquisition: "DU3"}},
		praktik("a-1"), kursus, cancelled)
	doc := rules.MinPlan(dfdg.At{}, c)
	assert.True(t, doc.Rules.Has(dfdg.Rule3_3))
	assert.True(t, doc.Rules.Has(dfdg.Rule3_6))
	acts, _ := doc.Section(plan.HeadingActivities)
	assert.Equal(t, []string{
		"- Kursus, 1. oktober 2025 – 31. oktober 2025",
		"- Virksomhedspraktik, 1. oktober 2025 – 30. november 2025, 37 timer pr. uge, Bageriet ApS",
		"  Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i bageri)",
	}, acts.Lines)
	item := rules.MinPlanItem(dfdg.Activity{Type: 99, Period: period("2025-10-01", "")})
	assert.Equal(t, "Aktivitet (type 99)", item.Title)
}

// Rule 3.1 gives the same rejection again for the same plan type, and moving it (WithField, as the
// audit does) or adding a detail gives a new Error and leaves the one the rule gives unchanged, from
// any number of goroutines at once (go test -race).
func TestRule3_1_RejectionIsSharedAndNeverChanges(t *testing.T) {
	none, other := dagpengemodtager(nil), dagpengemodtager(&dfdg.Plan{Type: dfdg.Uddannelsesplan})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				err := rules.CheckPlanType(atKbh, none)
				e, _ := dfdgerrors.As(err)
				moved := e.WithField("borger.aktiviteter[3]", strconv.Itoa(g))
				assert.NotSame(t, e, moved)
				assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[3]"), moved.Field())
				assert.Equal(t, strconv.Itoa(g), moved.Value())
				detailed := e.WithDetail("en detalje", "a detail")
				assert.NotSame(t, e, detailed)
				da, _ := detailed.Detail()
				assert.Equal(t, "en detalje", da)
				assert.Equal(t, dfdgerrors.Path("borger.plan.plantype"), e.Field(), "the rule's own is unchanged")
				assert.Equal(t, "ingen plan", e.Value())
				da, _ = e.Detail()
				assert.Empty(t, da)
				assert.ErrorIs(t, moved, dfdgerrors.ErrPlanTypeMissing)
			}
		}()
	}
	wg.Wait()
	a, b := rules.CheckPlanType(atKbh, none), rules.CheckPlanType(atKbh, none)
	assert.Same(t, a, b, "the same rejection again")
	c := rules.CheckPlanType(atKbh, other)
	assert.NotSame(t, a, c)
	e, _ := dfdgerrors.As(c)
	assert.Equal(t, dfdg.Uddannelsesplan.String(), e.Value())
}

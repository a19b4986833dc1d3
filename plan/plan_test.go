package plan_test

import (
	"encoding/json"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func period(start, end string) dfdg.Period {
	return dfdg.Period{Start: dfdg.MustParseDate(start), End: dfdg.MustParseDate(end)}
}

// The note: the job title, with its alias, of company-oriented activities is shown in Min plan.
func TestRule3_3_JobTitleAndAliasInMinPlan(t *testing.T) {
	items := []plan.Item{
		{Title: "Virksomhedspraktik", Period: period("2025-10-01", "2025-11-30"), Hours: decimal.RequireFromString("37"), Company: "Bageriet ApS",
			CompanyOriented: true, JobTitle: dfdg.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik og bageri"}},
		{Title: "Løntilskud", Period: period("2025-12-01", "2026-05-31"), Hours: decimal.RequireFromString("30.5"), Company: "Kommunen",
			CompanyOriented: true, JobTitle: dfdg.JobTitle{Name: "Pedelmedhjælper"}},
		{Title: "Danskundervisning", Period: period("2025-10-01", "2025-12-31")},
	}
	doc := plan.MinPlan(dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan}, items)
	assert.True(t, doc.Rules.Has(dfdg.Rule3_3))
	acts, ok := doc.Section(plan.HeadingActivities)
	require.True(t, ok)
	assert.Equal(t, []string{
		"- Virksomhedspraktik, 1. oktober 2025 – 30. november 2025, 37 timer pr. uge, Bageriet ApS",
		"  Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i butik og bageri)",
		"- Danskundervisning, 1. oktober 2025 – 31. december 2025",
		"- Løntilskud, 1. december 2025 – 31. maj 2026, 30,5 timer pr. uge, Kommunen",
		"  Stillingsbetegnelse: Pedelmedhjælper",
	}, acts.Lines)

	noTitle := plan.MinPlan(dfdg.Plan{Type: dfdg.Jobplan}, []plan.Item{{Title: "Praktik", Period: period("2025-10-01", "2025-10-31"), CompanyOriented: true}})
	acts, _ = noTitle.Section(plan.HeadingActivities)
	assert.Contains(t, acts.Lines, "  Stillingsbetegnelse: (ikke angivet)")

	none := plan.MinPlan(dfdg.Plan{Type: dfdg.Jobplan}, []plan.Item{{Title: "Kursus", Period: period("2025-10-01", "2025-10-31")}})
	assert.False(t, none.Rules.Has(dfdg.Rule3_3), "no company-oriented activity")
}

// The note: Min plan with a contract under the Integration Act lacked the contract's information on
// Danish acquisition.
func TestRule3_6_DanishAcquisitionInMinPlan(t *testing.T) {
	p := dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan, Contract: &dfdg.Contract{
		ID: "k-1", Act: dfdg.IntegrationAct, Signed: dfdg.MustParseDate("2025-09-01"),
		DanishAcquisition: "Danskuddannelse 2, modul 3, på sprogcentret\nForventet afsluttet 2026-06-30",
	}}
	doc := plan.MinPlan(p, nil)
	assert.True(t, doc.Rules.Has(dfdg.Rule3_6))
	s, ok := doc.Section(plan.HeadingContract)
	require.True(t, ok)
	assert.Equal(t, []string{
		"Underskrevet 1. september 2025",
		"Dansktilegnelse:",
		"  Danskuddannelse 2, modul 3, på sprogcentret",
		"  Forventet afsluttet 2026-06-30",
	}, s.Lines)

	p.Contract.DanishAcquisition = "  "
	s, _ = plan.MinPlan(p, nil).Section(plan.HeadingContract)
	assert.Contains(t, s.Lines, "  (kontrakten indeholder ingen oplysninger om dansktilegnelse)", "the section is there, and says so")

	other := plan.MinPlan(dfdg.Plan{Type: dfdg.Jobplan, Contract: &dfdg.Contract{ID: "k-2", DanishAcquisition: "x"}}, nil)
	_, ok = other.Section(plan.HeadingContract)
	assert.False(t, ok, "only an Integration Act contract has the section")
	assert.False(t, other.Rules.Has(dfdg.Rule3_6))
	_, ok = other.Section(plan.HeadingOther)
	assert.True(t, ok)
}

func TestMinPlanText(t *testing.T) {
	doc := plan.MinPlan(dfdg.Plan{Type: dfdg.Kombiplan, Contract: &dfdg.Contract{Act: dfdg.IntegrationAct, DanishAcquisition: "DU2"}},
		[]plan.Item{{Title: "Praktik", Period: period("2025-10-01", "2025-10-31"), CompanyOriented: true, Company: "Firma",
			JobTitle: dfdg.JobTitle{Name: "Lagerarbejder", Alias: "Pakker"}}})
	assert.Equal(t, `Min plan
========

Plan
Plantype: Uddannelsesplan med jobmål (Kombiplan)

Indsatser
- Praktik, 1. oktober 2025 – 31. oktober 2025, Firma
  Stillingsbetegnelse: Lagerarbejder (alias: Pakker)

Kontrakt efter integrationsloven
Dansktilegnelse:
  DU2
`, doc.Text())
	empty := plan.MinPlan(dfdg.Plan{}, nil)
	acts, _ := empty.Section(plan.HeadingActivities)
	assert.Equal(t, []string{"Ingen indsatser"}, acts.Lines)
}

// Issue 25: Min plan as a Danish citizen reads it. The document carries values (dates, periods,
// hours) and the activities in date order; its Danish text writes dates as a letter does, an open
// period from its start, hours with a decimal comma, the plan's goal, and no internal id.
func TestMinPlanInDanish(t *testing.T) {
	p := dfdg.Plan{ID: "p-7", Type: dfdg.Jobplan, Goal: "Job som bagermedhjælper", Description: "Praktik i et bageri.\n\nDerefter løntilskud.",
		Contract: &dfdg.Contract{ID: "k-7", Signed: dfdg.MustParseDate("2025-11-03")}}
	items := []plan.Item{
		{Title: "Virksomhedspraktik", Period: dfdg.Period{Start: dfdg.MustParseDate("2025-11-03")}, Hours: decimal.RequireFromString("25.5")},
		{Title: "Kursus", Period: period("2025-10-27", "2025-10-31")},
		{Title: "Afklaring", Period: period("2025-11-03", "2025-12-19")},
		{Title: "Mentor"},
	}
	doc := plan.MinPlan(p, items)
	var titles []string
	for _, it := range doc.Activities {
		titles = append(titles, it.Title)
	}
	assert.Equal(t, []string{"Mentor", "Kursus", "Afklaring", "Virksomhedspraktik"}, titles,
		"by start (none first), then end (an open one last)")
	assert.Equal(t, dfdg.MustParseDate("2025-10-27"), doc.Activities[1].Period.Start, "values, not text")
	assert.Equal(t, "Kursus", items[1].Title, "the caller's items are not reordered")
	assert.Equal(t, `Min plan
========

Plan
Plantype: Jobplan
Mål: Job som bagermedhjælper
Praktik i et bageri.
Derefter løntilskud.

Indsatser
- Mentor
- Kursus, 27. oktober 2025 – 31. oktober 2025
- Afklaring, 3. november 2025 – 19. december 2025
- Virksomhedspraktik, fra 3. november 2025, 25,5 timer pr. uge

Kontrakt
Underskrevet 3. november 2025
`, doc.Text())
	assert.NotContains(t, doc.Text(), "k-7")
	assert.NotContains(t, doc.Text(), "p-7")

	for d, want := range map[string]string{"2025-01-01": "1. januar 2025", "2026-05-31": "31. maj 2026", "2025-03-09": "9. marts 2025"} {
		assert.Equal(t, want, plan.DanishDate(dfdg.MustParseDate(d)))
	}
	assert.Equal(t, "", plan.DanishDate(dfdg.Date{}))
	assert.Equal(t, "til 19. december 2025", plan.DanishPeriod(dfdg.Period{End: dfdg.MustParseDate("2025-12-19")}))
	assert.Equal(t, "37", plan.DanishDecimal(decimal.RequireFromString("37")))

	raw, err := json.Marshal(doc)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"timerPrUge":25.5`, "hours are a JSON number")
	assert.Contains(t, string(raw), `"startdato":"2025-10-27"`)
}

// Rule 3.1 reads the plan type: only a Jobplan or Kombiplan lets the a-kasse receive activities.
func TestRule3_1_PlanTypes(t *testing.T) {
	for typ, want := range map[dfdg.PlanType]bool{dfdg.Jobplan: true, dfdg.Kombiplan: true, dfdg.Uddannelsesplan: false, dfdg.OtherPlanType: false, dfdg.PlanTypeUnknown: false} {
		assert.Equal(t, want, typ.AkasseMayReceive(), typ.String())
		b, err := typ.MarshalText()
		require.NoError(t, err)
		var back dfdg.PlanType
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, typ, back)
	}
	assert.Equal(t, "Uddannelsesplan med jobmål (Kombiplan)", dfdg.Kombiplan.String())
	var x dfdg.PlanType
	assert.Error(t, x.UnmarshalText([]byte("Jobplanen")))
}

func TestJobTitle(t *testing.T) {
	j := dfdg.JobTitle{Name: "Smed", ExpiredFrom: dfdg.MustParseDate("2025-01-01")}
	assert.False(t, j.ExpiredOn(dfdg.MustParseDate("2024-12-31")))
	assert.True(t, j.ExpiredOn(dfdg.MustParseDate("2025-01-01")))
	assert.False(t, dfdg.JobTitle{Name: "Smed"}.ExpiredOn(dfdg.MustParseDate("2099-01-01")))
	assert.True(t, dfdg.JobTitle{}.IsZero())
}

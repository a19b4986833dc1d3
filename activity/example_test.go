package activity_test

import (
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// Rule 3.1: København creates an activity for a dagpengemodtager who has no Jobplan.
func ExampleCreate() {
	citizen := activity.Citizen{Jobcentre: 101, Akasse: "ak-1", ContactGroup: 1, Plan: &plan.Plan{Type: plan.Uddannelsesplan}}
	a := activity.Activity{ID: "a-1", Type: 7, Description: "Kursus",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}
	now := time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)

	_, err := activity.Create(citizen, a, dfdg.MunicipalityActor(101), now, nil)
	fmt.Println(err)

	citizen.Plan = &plan.Plan{Type: plan.Jobplan}
	d, err := activity.Create(citizen, a, dfdg.MunicipalityActor(101), now, nil)
	fmt.Println(err)
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	// Output:
	// dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1; plantype=Uddannelsesplan]
	// <nil>
	// Aktivitet.WSB Oprettelse til kommune 101 om Aktivitet a-1
	// AktivitetAkasse.WSB Oprettelse til a-kasse ak-1 om Aktivitet a-1
}

// Rule 3.2: Frederiksberg registers itself as paying municipality on an activity of a citizen
// attached to København, through guest access.
func ExampleUpdate() {
	a := activity.Activity{ID: "a-1", Type: 7, Description: "Kursus",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}
	citizen := activity.Citizen{Jobcentre: 101, ContactGroup: 1, Activities: []activity.Activity{a}}
	a.References = []activity.Reference{{Type: activity.Betalingskommune, Value: "0147"}}

	d, err := activity.Update(citizen, a, dfdg.MunicipalityActor(147), time.Date(2025, 10, 2, 9, 0, 0, 0, time.UTC), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	// Output:
	// Aktivitet.WSB Opdatering til kommune 101 om Aktivitet a-1
	// DeltAktivitet.WSB Opdatering til kommune 147 om Aktivitet a-1
}

// Rules 3.3 and 3.6: Min plan with a job title and its alias, and an integration contract.
func ExampleMinPlan() {
	citizen := activity.Citizen{Jobcentre: 101, Plan: &plan.Plan{Type: plan.Jobplan, Contract: &plan.Contract{
		ID: "k-1", Act: plan.IntegrationAct, DanishAcquisition: "Danskuddannelse 2, modul 4, 6 lektioner om ugen",
	}}, Activities: []activity.Activity{{
		ID: "a-1", Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-11-30")},
		Hours:  decimal.RequireFromString("25"), Company: activity.Company{Name: "Bageriet ApS"},
		JobTitle: plan.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik"},
	}}}
	fmt.Print(activity.MinPlan(citizen, nil).Text())
	// Output:
	// Min plan
	// ========
	//
	// Plan
	// Plantype: Jobplan
	//
	// Indsatser
	// - Virksomhedspraktik, 2025-10-01–2025-11-30, 25 timer pr. uge, Bageriet ApS
	//   Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i butik)
	//
	// Kontrakt efter integrationsloven
	// Kontrakt k-1
	// Dansktilegnelse:
	//   Danskuddannelse 2, modul 4, 6 lektioner om ugen
}

package activity_test

import (
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/shopspring/decimal"
)

// Rule 3.1: København creates an activity for a dagpengemodtager who has no Jobplan. The contact
// group is the citizen's at now: the rules derive it from the memberships.
func ExampleRules_Create() {
	citizen := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1", Plan: &dfdg.Plan{Type: dfdg.Uddannelsesplan},
		Memberships: []dfdg.Membership{{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)}}}
	a := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}
	at := dfdg.At{Now: time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC), By: dfdg.MunicipalityActor(101)}
	var rules activity.Rules

	_, err := rules.Create(at, citizen, a)
	fmt.Println(err)

	citizen.Plan = &dfdg.Plan{Type: dfdg.Jobplan}
	d, err := rules.Create(at, citizen, a)
	fmt.Println(err)
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	// Output:
	// dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1; borger.plan.plantype=Uddannelsesplan]
	// <nil>
	// Aktivitet.WSB Oprettelse til kommune 101 om Aktivitet a-1
	// AktivitetAkasse.WSB Oprettelse til a-kasse ak-1 om Aktivitet a-1
}

// Rule 3.2: Frederiksberg registers itself as paying municipality on an activity of a citizen
// attached to København, through guest access.
func ExampleRules_Update() {
	a := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}
	citizen := dfdg.Citizen{Jobcentre: 101, Activities: []dfdg.Activity{a}}
	a.References = []dfdg.Reference{{Type: dfdg.Betalingskommune, Value: "0147"}}

	d, err := activity.Rules{}.Update(dfdg.At{Now: time.Date(2025, 10, 2, 9, 0, 0, 0, time.UTC), By: dfdg.MunicipalityActor(147)}, citizen, a)
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
func ExampleRules_MinPlan() {
	citizen := dfdg.Citizen{Jobcentre: 101, Plan: &dfdg.Plan{Type: dfdg.Jobplan, Contract: &dfdg.Contract{
		ID: "k-1", Act: dfdg.IntegrationAct, DanishAcquisition: "Danskuddannelse 2, modul 4, 6 lektioner om ugen",
	}}, Activities: []dfdg.Activity{{
		ID: "a-1", Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-11-30")},
		Hours:  decimal.RequireFromString("25"), Company: dfdg.Company{Name: "Bageriet ApS"},
		JobTitle: dfdg.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik"},
	}}}
	fmt.Print(activity.Rules{}.MinPlan(dfdg.At{}, citizen).Text())
	// Output:
	// Min plan
	// ========
	//
	// Plan
	// Plantype: Jobplan
	//
	// Indsatser
	// - Virksomhedspraktik, 1. oktober 2025 – 30. november 2025, 25 timer pr. uge, Bageriet ApS
	//   Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i butik)
	//
	// Kontrakt efter integrationsloven
	// Dansktilegnelse:
	//   Danskuddannelse 2, modul 4, 6 lektioner om ugen
}

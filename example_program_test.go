package dfdg_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/gdpr"
)

// A newcomer's program: one citizen value, one context per call, and the same shape in every package.
// It validates an activity, reports sickness from KSD, recovers, and plans the GDPR deletions.
func Example() {
	citizen := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1", Memberships: []dfdg.Membership{
		{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)},
	}}
	kbh := dfdg.MunicipalityActor(101)
	ksd := dfdg.SystemActor(dfdg.ActorKSD)
	at := func(by dfdg.Actor, month time.Month, day int) dfdg.At {
		return dfdg.At{Now: time.Date(2025, month, day, 8, 0, 0, 0, time.UTC), By: by}
	}

	// Rule 3.1: a dagpengemodtager without a Jobplan. The rule finds the contact group itself.
	kursus := dfdg.Activity{ID: "a-1", Type: 7, Description: "Kursus",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}
	for _, e := range (activity.Rules{}).ValidateCreate(at(kbh, 9, 15), citizen, kursus) {
		fmt.Println(e.Code(), e.Rule(), e.Field())
	}

	// Rules 2.4 and 2.5: KSD reports sickness, then recovery; the citizen keeps group 1 (rule 1.6).
	var rules absence.Rules
	d, err := rules.ReportSick(at(ksd, 9, 15), citizen, dfdg.Absence{ID: "fr-1", Type: dfdg.SygdomSygemelding,
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-15")}})
	if err != nil {
		fmt.Println(err)
		return
	}
	citizen = citizen.Apply(d)
	d, err = rules.Recover(at(ksd, 10, 1), citizen, absence.Recovery{ID: "fr-1", End: dfdg.MustParseDate("2025-09-30")})
	if err != nil {
		fmt.Println(err)
		return
	}
	citizen = citizen.Apply(d)
	for _, m := range d.Messages {
		fmt.Println(m, d.Rules)
	}

	// Rule 4.1 for a batch: every record due on the day of the call, with the same outcome.
	records := []gdpr.Record{
		{Kind: dfdg.RecordRegistration, ID: "reg-0", Start: dfdg.MustParseDate("2012-01-02"), End: dfdg.MustParseDate("2019-05-31")},
		{Kind: dfdg.RecordDeceased, ID: "p-9", End: dfdg.MustParseDate("2019-03-02"), Municipalities: []dfdg.Municipality{101}},
	}
	for del, err := range (gdpr.Rules{}).Sweep(at(dfdg.Actor{}, 11, 26), slices.Values(records)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(del.Record.ID, del.Due.Date, len(del.Messages), del.Rules)
	}
	// Output:
	// 110016 3.1 borger.plan.plantype
	// Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1 2.5
	// reg-0 2025-05-31 0 4.1
	// p-9 2025-03-02 1 4.1
}

package audit_test

import (
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/audit"
)

// A local copy holds a sick absence that DFDG's sweep should have ended (rule 2.2) and a registration
// kept past its deletion date (rule 4.1); the audit names both and gives the repairs.
func Example() {
	now := time.Date(2025, 11, 1, 12, 0, 0, 0, time.UTC)
	c := dfdg.Citizen{ID: "borger-7", Jobcentre: 101,
		Memberships: []dfdg.Membership{{ID: "kg-1", Group: 1, Start: time.Date(2025, 2, 1, 10, 0, 0, 0, time.UTC)}},
		Registrations: []dfdg.Registration{{ID: "reg-old", Category: 2,
			Start: time.Date(2015, 1, 5, 9, 0, 0, 0, time.UTC), End: time.Date(2018, 1, 5, 9, 0, 0, 0, time.UTC)}},
		Absences: []dfdg.Absence{{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-08-01")}}},
	}
	findings, err := audit.Rules{}.Check(dfdg.At{Now: now}, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Rule, f.Problem.Field(), f.Problem.English())
		if f.Repair != nil {
			for _, m := range f.Repair.Messages {
				fmt.Println("  repair sends", m)
			}
		}
	}
	// Output:
	// 2.2 borger.fravaer[0]: The sick absence should have been ended after 60 days: first sick day 2025-08-01, 92 days before 2025-11-01
	//   repair sends Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1
	// 4.1 borger.tilmeldinger[0]: The record should have been deleted: deletion date 2024-01-05 (6 years after the deregistration date)
}

package absence_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
)

// Rule 2.1: absence 66 may overlap holidays, but not sickness.
func ExampleRules_CheckOverlap() {
	citizen := dfdg.Citizen{Absences: []dfdg.Absence{
		{ID: "ferie", Type: dfdg.Ferie, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-07"), End: dfdg.MustParseDate("2025-07-18")}},
		{ID: "syg", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-28")}},
	}}
	pasning := dfdg.Absence{ID: "pasning", Type: dfdg.ManglendePasningsmulighed,
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-01"), End: dfdg.MustParseDate("2025-07-25")}}
	rules := absence.Rules{}
	fmt.Println(rules.CheckOverlap(dfdg.At{}, citizen, pasning))
	pasning.Period.End = dfdg.MustParseDate("2025-07-31")
	fmt.Println(rules.CheckOverlap(dfdg.At{}, citizen, pasning))
	// Output:
	// <nil>
	// dfdg OverlapNotAllowed: Fraværet overlapper et fravær, som det ikke må overlappe: fravær pasning (type 66, 2025-07-01–2025-07-31) overlapper fravær syg (type 11, 2025-07-28–) [regel 2.1; periode=2025-07-01–2025-07-31]
}

// Rules 2.4 and 2.5: a recovery from KSD ends group 24 and sends one Fravaer.WSB, an Update.
func ExampleRules_Recover() {
	citizen := dfdg.Citizen{
		Jobcentre: 101,
		Memberships: []dfdg.Membership{
			{ID: "kg-24", Group: dfdg.SygedagpengeBeskaeftigelse, Start: time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC)},
		},
		Absences: []dfdg.Absence{{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-01")}, Resumed: true}},
	}
	at := dfdg.At{Now: time.Date(2025, 10, 1, 6, 0, 0, 0, time.UTC), By: dfdg.SystemActor(dfdg.ActorKSD)}
	d, err := absence.Rules{}.Recover(at, citizen, absence.Recovery{ID: "fr-1", End: dfdg.MustParseDate("2025-09-30")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	fmt.Println("regler:", d.Rules)
	// Output:
	// Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-1
	// Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24
	// regler: 2.4, 2.5
}

// Rule 2.2: the batch job, as a stream over the citizens, run at the call's now.
func ExampleRules_Sweep() {
	sick := func(id, start string) []dfdg.Absence {
		return []dfdg.Absence{{ID: id, Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate(start)}}}
	}
	group := func(g dfdg.ContactGroup) []dfdg.Membership {
		return []dfdg.Membership{{ID: "kg", Group: g, Start: time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)}}
	}
	citizens := []dfdg.Citizen{
		{ID: "A", Jobcentre: 101, Memberships: group(dfdg.Dagpengemodtager), Absences: sick("fr-a", "2025-09-02")},
		{ID: "B", Jobcentre: 101, Memberships: group(dfdg.SygedagpengeLedighed), Absences: sick("fr-b", "2025-05-01")},
		{ID: "C", Jobcentre: 101, Memberships: group(dfdg.Dagpengemodtager), Absences: sick("fr-c", "2025-09-03")},
	}
	run := dfdg.At{Now: time.Date(2025, 11, 1, 2, 0, 0, 0, time.UTC)}
	var rules absence.Rules
	for cl, err := range rules.Sweep(run, slices.Values(citizens)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(cl.Citizen, cl.Absences[0].Record.Period, cl.Messages[0], cl.Rules)
	}
	// Output:
	// A 2025-09-02–2025-11-01 Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-a 2.2
}

package absence_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
)

// Rule 2.1: absence 66 may overlap holidays, but not sickness.
func ExampleCheckOverlap() {
	existing := []absence.Absence{
		{ID: "ferie", Type: absence.Ferie, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-07"), End: dfdg.MustParseDate("2025-07-18")}},
		{ID: "syg", Type: 11, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-28")}},
	}
	pasning := absence.Absence{ID: "pasning", Type: absence.ManglendePasningsmulighed,
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-07-01"), End: dfdg.MustParseDate("2025-07-25")}}
	fmt.Println(absence.CheckOverlap(existing, pasning, nil))

	pasning.Period.End = dfdg.MustParseDate("2025-07-31")
	fmt.Println(absence.CheckOverlap(existing, pasning, nil))
	// Output:
	// <nil>
	// dfdg OverlapNotAllowed: Fraværet overlapper et fravær, som det ikke må overlappe: fravær pasning (type 66, 2025-07-01–2025-07-31) overlapper fravær syg (type 11, 2025-07-28–) [regel 2.1; fravær=pasning, syg]
}

// Rules 2.4 and 2.5: a recovery ends group 24 and sends one Fravaer.WSB, an Update.
func ExampleRecover() {
	state := absence.State{
		Citizen: contactgroup.Citizen{Jobcentre: 101, Memberships: []contactgroup.Membership{
			{ID: "kg-24", Group: contactgroup.SygedagpengeBeskaeftigelse, Start: time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC)},
		}},
		Absences: []absence.Absence{{ID: "fr-1", Type: 11, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-01")}, Resumed: true}},
	}
	d, err := absence.Recover(state, "fr-1", dfdg.MustParseDate("2025-09-30"), time.Date(2025, 10, 1, 6, 0, 0, 0, time.UTC))
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

// Rule 2.2: the batch job, as a stream.
func ExampleSweep() {
	run := dfdg.MustParseDate("2025-11-01")
	citizens := []absence.SweepCitizen{
		{Key: "A", Jobcentre: 101, Group: contactgroup.Dagpengemodtager, Sick: absence.Absence{ID: "fr-a", Type: 11, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-02")}}},
		{Key: "B", Jobcentre: 101, Group: contactgroup.SygedagpengeLedighed, Sick: absence.Absence{ID: "fr-b", Type: 11, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-05-01")}}},
		{Key: "C", Jobcentre: 101, Group: contactgroup.Dagpengemodtager, Sick: absence.Absence{ID: "fr-c", Type: 11, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-03")}}},
	}
	for cl, err := range absence.Sweep(slices.Values(citizens), run) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(cl.Key, cl.Absence.Period, cl.Message)
	}
	// Output:
	// A 2025-09-02–2025-11-01 Fravaer.WSB Opdatering til kommune 101 om Fravaer fr-a
}

package gdpr_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/gdpr"
)

func ExampleRules_DeletionDate() {
	at := dfdg.At{Now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	for _, r := range []gdpr.Record{
		{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: dfdg.MustParseDate("2018-01-08"), End: dfdg.MustParseDate("2024-02-29")},
		{Kind: dfdg.RecordRegistration, ID: "reg-2", Start: dfdg.MustParseDate("2025-01-06")},
		{Kind: dfdg.RecordPersonGroupMarking, ID: "pg-1", ProjectType: dfdg.ProjektJobcenter, End: dfdg.MustParseDate("2025-08-31")},
		{Kind: dfdg.RecordEfterloen, ID: "el-1", Birth: dfdg.MustParseDate("1970-06-15")},
	} {
		due, err := gdpr.Rules{}.DeletionDate(at, r)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r.ID, due)
	}
	// Output:
	// reg-1 2030-02-28 (6 år efter afmeldedatoen)
	// reg-2 aldrig (tilmeldingen er ikke afmeldt)
	// pg-1 2026-02-28 (6 måneder efter persongruppemarkeringens slutdato (projekttype 3 og 4))
	// el-1 2045-06-15 (6 år efter personens folkepensionsalder)
}

// Rule 4.1: a registration whose deletion date has come is not there, whatever the caller's storage
// still holds.
func ExampleRules_CheckRead() {
	reg := gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: dfdg.MustParseDate("2015-01-05"), End: dfdg.MustParseDate("2019-06-30")}
	var rules gdpr.Rules
	fmt.Println(rules.CheckRead(dfdg.At{Now: time.Date(2025, 6, 29, 12, 0, 0, 0, time.UTC)}, reg))
	fmt.Println(rules.CheckRead(dfdg.At{Now: time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)}, reg))
	// Output:
	// <nil>
	// dfdg 4589: Id ikke fundet [regel 4.1; id=reg-1]
}

// A deceased person's data: every municipality and a-kasse of their history gets the message once.
// Each deletion carries its messages and rules, as every decision of the library does.
func ExampleRules_Sweep() {
	records := []gdpr.Record{
		{Kind: dfdg.RecordDeceased, ID: "p-1", End: dfdg.MustParseDate("2020-03-02"),
			Municipalities: []dfdg.Municipality{101, 147, 101}, Akasser: []dfdg.Akasse{"ak-1"}},
		{Kind: dfdg.RecordDeceased, ID: "p-2", End: dfdg.MustParseDate("2022-01-10")},
	}
	var rules gdpr.Rules
	for del, err := range rules.Sweep(dfdg.At{Now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}, slices.Values(records)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(del.Record.ID, del.Due, del.Rules)
		for _, m := range del.Messages {
			fmt.Println(" ", m)
		}
	}
	// Output:
	// p-1 2026-03-02 (6 år efter dødemeldingen) 4.1
	//   GdprSletAfdoede.WSB Sletning til kommune 101 om Afdoed p-1
	//   GdprSletAfdoede.WSB Sletning til kommune 147 om Afdoed p-1
	//   GdprSletAfdoede.WSB Sletning til a-kasse ak-1 om Afdoed p-1
}

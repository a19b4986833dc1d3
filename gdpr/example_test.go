package gdpr_test

import (
	"fmt"
	"slices"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/gdpr"
)

func ExampleDeletionDate() {
	today := dfdg.MustParseDate("2026-11-26")
	for _, r := range []gdpr.Record{
		{Kind: gdpr.Registration, ID: "reg-1", Start: dfdg.MustParseDate("2018-01-08"), End: dfdg.MustParseDate("2024-02-29")},
		{Kind: gdpr.Registration, ID: "reg-2", Start: dfdg.MustParseDate("2025-01-06")},
		{Kind: gdpr.PersonGroupMarking, ID: "pg-1", ProjectType: 3, End: dfdg.MustParseDate("2025-08-31")},
		{Kind: gdpr.Efterloen, ID: "el-1", Birth: dfdg.MustParseDate("1970-06-15")},
	} {
		due, err := gdpr.DeletionDate(r, today, nil)
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

func ExampleCheckRead() {
	reg := gdpr.Record{Kind: gdpr.Registration, ID: "reg-1", Start: dfdg.MustParseDate("2015-01-05"), End: dfdg.MustParseDate("2019-06-30")}
	fmt.Println(gdpr.CheckRead(reg, dfdg.MustParseDate("2025-06-29"), nil))
	fmt.Println(gdpr.CheckRead(reg, dfdg.MustParseDate("2025-06-30"), nil))
	// Output:
	// <nil>
	// dfdg 4589: Id ikke fundet [regel 4.1; id=reg-1]
}

// A deceased person's data: every municipality and a-kasse of their history gets the message once.
func ExampleSweep() {
	records := []gdpr.Record{
		{Kind: gdpr.Deceased, ID: "p-1", End: dfdg.MustParseDate("2020-03-02"),
			Municipalities: []dfdg.Municipality{101, 147, 101}, Akasser: []dfdg.Akasse{"ak-1"}},
		{Kind: gdpr.Deceased, ID: "p-2", End: dfdg.MustParseDate("2022-01-10")},
	}
	for del, err := range gdpr.Sweep(slices.Values(records), dfdg.MustParseDate("2026-11-26"), nil) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(del.Record.ID, del.Due)
		for _, m := range del.Messages() {
			fmt.Println(" ", m)
		}
	}
	// Output:
	// p-1 2026-03-02 (6 år efter dødemeldingen)
	//   GdprSletAfdoede.WSB Sletning til kommune 101 om Afdoed p-1
	//   GdprSletAfdoede.WSB Sletning til kommune 147 om Afdoed p-1
	//   GdprSletAfdoede.WSB Sletning til a-kasse ak-1 om Afdoed p-1
}

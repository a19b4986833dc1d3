package codelist_test

import (
	"fmt"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

func ExampleCatalog() {
	c := codelist.Default()
	groups := c.ContactGroups()

	// What a drop-down shows on a day (rule 1.4): 26, 28 and 29 are gone from 2025-07-01.
	for _, e := range groups.ActiveOn(dfdg.MustParseDate("2025-07-01")) {
		fmt.Println(e)
	}
	// A new registration with an inactive entry is rejected; old records stay readable.
	fmt.Println(groups.CheckNew(26, dfdg.MustParseDate("2025-07-01"), "kontaktgruppe", dfdg.Rule1_4))
	// Output:
	// 1 Dagpengemodtager
	// 8 Uden ydelse
	// 13 (Jobafklaring (the exact name is not known here))
	// 24 Sygedagpengemodtager fra beskæftigelse
	// 25 Sygedagpengemodtager fra ledighed
	// dfdg InactiveCode: Værdien er inaktiv i kodelisten og kan ikke vælges ved ny registrering: 26 Overgangsydelsesmodtager efter LAB (udgår 1.7.2025) er inaktiv fra 2025-07-01 [regel 1.4; kontaktgruppe=26]
}

func ExampleCatalog_PensionAgeDate() {
	c := codelist.Default()
	for _, birth := range []string{"1956-02-29", "1970-06-15", "1971-01-01"} {
		age, _ := c.PensionAges().For(dfdg.MustParseDate(birth))
		date, _ := c.PensionAgeDate(dfdg.MustParseDate(birth))
		fmt.Println(birth, age, date)
	}
	// Output:
	// 1956-02-29 67 år 2023-02-28
	// 1970-06-15 69 år 2039-06-15
	// 1971-01-01 70 år 2041-01-01
}

func ExampleLoad() {
	// A newer list replaces the embedded one without a new release of the library.
	newer := fstest.MapFS{"plantyper.csv": {Data: []byte(`# list: plantyper
# complete: nej
# source: the caller's copy of DFDG's code list
id,name
1,Jobplan
`)}}
	c, err := codelist.Load(newer)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.PlanTypes().Len(), codelist.Default().PlanTypes().Len())

	_, err = codelist.Load(fstest.MapFS{"kommuner.csv": {Data: []byte("# list: kommuner\n# complete: ja\n# source: x\nid,name\n101,København\n101,Kbh\n")}})
	fmt.Println(err)
	// Output:
	// 1 0
	// codelist: kommuner.csv:6:1 (id): id 101 twice (first on line 5)
}

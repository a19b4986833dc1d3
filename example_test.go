package dfdg_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func ExampleDate_AddMonths() {
	// Month arithmetic clamps to the month's end (EU Regulation 1182/71), unlike time.AddDate.
	fmt.Println(dfdg.MustParseDate("2023-08-31").AddMonths(6))
	fmt.Println(dfdg.MustParseDate("2024-02-29").AddYears(6))
	fmt.Println(time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 6, 0).Format(time.DateOnly))
	// Output:
	// 2024-02-29
	// 2030-02-28
	// 2024-03-02
}

func ExampleDateOf() {
	// 22:30 UTC on the last Sunday of March is already Monday in Denmark.
	instant := time.Date(2025, 3, 30, 22, 30, 0, 0, time.UTC)
	fmt.Println(dfdg.DateOf(instant))
	fmt.Println(dfdg.InDenmark(instant).Format("2006-01-02 15:04 MST"))
	// Output:
	// 2025-03-31
	// 2025-03-31 00:30 CEST
}

func ExampleParseCPR() {
	c, err := dfdg.ParseCPR("070761-4286") // fails modulus 11, and is valid
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c, c.BirthDate(), c.Gender(), c.Modulus11())
	fmt.Printf("%v %#v\n", c, c)

	_, err = dfdg.ParseCPR("320170-1234")
	fmt.Println(err)
	// Output:
	// 070761-xxxx 1961-07-07 kvinde false
	// 070761-xxxx dfdg.CPR("070761-xxxx")
	// dfdg 1001: Ugyldigt cpr-nummer [cpr]
}

func ExamplePeriod_Valid() {
	sameDay := dfdg.Period{Start: dfdg.MustParseDate("2025-03-01"), End: dfdg.MustParseDate("2025-03-01")}
	fmt.Println(sameDay.Valid())

	backwards := dfdg.Period{Start: dfdg.MustParseDate("2025-03-02"), End: dfdg.MustParseDate("2025-03-01")}
	err := backwards.Valid()
	fmt.Println(errors.Is(err, dfdgerrors.ErrNegativeDuration), errors.Is(err, dfdgerrors.Code(1003)))
	fmt.Println(err)
	// Output:
	// <nil>
	// true true
	// dfdg 1003: Den angivne varighed er negativ, startdato er større end slutdato [regel 2.3; periode=2025-03-02–2025-03-01]
}

func ExampleRuleSet() {
	acted := dfdg.RulesOf(dfdg.Rule1_6, dfdg.Rule1_5)
	fmt.Println(acted)
	r, _ := dfdg.RuleByID(dfdg.Rule1_6)
	fmt.Println(r.Heading)
	// Output:
	// 1.5, 1.6
	// Webservicebesked efter teknisk oprettelse i kontaktgruppe 8 ved modtagelse af sygefravær
}

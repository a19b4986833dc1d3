// Command walkthrough tells one citizen's story through the library: the shared vocabulary, the code
// lists and the errors. Run it with
//
//	go run ./examples/walkthrough
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	cat := codelist.Default()
	p := func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }

	p("== Borgeren")
	cpr, err := dfdg.ParseCPR("070761-4286")
	if err != nil {
		return err
	}
	p("cpr %v, født %s (%s); modulus 11: %v — gyldigt alligevel", cpr, cpr.BirthDate(), cpr.Gender(), cpr.Modulus11())
	pension, err := cat.PensionAgeDate(cpr.BirthDate())
	if err != nil {
		return err
	}
	age, _ := cat.PensionAges().For(cpr.BirthDate())
	p("folkepensionsalder %s, nås %s", age, pension)

	p("")
	p("== Datoer")
	now := time.Date(2025, 10, 25, 22, 30, 0, 0, time.UTC)
	p("%s UTC er %s i Danmark: dato %s", now.Format("2006-01-02 15:04"), dfdg.InDenmark(now).Format("15:04 MST"), dfdg.DateOf(now))
	p("2023-08-31 + 6 måneder = %s (EU 1182/71)", dfdg.MustParseDate("2023-08-31").AddMonths(6))
	p("2024-02-29 + 6 år = %s", dfdg.MustParseDate("2024-02-29").AddYears(6))

	p("")
	p("== Kodelister")
	day := dfdg.MustParseDate("2025-07-01")
	p("kontaktgrupper i en drop-down %s:", day)
	for _, e := range cat.ContactGroups().ActiveOn(day) {
		p("  %v", e)
	}
	if err := cat.ContactGroups().CheckNew(26, day, "kontaktgruppe", dfdg.Rule1_4); err != nil {
		p("ny tilmelding i 26: %v", err)
	}

	p("")
	p("== Fejl")
	bad := dfdg.Period{Start: dfdg.MustParseDate("2025-03-02"), End: dfdg.MustParseDate("2025-03-01")}
	err = bad.Valid()
	p("%v", err)
	if e, ok := dfdgerrors.As(err); ok {
		p("kode %s, regel %s, engelsk: %s", e.Code(), e.Rule, e.English())
	}
	return nil
}

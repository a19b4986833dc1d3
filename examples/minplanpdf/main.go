// Command minplanpdf renders a citizen's Min plan, built by regelkit/dfdg, as a PDF a person opens:
// the job title and its alias on company-oriented activities (rule 3.3) and the Danish-acquisition
// section of an Integration Act contract (rule 3.6). It is a module of its own, so that the library
// never depends on a PDF package. Run it with
//
//	go run . -o minplan.pdf
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/shopspring/decimal"
)

func main() {
	out := flag.String("o", "minplan.pdf", "the PDF file to write")
	flag.Parse()
	f, err := os.Create(*out)
	if err == nil {
		err = Render(activity.Rules{}.MinPlan(dfdg.At{}, sample()), f, true)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "minplanpdf:", err)
		os.Exit(1)
	}
	fmt.Println("skrev", *out)
}

// sample is a citizen with a Jobplan, an Integration Act contract, a virksomhedspraktik with a job
// title and its alias, and a course.
func sample() dfdg.Citizen {
	d := dfdg.MustParseDate
	return dfdg.Citizen{
		Jobcentre: 101,
		Plan: &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan, Contract: &dfdg.Contract{
			ID: "k-1", Act: dfdg.IntegrationAct, Signed: d("2025-10-15"),
			DanishAcquisition: "Danskuddannelse 2, modul 4, på sprogcentret i København\nFire lektioner om ugen ved siden af praktikken\nModultest i december 2025",
		}},
		Activities: []dfdg.Activity{
			{ID: "a-1", Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
				Period: dfdg.Period{Start: d("2025-11-03"), End: d("2025-12-19")}, Hours: decimal.RequireFromString("25.5"),
				Company:  dfdg.Company{CVR: "12345678", Name: "Bageriet på Østerbro ApS"},
				JobTitle: dfdg.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik og bageri"}},
			{ID: "a-2", Type: 7, Description: "Kursus i fødevarehygiejne",
				Period: dfdg.Period{Start: d("2025-10-27"), End: d("2025-10-31")}},
		},
	}
}

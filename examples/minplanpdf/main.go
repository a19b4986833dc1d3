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

	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/shopspring/decimal"
)

func main() {
	out := flag.String("o", "minplan.pdf", "the PDF file to write")
	name := flag.String("navn", "Mette Hansen", "the citizen's name, as the caller's own records hold it")
	issued := flag.String("dato", "", "the date of issue (default: today in Denmark)")
	flag.Parse()
	h := Header{Name: *name, Jobcentre: jobcentreName(sample().Jobcentre), Issued: dfdg.DateOf(time.Now())}
	var err error
	if *issued != "" {
		h.Issued, err = dfdg.ParseDate(*issued)
	}
	var f *os.File
	if err == nil {
		f, err = os.Create(*out)
	}
	if err == nil {
		err = Render(activity.Rules{}.MinPlan(dfdg.At{}, sample()), h, f, true)
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

// jobcentreName is the jobcentre's name, from the municipality code list: "Jobcenter København".
func jobcentreName(m dfdg.Municipality) string {
	if e, ok := codelist.Default().Municipalities().Get(int(m)); ok && e.Name != "" {
		return "Jobcenter " + e.Name
	}
	return "Jobcenter " + m.String()
}

// sample is a citizen with a Jobplan, an Integration Act contract, a virksomhedspraktik with a job
// title and its alias, and a course.
func sample() dfdg.Citizen {
	d := dfdg.MustParseDate
	return dfdg.Citizen{
		Jobcentre: 101,
		Plan: &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan, Goal: "Job som bagermedhjælper",
			Description: "Du starter med et kursus i fødevarehygiejne og kommer derefter i praktik i et bageri.", Contract: &dfdg.Contract{
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

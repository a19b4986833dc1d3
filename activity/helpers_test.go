package activity_test

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

var (
	day  = dfdg.MustParseDate
	now  = time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)
	kbh  = dfdg.MunicipalityActor(101)
	frb  = dfdg.MunicipalityActor(147) // Frederiksberg, acting through guest access
	akas = dfdg.AkasseActor("ak-1")
)

func hours(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func period(start, end string) dfdg.Period {
	p := dfdg.Period{Start: day(start)}
	if end != "" {
		p.End = day(end)
	}
	return p
}

// dagpengemodtager is a citizen of København in contact group 1, a member of an a-kasse, with the
// plan p (nil for none).
func dagpengemodtager(p *plan.Plan, acts ...activity.Activity) activity.Citizen {
	return activity.Citizen{Jobcentre: 101, Akasse: "ak-1", ContactGroup: 1, Plan: p, Activities: acts}
}

var jobplan = &plan.Plan{ID: "p-1", Type: plan.Jobplan}

// praktik is a company-oriented activity (a virksomhedspraktik, job-offer type 1 in these tests:
// DFDG's ids for job-offer types are not public).
func praktik(id string) activity.Activity {
	return activity.Activity{ID: id, Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: period("2025-10-01", "2025-11-30"), Hours: hours("37"), JobOfferType: 1,
		Company:  activity.Company{CVR: "12345678", PNumber: "1000000001", Name: "Bageriet ApS"},
		JobTitle: plan.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i bageri"}}
}

func msgs(d activity.Decision) []string {
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

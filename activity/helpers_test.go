package activity_test

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
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
func dagpengemodtager(p *dfdg.Plan, acts ...dfdg.Activity) dfdg.Citizen {
	return dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1", Memberships: inGroup(dfdg.Dagpengemodtager), Plan: p, Activities: acts}
}

// inGroup is a contact-group history with an open membership in g since before now.
func inGroup(g dfdg.ContactGroup) []dfdg.Membership {
	return []dfdg.Membership{{ID: "kg", Group: g, Start: now.AddDate(0, -3, 0)}}
}

// rules is section 3's rules with the embedded code lists; atKbh a call by København at now.
var (
	rules activity.Rules
	atKbh = dfdg.At{Now: now, By: kbh}
)

var jobplan = &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan}

// praktik is a company-oriented activity (a virksomhedspraktik, job-offer type 1 in these tests:
// DFDG's ids for job-offer types are not public).
func praktik(id string) dfdg.Activity {
	return dfdg.Activity{ID: id, Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: period("2025-10-01", "2025-11-30"), Hours: hours("37"), JobOfferType: 1,
		Company:  dfdg.Company{CVR: "12345678", PNumber: "1000000001", Name: "Bageriet ApS"},
		JobTitle: dfdg.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i bageri"}}
}

func msgs(d dfdg.Decision) []string {
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

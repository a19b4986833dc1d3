package absence_test

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/internal/ids"
)

var day = dfdg.MustParseDate

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return day(t.Format("2006-01-02")).Time().Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
}

func period(start, end string) dfdg.Period {
	p := dfdg.Period{Start: day(start)}
	if end != "" {
		p.End = day(end)
	}
	return p
}

const kbh = dfdg.Municipality(101)

// sygdom is the absence type these tests use for sickness: 11 'SygdomSygemelding', which the code
// list marks as sickness; see the package doc on why the rules do not assume it.
const sygdom = dfdg.SygdomSygemelding

// rules is the section's rules with the embedded code lists.
var rules absence.Rules

var ksd = dfdg.SystemActor(dfdg.ActorKSD)

// by is the context of a call by a at now, handing out ids in order (then none: an error).
func by(a dfdg.Actor, now time.Time, list ...string) dfdg.At {
	at := dfdg.At{Now: now, By: a}
	if len(list) > 0 {
		at.NewID = ids.Sequence(list...)
	}
	return at
}

// muni is a call by København's jobcentre; ksdAt one by KSD.
func muni(now time.Time, ids ...string) dfdg.At  { return by(dfdg.MunicipalityActor(kbh), now, ids...) }
func ksdAt(now time.Time, ids ...string) dfdg.At { return by(ksd, now, ids...) }

// state is a citizen of København's jobcentre and a member of a-kasse ak-1, with the absences.
func state(abs ...dfdg.Absence) dfdg.Citizen {
	return dfdg.Citizen{Jobcentre: kbh, Akasse: "ak-1", Absences: abs}
}

// endedOn is the citizen's absence id with the end date end: the update that ends it.
func endedOn(c dfdg.Citizen, id string, end dfdg.Date) dfdg.Absence {
	a, _ := c.Absence(id)
	a.Period.End = end
	return a
}

func msgs(d dfdg.Decision) []string {
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

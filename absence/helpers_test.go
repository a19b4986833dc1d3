package absence_test

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
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

// sygdom is the absence type these tests use for sickness; see the package doc on why the library
// assumes none.
const sygdom = 11

func state(abs ...absence.Absence) absence.State {
	return absence.State{Citizen: contactgroup.Citizen{Jobcentre: kbh}, Absences: abs}
}

func msgs(d absence.Decision) []string {
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

package absence

import (
	"iter"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// Closure is what the sweep of rule 2.2 decides for one citizen: the sick absences it ends, the
// Fravaer.WSB Update for each, and rule 2.2.
type Closure struct {
	// Citizen is the citizen's ID (dfdg.Citizen.ID).
	Citizen string `json:"borger,omitempty"`
	dfdg.Decision
}

// Sweep is DFDG's batch job of rule 2.2 as a stream, run at at.Now: for each citizen in group 1
// 'Dagpengemodtager', group 8 'Uden ydelse' or no contact group at now, and not in group 25
// 'Sygedagpengemodtager fra ledighed', every open sick absence (see IsSickness) whose first sick day is
// SweepDays or more before the run date ends on the run date; the citizen yields one Closure with those
// changes and a Fravaer.WSB Update for each to the jobcentre (none when the citizen has no jobcentre).
// The sweep never registers anyone as jobseeker and changes no contact group. It needs no actor: it is
// DFDG's own job.
//
// A sick absence with no start yields an error with the citizen's ID, and the sweep goes on; a zero
// at.Now yields one error and ends the sweep. The sweep holds one citizen at a time, so its memory does
// not grow with their number; a nil citizens yields nothing.
func (r Rules) Sweep(at dfdg.At, citizens iter.Seq[dfdg.Citizen]) iter.Seq2[Closure, error] {
	return func(yield func(Closure, error) bool) {
		if citizens == nil {
			return
		}
		now, err := check.Now(at)
		if err != nil {
			yield(Closure{}, err)
			return
		}
		run := dfdg.DateOf(now)
		for c := range citizens {
			cl, err := r.close(&c, now, run)
			if err == nil && len(cl.Absences) == 0 {
				continue
			}
			if !yield(cl, err) {
				return
			}
		}
	}
}

// close decides the sweep for one citizen.
func (r Rules) close(c *dfdg.Citizen, now time.Time, run dfdg.Date) (Closure, error) {
	cl := Closure{Citizen: c.ID}
	grouped := false
	for i := range c.Absences {
		a := &c.Absences[i]
		if !a.Period.Open() || !r.IsSickness(*a) {
			continue
		}
		if a.Period.Start.IsZero() {
			return Closure{Citizen: c.ID}, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule2_2).
				WithField(pathAbsences.Index(i).Child("periode").Child("startdato"), c.ID).
				WithDetail("første sygedag mangler", "the first sick day is missing")
		}
		if run.Sub(a.Period.Start) < SweepDays {
			continue
		}
		if !grouped {
			if m, ok := c.GroupAt(now); ok && m.Group != dfdg.Dagpengemodtager && m.Group != dfdg.UdenYdelse {
				return cl, nil // 25, and every other group
			}
			grouped = true
		}
		closed := *a
		closed.Period.End = run
		cl.Absences = append(cl.Absences, dfdg.Change[dfdg.Absence]{Type: dfdg.Update, Record: closed})
		if c.Jobcentre != 0 {
			cl.Messages = append(cl.Messages, fravaerMessage(c, dfdg.Update, closed))
		}
	}
	if len(cl.Absences) > 0 {
		cl.Rules = dfdg.RulesOf(dfdg.Rule2_2)
	}
	return cl, nil
}

// pathAbsences is where the citizen's absences lie in a call.
const pathAbsences dfdgerrors.Path = "borger.fravaer"

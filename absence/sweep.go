package absence

import (
	"iter"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// SweepDays is the age in days at which the sweep of rule 2.2 closes a sick absence: the
// municipality has 8 weeks to start the follow-up, and DFDG adds 4 days.
const SweepDays = 60

// SweepCitizen is one citizen as the sweep of rule 2.2 reads it.
type SweepCitizen struct {
	// Key is the caller's key for the citizen, carried to the result.
	Key string `json:"key"`
	// Jobcentre is where the closing's Fravaer.WSB goes; zero sends none.
	Jobcentre dfdg.Municipality `json:"jobcentre,omitempty"`
	// Sick is the citizen's open sick absence.
	Sick Absence `json:"sick"`
	// Group is the contact group the citizen is in on the run date; 0 for none.
	Group int `json:"group,omitempty"`
}

// Closure is a sick absence the sweep ends.
type Closure struct {
	Key string `json:"key"`
	// Absence is the absence as it is after the closing: it ends on the run date.
	Absence Absence `json:"absence"`
	// Message is the Fravaer.WSB Update to the jobcentre; its Name is empty when the citizen has no
	// jobcentre in the input.
	Message dfdg.Message `json:"message,omitzero"`
}

// Closes reports whether the sweep of rule 2.2 closes c's sick absence on run: it is open, its first
// sick day is SweepDays or more before run, and the citizen is not in contact group 25 'Sygedagpenge-
// modtager fra ledighed' but in group 1 'Dagpengemodtager', group 8 'Uden ydelse' or no group.
func Closes(c SweepCitizen, run dfdg.Date) bool {
	switch c.Group {
	case 0, contactgroup.Dagpengemodtager, contactgroup.UdenYdelse:
	default: // 25 and every other group
		return false
	}
	return c.Sick.Period.Open() && !c.Sick.Period.Start.IsZero() && run.Sub(c.Sick.Period.Start) >= SweepDays
}

// Sweep is DFDG's batch job of rule 2.2 as a stream: for each citizen it yields a Closure when
// Closes holds, ending the absence on the run date. It never registers anyone as jobseeker and
// changes no contact group. A citizen whose absence has no start, or whose run date is missing, yields
// an error with its key and the sweep goes on. The sweep holds one citizen at a time, so its memory
// does not grow with their number.
func Sweep(citizens iter.Seq[SweepCitizen], run dfdg.Date) iter.Seq2[Closure, error] {
	return func(yield func(Closure, error) bool) {
		for c := range citizens {
			if run.IsZero() || c.Sick.Period.Start.IsZero() {
				err := dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule2_2).WithField("borger", c.Key).
					WithDetail("kørselsdato eller første sygedag mangler", "the run date or the first sick day is missing")
				if !yield(Closure{Key: c.Key}, err) {
					return
				}
				continue
			}
			if !Closes(c, run) {
				continue
			}
			a := c.Sick
			a.Period.End = run
			cl := Closure{Key: c.Key, Absence: a}
			if c.Jobcentre != 0 {
				cl.Message = dfdg.Message{Name: dfdg.FravaerWSB, Change: dfdg.Update, To: dfdg.MunicipalityActor(c.Jobcentre), About: dfdg.Ref{Kind: refFravaer, ID: a.ID}}
			}
			if !yield(cl, nil) {
				return
			}
		}
	}
}

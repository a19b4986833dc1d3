package absence

import (
	"iter"
	"slices"
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
		now, err := check.Now(&at)
		if err != nil {
			yield(Closure{}, err)
			return
		}
		sw := sweeper{now: now, run: dfdg.DateOf(now)}
		for e := range r.Catalog.AbsenceTypes().All() {
			if e.Sickness {
				sw.sick = append(sw.sick, dfdg.AbsenceType(e.ID))
			}
		}
		for c := range citizens {
			first, err := sw.due(&c)
			if err != nil {
				if !yield(Closure{Citizen: c.ID}, err) {
					return
				}
				continue
			}
			if first >= 0 && !yield(sw.closure(&c, first), nil) {
				return
			}
		}
	}
}

// sweeper is one run of the sweep: what it computes once, and the blocks its closures' changes and
// messages are cut from, so that a run allocates a block per slabSize closures, not one per closure.
// Each closure owns its part of a block (a full slice expression: an append never reaches another's).
type sweeper struct {
	sick     []dfdg.AbsenceType // the types the code list marks as sickness
	now      time.Time
	run      dfdg.Date
	changes  []dfdg.Change[dfdg.Absence]
	messages []dfdg.Message
}

const slabSize = 256

// closes reports whether the sweep closes a: an open sick absence whose first sick day is SweepDays
// or more before the run date. An open sick absence with no start is an error, and so is one to close
// without an id: no message names a record without one.
func (sw *sweeper) closes(c *dfdg.Citizen, i int) (bool, error) {
	a := &c.Absences[i]
	if !a.Period.End.IsZero() || !(a.ReportedBy.Kind == dfdg.ActorKSD || slices.Contains(sw.sick, a.Type)) {
		return false, nil
	}
	if a.Period.Start.IsZero() {
		return false, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule2_2, pathAbsences.Index(i).Child("periode").Child("startdato"), c.ID).
			WithDetail("første sygedag mangler", "the first sick day is missing")
	}
	if sw.run.Sub(a.Period.Start) < SweepDays {
		return false, nil
	}
	if a.ID == "" {
		return false, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule2_2, pathAbsences.Index(i).Child("fravaerIdentifier"), c.ID).
			WithDetail("sygefraværet, der skal lukkes, har intet id", "the sick absence to close has no id")
	}
	return true, nil
}

// due returns the first of the citizen's absences the sweep closes, or -1: none does, or the citizen
// is in a contact group other than 1 and 8 at now.
func (sw *sweeper) due(c *dfdg.Citizen) (int, error) {
	for i := range c.Absences {
		closes, err := sw.closes(c, i)
		if err != nil {
			return 0, err
		}
		if closes {
			if m, ok := c.GroupAt(sw.now); ok && m.Group != dfdg.Dagpengemodtager && m.Group != dfdg.UdenYdelse {
				return -1, nil // 25, and every other group
			}
			return i, nil
		}
	}
	return -1, nil
}

// closure is the sweep's decision for a citizen whose absence first is the first it closes.
func (sw *sweeper) closure(c *dfdg.Citizen, first int) Closure {
	cl := Closure{Citizen: c.ID}
	for i := first; i < len(c.Absences); i++ {
		if closes, _ := sw.closes(c, i); !closes {
			continue
		}
		closed := c.Absences[i]
		closed.Period.End = sw.run
		cl.Absences = sw.appendChange(cl.Absences, dfdg.Change[dfdg.Absence]{Type: dfdg.Update, Record: closed})
		if c.Jobcentre != 0 {
			cl.Messages = sw.appendMessage(cl.Messages, fravaerMessage(c, dfdg.Update, closed))
		}
	}
	cl.Rules = dfdg.RulesOf(dfdg.Rule2_2)
	return cl
}

// appendChange appends ch to the closure's changes: its first from the current block, any more by
// plain append (a citizen with two open sick absences is rare).
func (sw *sweeper) appendChange(to []dfdg.Change[dfdg.Absence], ch dfdg.Change[dfdg.Absence]) []dfdg.Change[dfdg.Absence] {
	if len(to) > 0 {
		return append(to, ch)
	}
	if len(sw.changes) == cap(sw.changes) {
		sw.changes = make([]dfdg.Change[dfdg.Absence], 0, slabSize)
	}
	sw.changes = append(sw.changes, ch)
	n := len(sw.changes)
	return sw.changes[n-1 : n : n]
}

func (sw *sweeper) appendMessage(to []dfdg.Message, m dfdg.Message) []dfdg.Message {
	if len(to) > 0 {
		return append(to, m)
	}
	if len(sw.messages) == cap(sw.messages) {
		sw.messages = make([]dfdg.Message, 0, slabSize)
	}
	sw.messages = append(sw.messages, m)
	n := len(sw.messages)
	return sw.messages[n-1 : n : n]
}

// pathAbsences is where the citizen's absences lie in a call.
const pathAbsences dfdgerrors.Path = "borger.fravaer"

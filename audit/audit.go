package audit

import (
	"iter"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/internal/check"
)

// Rules audits stored citizens with the code lists of Catalog; the zero Rules uses the embedded ones.
type Rules struct {
	Catalog *codelist.Catalog
}

// Finding is one state of a stored citizen that a rule forbids or repairs.
type Finding struct {
	// Citizen is the citizen's ID (dfdg.Citizen.ID).
	Citizen string      `json:"borger,omitempty"`
	Rule    dfdg.RuleID `json:"regel"`
	// Records are the records involved, the one the finding is about first.
	Records []dfdg.Ref `json:"poster"`
	// Problem says what is wrong, in Danish and English, and where the record lies in the citizen's
	// JSON.
	Problem *dfdgerrors.Error `json:"problem"`
	// Repair is what the rules decide to repair it, or nil where they do not determine one.
	Repair *dfdg.Decision `json:"reparation,omitempty"`
}

// Check returns every finding for citizen c at at.Now, by rule: 1.4, 1.5, 2.1 (and 2.3), 2.2, 2.4,
// 2.6, 3.4, 3.7, 4.1 (see the package documentation). A sound citizen gives none. It needs no actor; a zero
// at.Now is an error.
func (r Rules) Check(at dfdg.At, c dfdg.Citizen) ([]Finding, error) {
	if _, err := check.Now(&at); err != nil {
		return nil, err
	}
	a := r.auditor(at)
	var swept sweep
	for cl, err := range a.absences.Sweep(a.at, func(yield func(dfdg.Citizen) bool) { yield(c) }) {
		swept = sweep{&cl, err}
	}
	return a.citizen(nil, &c, swept), nil
}

// sweep is what rule 2.2's sweep gave for a citizen: a closure, an error (a sick absence it cannot
// judge), or neither.
type sweep struct {
	closure *absence.Closure
	err     error
}

// Stream audits citizens one at a time at at.Now and yields every finding, citizen by citizen, in
// the order of Check. It holds one citizen at a time, so its memory does not grow with their
// number. A zero at.Now yields one error and ends the stream; a nil citizens yields nothing.
func (r Rules) Stream(at dfdg.At, citizens iter.Seq[dfdg.Citizen]) iter.Seq2[Finding, error] {
	return func(yield func(Finding, error) bool) {
		if citizens == nil {
			return
		}
		if _, err := check.Now(&at); err != nil {
			yield(Finding{}, err)
			return
		}
		a := r.auditor(at)
		// Rule 2.2's sweep runs once over the whole stream, in step with the audit: it decides on each
		// citizen as the audit hands it over, and a closure arrives before the next citizen, so that
		// its blocks of changes and messages serve many closures.
		var (
			buf     []Finding
			swept   sweep
			stopped bool
		)
		each := func(decide func(dfdg.Citizen) bool) {
			for c := range citizens {
				swept = sweep{}
				if !decide(c) {
					return
				}
				buf = a.citizen(buf[:0], &c, swept)
				for _, f := range buf {
					if !yield(f, nil) {
						stopped = true
						return
					}
				}
			}
		}
		for cl, err := range a.absences.Sweep(a.at, each) {
			if stopped {
				return
			}
			swept = sweep{&cl, err}
		}
	}
}

// auditor is one run's rules and day.
type auditor struct {
	at       dfdg.At
	today    dfdg.Date
	cat      *codelist.Catalog
	groups   contactgroup.Rules
	absences absence.Rules
	acts     activity.Rules
	gdpr     gdpr.Rules
}

func (r Rules) auditor(at dfdg.At) *auditor {
	at.By = dfdg.Actor{}
	return &auditor{at: at, today: at.Today(), cat: r.Catalog,
		groups: contactgroup.Rules{Catalog: r.Catalog}, absences: absence.Rules{Catalog: r.Catalog},
		acts: activity.Rules{Catalog: r.Catalog}, gdpr: gdpr.Rules{Catalog: r.Catalog}}
}

// citizen appends c's findings to out, in the order of the rules; swept is what rule 2.2's sweep
// gave for c.
func (a *auditor) citizen(out []Finding, c *dfdg.Citizen, swept sweep) []Finding {
	n := len(out)
	out = a.inactive(out, c)
	out = a.history(out, c)
	out = a.overlaps(out, c)
	out = a.overdue(out, c, swept)
	out = a.group24(out, c)
	out = a.duplicates(out, c)
	out = a.retention(out, c)
	for i := n; i < len(out); i++ {
		out[i].Citizen = c.ID
	}
	return out
}

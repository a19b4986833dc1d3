package gdpr

import "github.com/regelkit/dfdg"

// periods are the retention periods of rule 4.1, in months: six years and six months.
var periods = [...]int{6 * 12, 6}

const (
	sixYears  = 0 // index in periods
	sixMonths = 1
)

// retention is one line of rule 4.1, the one both DeletionDate and the sweep's cut-offs read: a
// record is due a period after its end, with the basis ended; a record that has not ended is never
// due (basis open), unless the line counts from its start then (basis fromStart: a dialogue message
// not answered is due six years after it was sent).
type retention struct {
	period    uint8 // index in periods
	ended     Basis
	open      Basis
	fromStart Basis
}

// retentionOf returns the line of rule 4.1 for r, for the kinds whose line is a period after a date of
// the record; false for the others (efterløn, a deceased person, logs, a marking whose project type
// the note does not cover, unknown kinds), which DeletionDate and the sweep decide on their own.
func retentionOf(r *Record) (retention, bool) {
	switch r.Kind {
	case dfdg.RecordRegistration:
		return retention{period: sixYears, ended: AfterDeregistration, open: NeverOpenRegistration}, true
	case dfdg.RecordKYDecision:
		return retention{period: sixYears, ended: AfterKYCaseClosed, open: NeverNotEnded}, true
	case dfdg.RecordHealthLimitation:
		return retention{period: sixYears, ended: AfterLimitationEnded, open: NeverNotEnded}, true
	case dfdg.RecordDialogueMessage:
		return retention{period: sixYears, ended: AfterAnswered, fromStart: AfterSent}, true
	case dfdg.RecordPersonGroupMarking:
		switch r.ProjectType {
		case dfdg.ProjektJobcenterStat, dfdg.ProjektUdvalgte:
			return retention{period: sixYears, ended: AfterMarkingEnd6Years, open: NeverNotEnded}, true
		case dfdg.ProjektJobcenter, dfdg.ProjektAkasse:
			return retention{period: sixMonths, ended: AfterMarkingEnd6Months, open: NeverNotEnded}, true
		}
	}
	return retention{}, false
}

// due applies the line to r: its deletion date, never, or (ok false) the record lacks the start the
// line counts from.
func (l retention) due(r *Record) (Due, bool) {
	months := periods[l.period]
	switch {
	case !r.End.IsZero():
		return dueAt(r.End.AddMonths(months), l.ended), true
	case l.fromStart == 0:
		return never(l.open, dfdg.Rule4_1), true
	case r.Start.IsZero():
		return Due{}, false
	}
	return dueAt(r.Start.AddMonths(months), l.fromStart), true
}

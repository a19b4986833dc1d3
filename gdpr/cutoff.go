package gdpr

import "github.com/regelkit/dfdg"

// cutoffs are, for a sweep on one day, the latest date from which each period of rule 4.1 has run
// out by that day: a record whose date is on or before its cut-off is due. Adding months clamps to
// the month's end but never goes backwards, so the dates that are due form a span up to the cut-off,
// and a sweep compares each record with one date instead of adding years to it.
type cutoffs struct {
	today dfdg.Date
	of    [len(periods)]dfdg.Date // by period
}

func cutoffsOn(today dfdg.Date) cutoffs {
	c := cutoffs{today: today}
	for i, months := range periods {
		c.of[i] = latest(today, months)
	}
	return c
}

// latest returns the latest date d with d.AddMonths(months) on or before today, or the zero Date when
// there is none.
func latest(today dfdg.Date, months int) dfdg.Date {
	if today.IsZero() {
		return dfdg.Date{}
	}
	// Going back and forth by the same months never passes today, so today minus the months is due,
	// unless it stopped at the first date; the last due date is at most a few days later.
	d := today.AddMonths(-months)
	if d.AddMonths(months).After(today) {
		return dfdg.Date{} // the first date is not due: none is
	}
	for {
		next := d.AddDays(1)
		if next == d || next.AddMonths(months).After(today) {
			return d
		}
		d = next
	}
}

// notDue reports whether r is a record the sweep can pass over: one that is well formed as far as
// its rule reads it and not due on c.today. It reports false for every other record, due or not, so
// that the full rule decides those; a record it passes over is one that deletionDate would find not
// due, without an error.
func (c *cutoffs) notDue(r *Record) bool {
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		return false
	}
	if line, ok := retentionOf(r); ok {
		cut := c.of[line.period]
		switch {
		case !r.End.IsZero():
			return r.End.After(cut)
		case line.fromStart == 0:
			return true // never due while open
		}
		return !r.Start.IsZero() && r.Start.After(cut)
	}
	switch r.Kind {
	case dfdg.RecordPersonGroupMarking:
		return true // a project type the note does not cover: never due
	case dfdg.RecordDeceased:
		return !r.End.IsZero() && !r.End.After(c.today) && r.End.After(c.of[sixYears])
	case dfdg.RecordJobLog, dfdg.RecordOtherLog, dfdg.RecordJobLogDocument:
		return true
	}
	return false // efterløn (the pension table decides) and unknown kinds
}

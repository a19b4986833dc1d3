package dfdg

import dfdgerrors "github.com/regelkit/dfdg/errors"

// Period is a span of whole days from Start to End, both included. A zero End means the period is
// open: it has started and not ended. The zero Period has no start and is not valid.
type Period struct {
	Start Date `json:"startdato,omitzero"`
	End   Date `json:"slutdato,omitzero"`
}

// Open reports whether p has no end date.
func (p Period) Open() bool { return p.End.IsZero() }

// Valid checks p. A missing start date is ErrMissingValue; a start strictly after the end is DFDG
// error 1003 "Den angivne varighed er negativ, startdato er større end slutdato". A period that starts
// and ends on the same day is valid (rule 2.3).
func (p Period) Valid() error {
	if p.Start.IsZero() {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "periode.startdato", "")
	}
	if !p.End.IsZero() && p.Start.After(p.End) {
		return dfdgerrors.New(dfdgerrors.ErrNegativeDuration, Rule2_3, "periode", p.String())
	}
	return nil
}

// Contains reports whether the day d lies within p, ends included.
func (p Period) Contains(d Date) bool {
	return !d.IsZero() && !d.Before(p.Start) && (p.End.IsZero() || !d.After(p.End))
}

// Overlaps reports whether p and q share at least one day, ends included: periods that end and start
// on the same day overlap. An open end overlaps everything after the start.
func (p Period) Overlaps(q Period) bool {
	return (q.End.IsZero() || !p.Start.After(q.End)) && (p.End.IsZero() || !q.Start.After(p.End))
}

// Days returns the number of days in p, both ends included; 0 for an open or invalid period.
func (p Period) Days() int {
	if p.End.IsZero() || p.Start.IsZero() || p.Start.After(p.End) {
		return 0
	}
	return p.End.Sub(p.Start) + 1
}

// String returns "2025-03-01–2025-03-31", or "2025-03-01–" for an open period.
func (p Period) String() string {
	var buf [24]byte
	b := p.Start.AppendFormat(buf[:0])
	b = append(b, "–"...)
	b = p.End.AppendFormat(b)
	return string(b)
}

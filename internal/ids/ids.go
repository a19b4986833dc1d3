// Package ids gives the records a decision creates their ids, from the call's context (dfdg.At).
package ids

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Source hands out the ids of one decision. Its zero value is not usable; make one with For.
type Source struct {
	at    dfdg.At
	c     *dfdg.Citizen
	n     int
	taken [4]string // ids handed out by this Source; no decision creates more
	nt    int
}

// For returns the id source of a decision made at at for the citizen c.
func For(at dfdg.At, c *dfdg.Citizen) Source { return Source{at: at, c: c} }

// Or returns id when it is not empty, and a new id of kind k otherwise; field is where the command
// holds the id, for an error.
func (s *Source) Or(id string, k dfdg.RecordKind, field dfdgerrors.Path) (string, error) {
	if id != "" {
		return id, nil
	}
	return s.next(k, field)
}

// New returns a new id for a record of kind k that the decision creates on its own: the caller's
// generator's (at.NewID), or one derived from at.Now.
func (s *Source) New(k dfdg.RecordKind) (string, error) { return s.next(k, "") }

func (s *Source) next(k dfdg.RecordKind, field dfdgerrors.Path) (string, error) {
	if s.at.NewID != nil {
		id := s.at.NewID(k)
		if id == "" {
			return "", dfdgerrors.New(dfdgerrors.ErrMissingValue, "", field, "").
				WithDetail("id-generatoren gav et tomt id for "+k.String(), "the id generator gave an empty id for "+k.String())
		}
		if s.used(k, id) {
			return "", dfdgerrors.New(dfdgerrors.ErrInvalidState, "", field, id).
				WithDetail("id-generatoren gav et id, som borgeren allerede har", "the id generator gave an id the citizen already has")
		}
		s.take(id)
		return id, nil
	}
	var buf [64]byte
	base := append(buf[:0], k.String()...)
	for i, c := range base {
		if 'A' <= c && c <= 'Z' {
			base[i] = c + 'a' - 'A'
		}
	}
	base = append(base, '-')
	base = appendStamp(base, s.at.Now)
	base = append(base, '-')
	for {
		s.n++
		id := string(strconv.AppendInt(base, int64(s.n), 10))
		if !s.used(k, id) {
			s.take(id)
			return id, nil
		}
	}
}

func (s *Source) take(id string) {
	if s.nt < len(s.taken) {
		s.taken[s.nt] = id
		s.nt++
	}
}

// appendStamp appends t in UTC as 20250915T073000Z, with the fraction of a second when there is one.
func appendStamp(b []byte, t time.Time) []byte {
	t = t.UTC()
	if t.Nanosecond() == 0 {
		return t.AppendFormat(b, "20060102T150405Z")
	}
	b = t.AppendFormat(b, "20060102T150405.000000000")
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	return append(b, 'Z')
}

// used reports whether the citizen has a record of kind k with id, or this Source handed it out.
func (s *Source) used(k dfdg.RecordKind, id string) bool {
	for _, t := range s.taken[:s.nt] {
		if t == id {
			return true
		}
	}
	if s.c == nil {
		return false
	}
	c := s.c
	switch k {
	case dfdg.RecordMembership:
		return has(c.Memberships, id, func(r *dfdg.Membership) string { return r.ID })
	case dfdg.RecordRegistration:
		return has(c.Registrations, id, func(r *dfdg.Registration) string { return r.ID })
	case dfdg.RecordPersonCategory:
		return has(c.PersonCategories, id, func(r *dfdg.PersonCategorization) string { return r.ID })
	case dfdg.RecordDeadline:
		return has(c.Deadlines, id, func(r *dfdg.Deadline) string { return r.ID })
	case dfdg.RecordAbsence:
		return has(c.Absences, id, func(r *dfdg.Absence) string { return r.ID })
	case dfdg.RecordActivity:
		return has(c.Activities, id, func(r *dfdg.Activity) string { return r.ID })
	case dfdg.RecordBooking:
		return has(c.Bookings, id, func(r *dfdg.Booking) string { return r.ID })
	case dfdg.RecordGuestAccess:
		return has(c.GuestAccess, id, func(r *dfdg.GuestAccess) string { return r.ID })
	case dfdg.RecordPlan:
		return c.Plan != nil && c.Plan.ID == id || c.DraftPlan != nil && c.DraftPlan.ID == id
	}
	return false
}

func has[T any](records []T, id string, idOf func(*T) string) bool {
	for i := range records {
		if idOf(&records[i]) == id {
			return true
		}
	}
	return false
}

// Sequence returns a generator for dfdg.At.NewID that hands out list in order, whatever the kind,
// and then the empty id, which a decision rejects: for tests and scenario files that name the ids
// they expect.
func Sequence(list ...string) func(dfdg.RecordKind) string {
	n := 0
	return func(dfdg.RecordKind) string {
		if n >= len(list) {
			return ""
		}
		n++
		return list[n-1]
	}
}

package membership

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Registrations is the path of a citizen's registrations as jobseeker in an error.
const Registrations dfdgerrors.Path = "borger.tilmeldinger"

// CheckEnrollment checks a new registration as jobseeker at now against the stored ones: one that
// ends before it starts or two that overlap is a history the library cannot decide on, and one that
// is open at now, ends after it or starts after it is DFDG's 4316 'Enrollment overlap': "The submitted
// enrollment date lies within or before an existing enrollment period". A registration is never
// ended to make room for a new one: nothing in the release note ends a registration.
func CheckEnrollment(regs []dfdg.Registration, now time.Time, rule dfdg.RuleID) error {
	if err := checkRegistrations(regs, rule); err != nil {
		return err
	}
	for i := range regs {
		r := &regs[i]
		switch {
		case r.Start.After(now):
			return dfdgerrors.New(dfdgerrors.ErrEnrollmentOverlap, rule, Registrations.Index(i), r.ID).
				WithDetail("tilmeldingen "+r.ID+" starter efter den nye tilmelding", "the registration "+r.ID+" starts after the new one")
		case r.End.IsZero() || r.End.After(now):
			return dfdgerrors.New(dfdgerrors.ErrEnrollmentOverlap, rule, Registrations.Index(i), r.ID).
				WithDetail("borgeren er tilmeldt ("+r.ID+"); den nye tilmelding ligger inden for den", "the citizen is registered ("+r.ID+"); the new registration lies within it")
		}
	}
	return nil
}

// CheckRegistrations rejects a stored history of registrations the library cannot decide on at now:
// one that ends before it starts, two that overlap, or one that starts after now.
func CheckRegistrations(regs []dfdg.Registration, now time.Time, rule dfdg.RuleID) error {
	if err := checkRegistrations(regs, rule); err != nil {
		return err
	}
	for i := range regs {
		if r := &regs[i]; r.Start.After(now) {
			return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory, rule, Registrations.Index(i), r.ID).
				WithDetail("tilmeldingen "+r.ID+" starter efter beslutningstidspunktet", "the registration "+r.ID+" starts after the decision time")
		}
	}
	return nil
}

// Current returns the position of the registration that is open at now or ends after it, or -1. The
// registrations must have been checked.
func Current(regs []dfdg.Registration, now time.Time) int {
	for i := range regs {
		if !regs[i].Start.IsZero() && (regs[i].End.IsZero() || regs[i].End.After(now)) {
			return i
		}
	}
	return -1
}

func checkRegistrations(regs []dfdg.Registration, rule dfdg.RuleID) error {
	for i := range regs {
		r := &regs[i]
		if !r.End.IsZero() && r.End.Before(r.Start) {
			return dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, rule, Registrations.Index(i).Child("sluttidspunkt"), r.ID)
		}
		for j := range i {
			if o := &regs[j]; (o.End.IsZero() || r.Start.Before(o.End)) && (r.End.IsZero() || o.Start.Before(r.End)) {
				return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory, rule, Registrations.Index(i), r.ID).
					WithDetail("tilmeldingerne "+o.ID+" og "+r.ID+" overlapper", "the registrations "+o.ID+" and "+r.ID+" overlap")
			}
		}
	}
	return nil
}

package contactgroup

import (
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// checkMemberships returns the first reason the history ms cannot be decided on at now: a membership
// without a start, one that ends before it starts (1003), one that starts after now, or two that
// overlap. It does not allocate when the history is sound, and takes one pass when ms is in order of
// start.
func checkMemberships(ms []Membership, now time.Time, rule dfdg.RuleID) error {
	sorted := true
	for i := range ms {
		m := &ms[i]
		if m.Start.IsZero() || !m.End.IsZero() && m.End.Before(m.Start) || m.Start.After(now) {
			return membershipProblem(m, now, rule)
		}
		if i == 0 {
			continue
		}
		// Neighbours that overlap do so in any order; when every start follows the one before,
		// checking neighbours is enough.
		if p := &ms[i-1]; overlaps(p, m) {
			return overlapError(*p, *m, rule)
		} else if sorted && m.Start.Before(p.Start) {
			sorted = false
		}
	}
	if sorted {
		return nil
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if overlaps(&ms[i], &ms[j]) {
				return overlapError(ms[i], ms[j], rule)
			}
		}
	}
	return nil
}

// membershipProblem explains why m cannot be decided on at now.
func membershipProblem(m *Membership, now time.Time, rule dfdg.RuleID) error {
	if err := checkOne(m, rule); err != nil {
		return err
	}
	return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory).WithRule(rule).WithField("kontaktgruppe", m.ID).
		WithDetail("kontaktgruppeforløbet "+m.ID+" starter efter beslutningstidspunktet",
			"the membership "+m.ID+" starts after the decision time")
}

func checkOne(m *Membership, rule dfdg.RuleID) error {
	if m.Start.IsZero() {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(rule).WithField("kontaktgruppe", m.ID).
			WithDetail("kontaktgruppeforløbet "+m.ID+" har intet starttidspunkt", "the membership "+m.ID+" has no start")
	}
	if !m.End.IsZero() && m.End.Before(m.Start) {
		return dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule(rule).WithField("kontaktgruppe", m.ID).
			WithDetail("kontaktgruppeforløbet "+m.ID+" slutter "+stamp(m.End)+", før det starter "+stamp(m.Start),
				"the membership "+m.ID+" ends "+stamp(m.End)+", before it starts "+stamp(m.Start))
	}
	return nil
}

// overlaps reports whether two memberships share an instant; one that ends when the other starts
// does not overlap it.
func overlaps(a, b *Membership) bool {
	return (b.End.IsZero() || a.Start.Before(b.End)) && (a.End.IsZero() || b.Start.Before(a.End))
}

func overlapError(a, b Membership, rule dfdg.RuleID) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory).WithRule(rule).WithField("kontaktgruppe", a.ID+", "+b.ID).
		WithDetail("kontaktgruppeforløbene "+a.ID+" og "+b.ID+" overlapper", "the memberships "+a.ID+" and "+b.ID+" overlap")
}

func stamp(t time.Time) string { return dfdg.InDenmark(t).Format("2006-01-02 15:04:05 MST") }

// CheckHistory lists every problem in a stored contact-group history, so that a caller can find and
// repair its own copy (rule 1.5, beyond the note: DFDG repaired the data its fault had written):
// each membership that ends before it starts (1003), each without a start, and each pair that
// overlaps, in order of start. A sound history gives nil.
func CheckHistory(ms []Membership) dfdgerrors.List {
	var errs dfdgerrors.List
	var sound []Membership
	for i := range ms {
		if err := checkOne(&ms[i], dfdg.Rule1_5); err != nil {
			errs = dfdgerrors.Append(errs, err)
			continue
		}
		sound = append(sound, ms[i])
	}
	slices.SortStableFunc(sound, func(a, b Membership) int { return a.Start.Compare(b.Start) })
	for i := range sound {
		for j := i + 1; j < len(sound); j++ {
			if !sound[i].End.IsZero() && !sound[j].Start.Before(sound[i].End) {
				break // sorted by start: no later one overlaps sound[i] either
			}
			if overlaps(&sound[i], &sound[j]) {
				errs = append(errs, overlapError(sound[i], sound[j], dfdg.Rule1_5))
			}
		}
	}
	return errs
}

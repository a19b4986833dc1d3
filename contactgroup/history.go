package contactgroup

import (
	"slices"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/membership"
)

// CheckHistory lists every problem in a citizen's stored contact-group history, so that a caller can
// find and repair its own copy (rule 1.5, beyond the note: DFDG repaired the data its fault had
// written): each membership that ends before it starts, each without a start, each that starts
// after at.Now (when at.Now is given), and each pair that overlaps, in order of start. A sound history
// gives an empty list. It reads the memberships only, and needs no actor.
func (r Rules) CheckHistory(at dfdg.At, c dfdg.Citizen) dfdgerrors.List {
	// One pass lists the problems of a history whose whole memberships each end by the time the next
	// one starts: the common case, sound or with a broken record. Then no pair overlaps (each ends
	// before any later one starts), so the full listing would add nothing. Any other history gets
	// the full listing.
	ms, now := c.Memberships, at.Now
	var errs dfdgerrors.List
	var prev *dfdg.Membership // the last whole membership
	for i := range ms {
		m := &ms[i]
		if !membership.Whole(m) {
			e, _ := dfdgerrors.As(membership.CheckOne(m, i, dfdg.Rule1_5))
			errs = membership.Add(errs, e)
			continue
		}
		if m.Start.After(now) && !now.IsZero() {
			errs = membership.Add(errs, membership.StartsAfter(ms, i, now, dfdg.Rule1_5))
		}
		if prev != nil && (prev.End.IsZero() || m.Start.Before(prev.End)) {
			return listHistory(at, ms)
		}
		prev = m
	}
	return errs
}

// listHistory is CheckHistory's full listing, for any order: the broken memberships, then every
// pair of whole ones that overlaps, in order of start.
func listHistory(at dfdg.At, ms []dfdg.Membership) dfdgerrors.List {
	var errs dfdgerrors.List
	var buf [64]int // the sound memberships of a history of up to 64, without an allocation
	sound := buf[:0]
	for i := range ms {
		if !membership.Whole(&ms[i]) {
			e, _ := dfdgerrors.As(membership.CheckOne(&ms[i], i, dfdg.Rule1_5))
			errs = membership.Add(errs, e)
			continue
		}
		if !at.Now.IsZero() && ms[i].Start.After(at.Now) {
			errs = membership.Add(errs, membership.StartsAfter(ms, i, at.Now, dfdg.Rule1_5))
		}
		sound = append(sound, i)
	}
	byStart := func(a, b int) int { return ms[a].Start.Compare(ms[b].Start) }
	if !slices.IsSortedFunc(sound, byStart) { // a stored history is mostly in order already
		slices.SortStableFunc(sound, byStart)
	}
	for x, i := range sound {
		for _, j := range sound[x+1:] {
			if !ms[i].End.IsZero() && !ms[j].Start.Before(ms[i].End) {
				break // sorted by start: no later one overlaps ms[i] either
			}
			if membership.Overlap(&ms[i], &ms[j]) {
				errs = membership.Add(errs, membership.OverlapError(ms, i, j, dfdg.Rule1_5))
			}
		}
	}
	return errs
}

// Package membership holds the contact-group mechanics that section 1 (package contactgroup) and the
// sickness rules of section 2 (package absence) share: checking a stored history, moving a citizen
// into a group at an instant, and the Kontaktgruppe.WSB messages that causes.
package membership

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Memberships is where the citizen's contact-group history lies in a call.
const Memberships dfdgerrors.Path = "borger.kontaktgrupper"

// CheckMemberships returns the first reason the history ms cannot be decided on at now: a membership
// without a start, one that ends before it starts, one that starts after now, or two that
// overlap. It does not allocate when the history is sound, and takes one pass when ms is in order of
// start.
func CheckMemberships(ms []dfdg.Membership, now time.Time, rule dfdg.RuleID) error {
	if k, p, found := firstProblem(ms, now); found {
		return historyError(k, rule, p)
	}
	return nil
}

// firstProblem is CheckMemberships' search: the first problem, as the kind of error and the values.
func firstProblem(ms []dfdg.Membership, now time.Time) (dfdgerrors.Kind, problem, bool) {
	sorted := true
	for i := range ms {
		m := &ms[i]
		if !Whole(m) {
			k, p := oneProblem(m, i)
			return k, p, true
		}
		if m.Start.After(now) {
			return dfdgerrors.ErrInconsistentHistory, problem{what: startsAfterNow, i: i, id: m.ID}, true
		}
		if i == 0 {
			continue
		}
		// Neighbours that overlap do so in any order; when every start follows the one before,
		// checking neighbours is enough, unless a membership that ends the instant it starts shares
		// its start with the one before: it overlaps neither that one nor one that starts then and
		// lasts, so the neighbours no longer tell (a=[0,10), z=[0,0), b=[5,12)), and every pair is
		// checked. Any other membership of no length inside an earlier one overlaps its neighbour.
		// m first: in order, whether p has ended by m's start decides, and that is read first.
		if p := &ms[i-1]; Overlap(m, p) {
			return dfdgerrors.ErrInconsistentHistory, overlap(ms, i-1, i), true
		} else if sorted {
			if c := m.Start.Compare(p.Start); c < 0 || c == 0 && m.End.Equal(m.Start) {
				sorted = false
			}
		}
	}
	if sorted {
		return 0, problem{}, false
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if Overlap(&ms[i], &ms[j]) {
				return dfdgerrors.ErrInconsistentHistory, overlap(ms, i, j), true
			}
		}
	}
	return 0, problem{}, false
}

// CheckOne rejects the membership m, at position i of the history, when it has no start (a missing
// value) or ends before it starts.
func CheckOne(m *dfdg.Membership, i int, rule dfdg.RuleID) error {
	if Whole(m) {
		return nil
	}
	k, p := oneProblem(m, i)
	return historyError(k, rule, p)
}

// Whole reports whether m has a start and does not end before it: what CheckOne accepts, asked
// without making an error.
func Whole(m *dfdg.Membership) bool {
	return !m.Start.IsZero() && (m.End.IsZero() || !m.End.Before(m.Start))
}

// oneProblem is what is wrong with m, which is not Whole.
func oneProblem(m *dfdg.Membership, i int) (dfdgerrors.Kind, problem) {
	if m.Start.IsZero() {
		return dfdgerrors.ErrMissingValue, problem{what: noStart, i: i, id: m.ID}
	}
	return dfdgerrors.ErrEndsBeforeStart, problem{what: endsBeforeStart, i: i, id: m.ID, start: m.Start, end: m.End}
}

// StartsAfter is the error for the membership at position i of ms, which starts after now.
func StartsAfter(ms []dfdg.Membership, i int, now time.Time, rule dfdg.RuleID) *dfdgerrors.Error {
	return historyError(dfdgerrors.ErrInconsistentHistory, rule, problem{what: startsAfter, i: i, id: ms[i].ID, start: now})
}

// Overlap reports whether two memberships share an instant; one that ends when the other starts does
// not overlap it.
func Overlap(a, b *dfdg.Membership) bool {
	return (b.End.IsZero() || a.Start.Before(b.End)) && (a.End.IsZero() || b.Start.Before(a.End))
}

// OverlapError is the error for the memberships at positions i and j of ms, which overlap.
func OverlapError(ms []dfdg.Membership, i, j int, rule dfdg.RuleID) *dfdgerrors.Error {
	return historyError(dfdgerrors.ErrInconsistentHistory, rule, overlap(ms, i, j))
}

func overlap(ms []dfdg.Membership, i, j int) problem {
	return problem{what: overlaps, i: j, id: ms[j].ID, other: ms[i].ID}
}

// AppendMessages appends the Kontaktgruppe.WSB messages for a change of membership m: one to the
// citizen's jobcentre, and one to the a-kasse when the citizen moves into jobafklaring (13).
func AppendMessages(msgs []dfdg.Message, c *dfdg.Citizen, change dfdg.ChangeType, m dfdg.Membership) []dfdg.Message {
	about := dfdg.Ref{Kind: dfdg.RecordMembership, ID: m.ID}
	msgs = append(msgs, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: about})
	if change == dfdg.Create && m.Group == dfdg.Jobafklaring && c.Akasse != "" {
		msgs = append(msgs, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: change, To: dfdg.AkasseActor(c.Akasse), About: about})
	}
	return msgs
}

// Active returns the membership active at now and its position, for a decision that ends it and
// sends a message about it: one without an id is an error, since no message names a record without
// one. The history must have been checked.
func Active(c *dfdg.Citizen, now time.Time, rule dfdg.RuleID) (dfdg.Membership, bool, error) {
	for i := range c.Memberships {
		if m := c.Memberships[i]; m.ActiveAt(now) {
			if m.ID == "" {
				return m, true, dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, Memberships.Index(i).Child("kontaktgruppeIdentifier"), "").
					WithDetail("kontaktgruppeforløbet, der skal afsluttes, har intet id", "the membership to end has no id")
			}
			return m, true, nil
		}
	}
	return dfdg.Membership{}, false, nil
}

// Place moves the citizen into the membership next, which starts at now: the membership active at now
// ends there (Kontaktgruppe.WSB Update) and next is created (Kontaktgruppe.WSB Create). The history
// must have been checked.
func Place(c *dfdg.Citizen, next dfdg.Membership, now time.Time, rule dfdg.RuleID) (dfdg.Decision, error) {
	d := dfdg.Decision{
		Memberships: make([]dfdg.Change[dfdg.Membership], 0, 2),
		Outcome:     dfdg.Outcome{Messages: make([]dfdg.Message, 0, 3)},
	}
	prev, ok, err := Active(c, now, rule)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if ok {
		prev.End = now
		d.Memberships = append(d.Memberships, dfdg.Change[dfdg.Membership]{Type: dfdg.Update, Record: prev})
		d.Messages = AppendMessages(d.Messages, c, dfdg.Update, prev)
	}
	next.Start = now
	d.Memberships = append(d.Memberships, dfdg.Change[dfdg.Membership]{Type: dfdg.Create, Record: next})
	d.Messages = AppendMessages(d.Messages, c, dfdg.Create, next)
	return d, nil
}

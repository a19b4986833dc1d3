package contactgroup

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Sickness is what the contact-group rules need of a sick absence that KSD (the sickness-benefit
// system) reports.
type Sickness struct {
	// FirstDay is the absence's start date, the first sick day.
	FirstDay dfdg.Date `json:"firstDay"`
	// Group8ID is the id of the technical membership in group 8, when one is made.
	Group8ID string `json:"group8Id,omitempty"`
	// Group24ID is the id of the membership in group 24.
	Group24ID string `json:"group24Id,omitempty"`
}

// SicknessReported applies rule 1.6 when KSD reports a sick absence, received at now. A citizen in
// no contact group is placed in group 24 'Sygedagpengemodtager fra beskæftigelse' from now; when the
// first sick day is before the receipt date, the citizen is first placed technically in group 8
// 'Uden ydelse' from the first sick day (00:00 in Denmark, or the end of their last membership when
// that is later) until now. Messages: Kontaktgruppe.WSB Create for group 24 only: none at all for
// group 8, neither for its creation nor its end. A citizen who is in a contact group at now keeps it,
// and the decision changes nothing.
func SicknessReported(c Citizen, s Sickness, now time.Time) (Decision, error) {
	now, err := checkNow(now)
	if err != nil {
		return Decision{}, err
	}
	if s.FirstDay.IsZero() {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_6).WithField("startdato", "")
	}
	if err := checkMemberships(c.Memberships, now, dfdg.Rule1_6); err != nil {
		return Decision{}, err
	}
	if _, inGroup := c.GroupAt(now); inGroup {
		return Decision{}, nil
	}
	if err := checkJobcentre(c); err != nil {
		return Decision{}, err
	}
	d := Decision{Memberships: make([]dfdg.Change[Membership], 0, 2), Rules: dfdg.RulesOf(dfdg.Rule1_6)}
	if dfdg.DateOf(now).After(s.FirstDay) {
		start := s.FirstDay.Time()
		for _, m := range c.Memberships {
			if m.End.After(start) { // all end by now: none is active at now
				start = m.End
			}
		}
		if start.Before(now) {
			technical := Membership{ID: s.Group8ID, Group: UdenYdelse, Start: start, End: now}
			d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Create, Record: technical})
		}
	}
	sick := Membership{ID: s.Group24ID, Group: SygedagpengeBeskaeftigelse, Start: now}
	d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Create, Record: sick})
	d.Messages = appendKontaktgruppe(nil, c, dfdg.Create, sick)
	return d, nil
}

// SicknessEnded applies rule 2.4 when KSD reports recovery (raskmelding) at now: a citizen in contact
// group 24 leaves it at now, with Kontaktgruppe.WSB Update, whether or not the absence was resumed
// after an earlier recovery. A citizen in another group, or in none, keeps it.
func SicknessEnded(c Citizen, now time.Time) (Decision, error) {
	now, err := checkNow(now)
	if err != nil {
		return Decision{}, err
	}
	if err := checkMemberships(c.Memberships, now, dfdg.Rule2_4); err != nil {
		return Decision{}, err
	}
	m, ok := c.GroupAt(now)
	if !ok || m.Group != SygedagpengeBeskaeftigelse {
		return Decision{}, nil
	}
	if err := checkJobcentre(c); err != nil {
		return Decision{}, err
	}
	m.End = now
	return Decision{
		Memberships: []dfdg.Change[Membership]{{Type: dfdg.Update, Record: m}},
		Messages:    appendKontaktgruppe(nil, c, dfdg.Update, m),
		Rules:       dfdg.RulesOf(dfdg.Rule2_4),
	}, nil
}

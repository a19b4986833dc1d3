package absence

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/internal/membership"
)

// sicknessReported applies rule 1.6 to a sick absence from firstDay, received at now: a citizen in no
// contact group is placed in group 24 'Sygedagpengemodtager fra beskæftigelse' from now; when the first
// sick day is before the receipt date, the citizen is first placed technically in group 8 'Uden ydelse'
// from the first sick day (00:00 in Denmark, or the end of their last membership when that is later)
// until now. Messages: Kontaktgruppe.WSB Create for group 24 only: none at all for group 8, neither for
// its creation nor its end. A citizen who is in a contact group at now keeps it, and the decision
// changes nothing.
func sicknessReported(c *dfdg.Citizen, firstDay dfdg.Date, now time.Time, src *ids.Source) (dfdg.Decision, error) {
	if err := membership.CheckMemberships(c.Memberships, now, dfdg.Rule1_6); err != nil {
		return dfdg.Decision{}, err
	}
	if _, inGroup := c.GroupAt(now); inGroup {
		return dfdg.Decision{}, nil
	}
	d := dfdg.Decision{Memberships: make([]dfdg.Change[dfdg.Membership], 0, 2), Outcome: dfdg.Outcome{Rules: dfdg.RulesOf(dfdg.Rule1_6)}}
	if dfdg.DateOf(now).After(firstDay) {
		start := firstDay.Time()
		for _, m := range c.Memberships {
			if m.End.After(start) { // all end by now: none is active at now
				start = m.End
			}
		}
		if start.Before(now) {
			id, err := src.New(dfdg.RecordMembership)
			if err != nil {
				return dfdg.Decision{}, err
			}
			technical := dfdg.Membership{ID: id, Group: dfdg.UdenYdelse, Start: start, End: now}
			d.Memberships = append(d.Memberships, dfdg.Change[dfdg.Membership]{Type: dfdg.Create, Record: technical})
		}
	}
	id, err := src.New(dfdg.RecordMembership)
	if err != nil {
		return dfdg.Decision{}, err
	}
	sick := dfdg.Membership{ID: id, Group: dfdg.SygedagpengeBeskaeftigelse, Start: now}
	d.Memberships = append(d.Memberships, dfdg.Change[dfdg.Membership]{Type: dfdg.Create, Record: sick})
	d.Messages = membership.AppendMessages(nil, c, dfdg.Create, sick)
	return d, nil
}

// sicknessEnded applies rule 2.4 at a recovery at now: a citizen in contact group 24 leaves it at now,
// with Kontaktgruppe.WSB Update, whether or not the absence was resumed after an earlier recovery. A
// citizen in another group, or in none, keeps it.
func sicknessEnded(c *dfdg.Citizen, now time.Time) (dfdg.Decision, error) {
	if err := membership.CheckMemberships(c.Memberships, now, dfdg.Rule2_4); err != nil {
		return dfdg.Decision{}, err
	}
	m, ok, err := membership.Active(c, now, dfdg.Rule2_4)
	if !ok || m.Group != dfdg.SygedagpengeBeskaeftigelse {
		return dfdg.Decision{}, nil
	}
	if err != nil {
		return dfdg.Decision{}, err
	}
	m.End = now
	return dfdg.Decision{
		Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Update, Record: m}},
		Outcome: dfdg.Outcome{
			Messages: membership.AppendMessages(nil, c, dfdg.Update, m),
			Rules:    dfdg.RulesOf(dfdg.Rule2_4),
		},
	}, nil
}

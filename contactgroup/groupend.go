package contactgroup

import (
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/membership"
)

var opUpdateGroup = &check.Op{Name: "UpdateContactGroup"}

// GroupEnd ends a contact-group membership: which one, and when (Sluttidspunkt; zero is now).
type GroupEnd struct {
	ID  string    `json:"kontaktgruppeIdentifier,omitempty"`
	End time.Time `json:"sluttidspunkt,omitzero"`
}

// EndGroup ends the citizen's open membership g.ID at g.End, or at now when it gives none
// (PersonRegistrationService.UpdateContactGroup; codelist operation "UpdateContactGroup"): the
// decision updates the membership and sends Kontaktgruppe.WSB Update to the jobcentre ("Der dannes en
// besked hver gang der oprettes eller afsluttes Kontaktgruppe"; to the a-kasse too for group 13). A
// caller the operation does not admit, a history it cannot decide on, a membership the citizen does
// not have or that has ended, and an end before the membership's start (no membership ends before it
// starts, rule 1.5's invariant) are rejected. A change of group is EndGroup, then PlaceInGroup.
func (r Rules) EndGroup(at dfdg.At, c dfdg.Citizen, g GroupEnd) (dfdg.Decision, error) {
	now, err := check.Now(&at)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Caller(&at, &c, r.Catalog, opUpdateGroup.Get(), ""); err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Jobcentre(c.Jobcentre); err != nil {
		return dfdg.Decision{}, err
	}
	if err := membership.CheckMemberships(c.Memberships, now, ""); err != nil {
		return dfdg.Decision{}, err
	}
	i := slices.IndexFunc(c.Memberships, func(m dfdg.Membership) bool { return m.ID == g.ID })
	switch {
	case g.ID == "" || i < 0:
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "kontaktgruppeIdentifier", g.ID).
			WithDetail("borgeren har ingen kontaktgruppe "+g.ID, "the citizen has no contact group "+g.ID)
	case !c.Memberships[i].Open():
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", membership.Memberships.Index(i), g.ID).
			WithDetail("kontaktgruppen er allerede afsluttet", "the contact group has ended already")
	}
	m := c.Memberships[i]
	m.End = now
	if !g.End.IsZero() {
		m.End = g.End.Round(0)
	}
	if m.End.Before(m.Start) {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, "", "sluttidspunkt", instant(m.End)).
			WithDetail("kontaktgruppen starter "+instant(m.Start), "the contact group starts "+instant(m.Start))
	}
	return dfdg.Decision{
		Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Update, Record: m}},
		Outcome:     dfdg.Outcome{Messages: membership.AppendMessages(nil, &c, dfdg.Update, m)},
	}, nil
}

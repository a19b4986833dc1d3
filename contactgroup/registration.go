package contactgroup

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// RegistrationRequest asks to register a citizen as jobseeker (tilmelding som jobsøgende).
type RegistrationRequest struct {
	// ID is the new registration's id.
	ID string `json:"id"`
	// Category is the registration category (tilmeldekategori).
	Category int `json:"category"`
	// Applicant says whether Category is an applicant's, for categories the code list does not know.
	Applicant bool `json:"applicant,omitempty"`
	// Group is the contact group the registration places the citizen in.
	Group int `json:"group"`
	// MembershipID is the id of the new contact-group membership.
	MembershipID string `json:"membershipId"`
	// RequestedAt is the registration time the caller asked for. Rule 1.5: it is never used; the
	// registration time is now.
	RequestedAt time.Time `json:"requestedAt,omitzero"`
}

// Placement asks to place the citizen in a contact group, as DFDG's CreateKontaktgruppe does.
type Placement struct {
	// Group is the contact group.
	Group int `json:"group"`
	// MembershipID is the id of the new membership.
	MembershipID string `json:"membershipId"`
	// RequestedAt is the start the caller asked for. Rule 1.5: it is never used; the start is now.
	RequestedAt time.Time `json:"requestedAt,omitzero"`
}

// ValidatePlacement returns every reason PlaceInGroup would reject p: a missing now, jobcentre or
// contact group, a contact group inactive on now's date (rule 1.4), a history it cannot decide on
// (rule 1.5). It does not allocate when p is accepted.
func ValidatePlacement(c Citizen, p Placement, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	var errs dfdgerrors.List
	now, err := checkNow(now)
	errs = dfdgerrors.Append(errs, err)
	errs = dfdgerrors.Append(errs, checkJobcentre(c))
	if p.Group <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_5).WithField("kontaktgruppe", strconv.Itoa(p.Group)))
	} else {
		errs = dfdgerrors.Append(errs, cat.ContactGroups().CheckNew(p.Group, dfdg.DateOf(now), "kontaktgruppe", dfdg.Rule1_4))
	}
	if !now.IsZero() {
		errs = dfdgerrors.Append(errs, checkMemberships(c.Memberships, now, dfdg.Rule1_5))
	}
	return errs
}

// PlaceInGroup places the citizen in contact group p.Group, applying rule 1.5: the membership starts
// at now, whatever p.RequestedAt says (the decision's Overrode field says when it differed), and the
// contact group active at now ends at now, so no membership ever ends before it starts and none
// overlap. A contact group inactive on now's date is rejected (rule 1.4). Messages: Kontaktgruppe.WSB
// Update for the membership that ends and Create for the new one, to the jobcentre (and the Create to
// the a-kasse when the new group is 13).
func PlaceInGroup(c Citizen, p Placement, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if errs := ValidatePlacement(c, p, now, cat); len(errs) > 0 {
		return Decision{}, errs[0]
	}
	return place(c, p, now.Round(0)), nil
}

// place decides a placement that has been validated.
func place(c Citizen, p Placement, now time.Time) Decision {
	d := Decision{
		Memberships: make([]dfdg.Change[Membership], 0, 2),
		Messages:    make([]dfdg.Message, 0, 3),
		Rules:       dfdg.RulesOf(dfdg.Rule1_5),
	}
	if !p.RequestedAt.IsZero() && !p.RequestedAt.Equal(now) {
		d.Overrode = p.RequestedAt
	}
	if prev, ok := c.GroupAt(now); ok {
		prev.End = now
		d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Update, Record: prev})
		d.Messages = appendKontaktgruppe(d.Messages, c, dfdg.Update, prev)
	}
	next := Membership{ID: p.MembershipID, Group: p.Group, Start: now}
	d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Create, Record: next})
	d.Messages = appendKontaktgruppe(d.Messages, c, dfdg.Create, next)
	return d
}

func (r RegistrationRequest) placement() Placement {
	return Placement{Group: r.Group, MembershipID: r.MembershipID, RequestedAt: r.RequestedAt}
}

// ValidateRegistration returns every reason RegisterJobseeker would reject req: those of
// ValidatePlacement, a missing category, a category inactive on now's date (rule 1.4), and a stored
// registration that ends before it starts or starts after now (rule 1.5). It does not allocate when
// req is accepted.
func ValidateRegistration(c Citizen, req RegistrationRequest, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	errs := ValidatePlacement(c, req.placement(), now, cat)
	if req.Category <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_5).WithField("tilmeldekategori", strconv.Itoa(req.Category)))
	} else {
		errs = dfdgerrors.Append(errs, cat.RegistrationCategories().CheckNew(req.Category, dfdg.DateOf(now), "tilmeldekategori", dfdg.Rule1_4))
	}
	if !now.IsZero() {
		errs = dfdgerrors.Append(errs, checkRegistration(c.Registration, now.Round(0), dfdg.Rule1_5))
	}
	return errs
}

// checkRegistration rejects a stored registration that ends before it starts or starts after now.
func checkRegistration(r Registration, now time.Time, rule dfdg.RuleID) error {
	switch {
	case r.IsZero():
		return nil
	case !r.End.IsZero() && r.End.Before(r.Start):
		return dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule(rule).WithField("tilmelding", r.ID)
	case r.Start.After(now):
		return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory).WithRule(rule).WithField("tilmelding", r.ID).
			WithDetail("tilmeldingen "+r.ID+" starter efter beslutningstidspunktet", "the registration "+r.ID+" starts after the decision time")
	}
	return nil
}

// RegisterJobseeker registers the citizen as jobseeker, applying rule 1.5: the registration time is
// now, whatever req.RequestedAt says, and the citizen is placed in req.Group as PlaceInGroup does. An
// open registration ends at now too. Contact groups and categories inactive on now's date are
// rejected (rule 1.4).
func RegisterJobseeker(c Citizen, req RegistrationRequest, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if errs := ValidateRegistration(c, req, now, cat); len(errs) > 0 {
		return Decision{}, errs[0]
	}
	now = now.Round(0)
	d := place(c, req.placement(), now)
	reg := Registration{ID: req.ID, Category: req.Category, Applicant: req.Applicant, Start: now}
	if old := c.Registration; old.Open() || old.End.After(now) {
		old.End = now
		d.Registrations = []dfdg.Change[Registration]{{Type: dfdg.Update, Record: old}, {Type: dfdg.Create, Record: reg}}
	} else {
		d.Registrations = []dfdg.Change[Registration]{{Type: dfdg.Create, Record: reg}}
	}
	return d, nil
}

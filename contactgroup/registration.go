package contactgroup

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/internal/membership"
)

// Placement asks to place the citizen in a contact group, as DFDG's CreateKontaktgruppe does; its JSON
// names are that service's.
type Placement struct {
	// ID is the new membership's id; empty: a new id from the call's context.
	ID string `json:"kontaktgruppeIdentifier,omitempty"`
	// Group is the contact group.
	Group dfdg.ContactGroup `json:"kontaktgruppeType,omitempty"`
	// RequestedAt is the start the caller asked for. Rule 1.5: it is never used; the start is now.
	RequestedAt time.Time `json:"starttidspunkt,omitzero"`
}

// RegistrationRequest asks to register a citizen as jobseeker (tilmelding som jobsøgende) and place
// them in a contact group.
type RegistrationRequest struct {
	// ID is the new registration's id; empty: a new id from the call's context.
	ID string `json:"tilmeldingIdentifier,omitempty"`
	// Category is the registration category (tilmeldekategori).
	Category dfdg.RegistrationCategory `json:"klientKategori,omitempty"`
	// Applicant says whether Category is an applicant's, for categories the code list does not know.
	Applicant bool `json:"ansoeger,omitempty"`
	// Group is the contact group the registration places the citizen in; its membership gets a new
	// id from the call's context.
	Group dfdg.ContactGroup `json:"kontaktgruppeType,omitempty"`
	// RequestedAt is the registration time the caller asked for. Rule 1.5: it is never used; the
	// registration time is now.
	RequestedAt time.Time `json:"starttidspunkt,omitzero"`
}

var (
	placementCommand    = [2]string{"placering i en kontaktgruppe", "placing in a contact group"}
	registrationCommand = [2]string{"tilmelding som jobsøgende", "registering as jobseeker"}
)

// ValidatePlaceInGroup returns every reason PlaceInGroup would reject p: a missing now, an actor
// that is not a municipality or STAR (CreateKontaktgruppe's allowed organisations), a missing
// jobcentre or contact group, a citizen who died on or before now's date (DFDG 4405, ErrPersonDead,
// which CreateKontaktgruppe documents), a contact group inactive on now's date (rule 1.4), a
// history it cannot decide on (rule 1.5), a contact group a complete list does not hold (DFDG 4675,
// ErrContactGroupTypeInvalid), and a citizen in a contact group at now: DFDG 4644 'Borger har
// allerede en åben kontaktgruppe', which CreateKontaktgruppe documents (ErrContactGroupOpen).
func (r Rules) ValidatePlaceInGroup(at dfdg.At, c dfdg.Citizen, p Placement) dfdgerrors.List {
	errs := r.validatePlacement(at, &c, p.Group, placementCommand, dfdg.ActorMunicipality, dfdg.ActorSTAR)
	for i, e := range errs {
		// CreateKontaktgruppe answers an unknown contact group with 4675; enrollment documents no code.
		var unknown *codelist.Rejected
		if e.Kind() == dfdgerrors.ErrUnknownCode && errors.As(e, &unknown) && unknown.List == "kontaktgrupper" {
			errs[i] = dfdgerrors.NewCause(dfdgerrors.ErrContactGroupTypeInvalid, e.Rule(), *unknown)
		}
	}
	if !at.Now.IsZero() && !errs.Has(dfdgerrors.ErrInconsistentHistory) {
		for i := range c.Memberships {
			if m := &c.Memberships[i]; m.ActiveAt(at.Now) {
				errs = append(errs, dfdgerrors.New(dfdgerrors.ErrContactGroupOpen, "", membership.Memberships.Index(i), m.ID).
					WithDetail("borgeren er i kontaktgruppe "+strconv.Itoa(int(m.Group))+" ("+m.ID+"); afslut den først",
						"the citizen is in contact group "+strconv.Itoa(int(m.Group))+" ("+m.ID+"); end it first"))
				break
			}
		}
	}
	return errs
}

// validatePlacement returns what placing a citizen in a contact group needs, for PlaceInGroup and
// RegisterJobseeker alike.
func (r Rules) validatePlacement(at dfdg.At, c *dfdg.Citizen, group dfdg.ContactGroup, what [2]string, allowed ...dfdg.ActorKind) dfdgerrors.List {
	var errs dfdgerrors.List
	now, err := check.Now(&at)
	errs = dfdgerrors.Append(errs, err)
	errs = dfdgerrors.Append(errs, check.By(&at, r.Catalog, dfdg.Rule1_5, what, allowed...))
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	day := dfdg.DateOf(now)
	if !now.IsZero() {
		errs = check.Alive(errs, c, day)
	}
	if group <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_5, "kontaktgruppeType", strconv.Itoa(int(group))))
	} else {
		errs = dfdgerrors.Append(errs, r.Catalog.ContactGroups().CheckNew(int(group), day, "kontaktgruppeType", dfdg.Rule1_4))
	}
	if !now.IsZero() {
		errs = dfdgerrors.Append(errs, membership.CheckMemberships(c.Memberships, now, dfdg.Rule1_5))
	}
	return errs
}

// PlaceInGroup places a citizen who is in no contact group at now in contact group p.Group, as DFDG's
// CreateKontaktgruppe does, applying rule 1.5: the membership starts at now, whatever p.RequestedAt
// says (the decision's Overrode field says when it differed), so no membership ever ends before it
// starts. A citizen in a contact group at now is DFDG 4644 (ErrContactGroupOpen): CreateKontaktgruppe
// does not move a citizen between groups, and RegisterJobseeker does. A contact group inactive on
// now's date is rejected (rule 1.4). Messages: Kontaktgruppe.WSB Create for the new membership, to the
// jobcentre (and to the a-kasse when the new group is 13).
func (r Rules) PlaceInGroup(at dfdg.At, c dfdg.Citizen, p Placement) (dfdg.Decision, error) {
	if errs := r.ValidatePlaceInGroup(at, c, p); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	id, err := src.Or(p.ID, dfdg.RecordMembership, "kontaktgruppeIdentifier")
	if err != nil {
		return dfdg.Decision{}, err
	}
	return place(&c, dfdg.Membership{ID: id, Group: p.Group}, at.Now.Round(0), p.RequestedAt)
}

// place decides a placement that has been validated, for rule 1.5.
func place(c *dfdg.Citizen, next dfdg.Membership, now, requested time.Time) (dfdg.Decision, error) {
	d, err := membership.Place(c, next, now, dfdg.Rule1_5)
	if err != nil {
		return dfdg.Decision{}, err
	}
	d.Rules = dfdg.RulesOf(dfdg.Rule1_5)
	if !requested.IsZero() && !requested.Equal(now) {
		d.Overrode = requested
	}
	return d, nil
}

// ValidateRegisterJobseeker returns every reason RegisterJobseeker would reject req: a missing now,
// an actor that is not a municipality, an a-kasse or Jobnet, a missing jobcentre, contact group or
// category, a citizen who died on or before now's date (DFDG 4405, ErrPersonDead, which the
// enrollment service documents), a contact group or category inactive on now's date (rule 1.4), a
// category a complete list does not hold (DFDG 4313, ErrClientCategoryInvalid), a stored
// registration that starts after now (DFDG 4316, ErrEnrollmentOverlap: the new registration, at now
// by rule 1.5, would lie before it), and a stored history it cannot decide on: memberships, or
// registrations that end before they start or overlap (rule 1.5), and a membership active at now
// without an id (the registration ends it, and no message names a record without one).
func (r Rules) ValidateRegisterJobseeker(at dfdg.At, c dfdg.Citizen, req RegistrationRequest) dfdgerrors.List {
	errs := r.validatePlacement(at, &c, req.Group, registrationCommand, dfdg.ActorMunicipality, dfdg.ActorAkasse, dfdg.ActorJobnet)
	if req.Category <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_5, "klientKategori", strconv.Itoa(int(req.Category))))
	} else {
		errs = dfdgerrors.Append(errs, r.Catalog.RegistrationCategories().CheckNew(int(req.Category), at.Today(), "klientKategori", dfdg.Rule1_4))
	}
	if at.Now.IsZero() {
		return errs
	}
	now := at.Now.Round(0)
	err := checkRegistrations(c.Registrations, now, dfdg.Rule1_5, dfdgerrors.ErrEnrollmentOverlap)
	if e, ok := dfdgerrors.As(err); ok && e.Kind() == dfdgerrors.ErrEnrollmentOverlap {
		// The membership a later registration placed the citizen in starts later too: DFDG answers
		// 4316 for both, so it comes before the history error.
		if i := slices.IndexFunc(errs, func(e *dfdgerrors.Error) bool { return e.Kind() == dfdgerrors.ErrInconsistentHistory }); i >= 0 {
			errs, err = slices.Insert(errs, i, e), nil
		}
	}
	errs = dfdgerrors.Append(errs, err)
	_, _, err = membership.Active(&c, now, dfdg.Rule1_5)
	return dfdgerrors.Append(errs, err)
}

// checkRegistrations rejects a stored registration that ends before it starts, one that starts after
// now (with the kind future: a new registration at now would lie before it), and two that overlap.
func checkRegistrations(regs []dfdg.Registration, now time.Time, rule dfdg.RuleID, future dfdgerrors.Kind) error {
	for i := range regs {
		r := &regs[i]
		switch {
		case !r.End.IsZero() && r.End.Before(r.Start):
			return dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, rule, pathRegistrations.Index(i).Child("sluttidspunkt"), r.ID)
		case r.Start.After(now):
			return dfdgerrors.New(future, rule, pathRegistrations.Index(i), r.ID).
				WithDetail("tilmeldingen "+r.ID+" starter efter beslutningstidspunktet", "the registration "+r.ID+" starts after the decision time")
		}
		for j := range i {
			if o := &regs[j]; (o.End.IsZero() || r.Start.Before(o.End)) && (r.End.IsZero() || o.Start.Before(r.End)) {
				return dfdgerrors.New(dfdgerrors.ErrInconsistentHistory, rule, pathRegistrations.Index(i), r.ID).
					WithDetail("tilmeldingerne "+o.ID+" og "+r.ID+" overlapper", "the registrations "+o.ID+" and "+r.ID+" overlap")
			}
		}
	}
	return nil
}

// current returns the registration that is open at now or ends after it, with its position, or -1.
// The registrations must have been checked.
func current(regs []dfdg.Registration, now time.Time) int {
	for i := range regs {
		if !regs[i].Start.IsZero() && (regs[i].End.IsZero() || regs[i].End.After(now)) {
			return i
		}
	}
	return -1
}

// RegisterJobseeker registers the citizen as jobseeker, applying rule 1.5: the registration time is
// now, whatever req.RequestedAt says, and the citizen is placed in req.Group as PlaceInGroup does. The
// current registration ends at now. Contact groups and categories inactive on now's date are rejected
// (rule 1.4).
func (r Rules) RegisterJobseeker(at dfdg.At, c dfdg.Citizen, req RegistrationRequest) (dfdg.Decision, error) {
	if errs := r.ValidateRegisterJobseeker(at, c, req); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	now := at.Now.Round(0)
	src := ids.For(at, &c)
	regID, err := src.Or(req.ID, dfdg.RecordRegistration, "tilmeldingIdentifier")
	if err != nil {
		return dfdg.Decision{}, err
	}
	groupID, err := src.New(dfdg.RecordMembership)
	if err != nil {
		return dfdg.Decision{}, err
	}
	d, err := place(&c, dfdg.Membership{ID: groupID, Group: req.Group}, now, req.RequestedAt)
	if err != nil {
		return dfdg.Decision{}, err
	}
	reg := dfdg.Registration{ID: regID, Category: req.Category, Applicant: req.Applicant, Start: now}
	d.Registrations = make([]dfdg.Change[dfdg.Registration], 0, 2)
	if i := current(c.Registrations, now); i >= 0 {
		old := c.Registrations[i]
		old.End = now
		d.Registrations = append(d.Registrations, dfdg.Change[dfdg.Registration]{Type: dfdg.Update, Record: old})
	}
	d.Registrations = append(d.Registrations, dfdg.Change[dfdg.Registration]{Type: dfdg.Create, Record: reg})
	return d, nil
}

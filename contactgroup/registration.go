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
// names are that service's (CreateKontaktgruppeRequestDto).
type Placement struct {
	// ID is the new membership's id; empty: a new id from the call's context.
	ID string `json:"kontaktgruppeIdentifier,omitempty"`
	// Group is the contact group.
	Group dfdg.ContactGroup `json:"kontaktgruppeType,omitempty"`
	// Start is the membership's start (Starttidspunkt): an instant on today's Danish date (DFDG 4703
	// otherwise); zero is now.
	Start time.Time `json:"starttidspunkt,omitzero"`
	// End is the membership's end (Sluttidspunkt), when the caller gives one; zero is open.
	End time.Time `json:"sluttidspunkt,omitzero"`
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
	opPlacement    = &check.Op{Name: "CreateKontaktgruppe"}
	opRegistration = &check.Op{Name: "Tilmelding"}
)

// ValidatePlaceInGroup returns every reason PlaceInGroup would reject p, as DFDG's CreateKontaktgruppe
// (POST /v1/PersonVisitering/kontaktgruppe) documents them: a missing now, a caller its table of
// allowed organisations does not admit (DFDG 4575, ErrNotAuthorized; codelist operation
// "CreateKontaktgruppe"), a missing jobcentre or contact group, a citizen who died on or before now's
// date (DFDG 4405, ErrPersonDead), a start on another Danish day than today (DFDG 4703 'Startdatoen
// skal være i dag', ErrStartNotToday), an end before the start, a contact group inactive on now's
// date (rule 1.4), a history it cannot decide on, a contact group a complete list does not hold (DFDG
// 4675, ErrContactGroupTypeInvalid), and a citizen in a contact group at now: DFDG 4644 'Borger har
// allerede en åben kontaktgruppe' (ErrContactGroupOpen).
func (r Rules) ValidatePlaceInGroup(at dfdg.At, c dfdg.Citizen, p Placement) dfdgerrors.List {
	errs := r.validatePlacement(at, &c, p.Group, opPlacement.Get(), "")
	if !p.Start.IsZero() && !at.Now.IsZero() && dfdg.DateOf(p.Start) != at.Today() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrStartNotToday, "", "starttidspunkt", instant(p.Start)).
			WithDetail("i dag er "+at.Today().String(), "today is "+at.Today().String()))
	}
	if start := startOf(at, p); !p.End.IsZero() && p.End.Before(start) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, "", "sluttidspunkt", instant(p.End)))
	}
	for i, e := range errs {
		// CreateKontaktgruppe answers an unknown contact group with 4675; enrollment documents no code.
		var unknown *codelist.Rejected
		if e.Kind() == dfdgerrors.ErrUnknownCode && errors.As(e, &unknown) && unknown.List == "kontaktgrupper" {
			errs[i] = dfdgerrors.NewCause(dfdgerrors.ErrContactGroupTypeInvalid, e.Rule(), *unknown)
		}
	}
	if !at.Now.IsZero() && !errors.Is(errs.Err(), dfdgerrors.ErrInconsistentHistory) {
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

// startOf returns the start of the membership a placement creates: p.Start, or now.
func startOf(at dfdg.At, p Placement) time.Time {
	if p.Start.IsZero() {
		return at.Now.Round(0)
	}
	return p.Start.Round(0)
}

// validatePlacement returns what placing a citizen in a contact group needs, for PlaceInGroup and
// RegisterJobseeker alike; rule is the note's rule the command applies, if any.
func (r Rules) validatePlacement(at dfdg.At, c *dfdg.Citizen, group dfdg.ContactGroup, op *codelist.Operation, rule dfdg.RuleID) dfdgerrors.List {
	var errs dfdgerrors.List
	now, err := check.Now(&at)
	errs = dfdgerrors.Append(errs, err)
	errs = dfdgerrors.Append(errs, check.Caller(&at, c, r.Catalog, op, rule))
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	day := dfdg.DateOf(now)
	if !now.IsZero() {
		errs = check.Alive(errs, c, day)
	}
	if group <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, "kontaktgruppeType", strconv.Itoa(int(group))))
	} else {
		errs = dfdgerrors.Append(errs, r.Catalog.ContactGroups().CheckNew(int(group), day, "kontaktgruppeType", dfdg.Rule1_4))
	}
	if !now.IsZero() {
		errs = dfdgerrors.Append(errs, membership.CheckMemberships(c.Memberships, now, rule))
		errs = dfdgerrors.Append(errs, r.checkAbsences(c, group, now))
	}
	return errs
}

// checkAbsences rejects a contact group the table of absence combinations does not allow an absence
// of the citizen's, current on now's date, in (DFDG 4645, which CreateKontaktgruppe and enrollment
// document), with the person category the citizen has at now. The embedded table has no cells, so
// only a table the caller loads rejects anything.
func (r Rules) checkAbsences(c *dfdg.Citizen, group dfdg.ContactGroup, now time.Time) error {
	table := r.Catalog.AbsenceCombinations()
	today := dfdg.DateOf(now)
	for i := range c.Absences {
		a := &c.Absences[i]
		if !table.Restricts(a.Type) || !a.Period.Contains(today) {
			continue
		}
		p, _ := c.CategoryAt(now)
		if !table.Allows(a.Type, group, p.Category) {
			return dfdgerrors.New(dfdgerrors.ErrAbsenceConflictsWithGroup, "", pathAbsences.Index(i), a.ID).
				WithDetail("fraværstype "+strconv.Itoa(int(a.Type))+" er ikke tilladt i kontaktgruppe "+strconv.Itoa(int(group)),
					"absence type "+strconv.Itoa(int(a.Type))+" is not allowed in contact group "+strconv.Itoa(int(group)))
		}
	}
	return nil
}

// PlaceInGroup places a citizen who is in no contact group at now in contact group p.Group, as DFDG's
// CreateKontaktgruppe does (POST /v1/PersonVisitering/kontaktgruppe; codelist operation
// "CreateKontaktgruppe"): the membership starts at p.Start, an instant of today (now when zero), and
// ends at p.End when one is given. Rule 1.5 is about registration as a jobseeker and does not move
// this start. A start today before the end of a membership that ended earlier today starts at that
// end instead (the decision's Overrode field says so), so the history never overlaps. A citizen in a
// contact group at now is DFDG 4644 (ErrContactGroupOpen): CreateKontaktgruppe does not move a citizen
// between groups, and RegisterJobseeker does. A contact group inactive on now's date is rejected
// (rule 1.4). Messages: Kontaktgruppe.WSB Create for the new membership, to the jobcentre (and to the
// a-kasse when the new group is 13).
func (r Rules) PlaceInGroup(at dfdg.At, c dfdg.Citizen, p Placement) (dfdg.Decision, error) {
	if errs := r.ValidatePlaceInGroup(at, c, p); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	id, err := src.Or(p.ID, dfdg.RecordMembership, "kontaktgruppeIdentifier")
	if err != nil {
		return dfdg.Decision{}, err
	}
	next := dfdg.Membership{ID: id, Group: p.Group, Start: startOf(at, p), End: p.End.Round(0)}
	var d dfdg.Decision
	for _, m := range c.Memberships {
		if m.End.After(next.Start) { // none is active at now: every one ends by then
			next.Start = m.End
		}
	}
	if !next.Start.Equal(startOf(at, p)) {
		d.Overrode = startOf(at, p)
	}
	if !next.End.IsZero() && next.End.Before(next.Start) {
		next.End = next.Start
	}
	d.Memberships = []dfdg.Change[dfdg.Membership]{{Type: dfdg.Create, Record: next}}
	d.Messages = membership.AppendMessages(nil, &c, dfdg.Create, next)
	return d, nil
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
// registration open at now, ending after it or starting after it (DFDG 4316, ErrEnrollmentOverlap:
// the new registration, at now by rule 1.5, lies within or before it), and a stored history it cannot
// decide on: memberships, or registrations that end before they start or overlap (rule 1.5), and a
// membership active at now without an id (the registration ends it, and no message names a record
// without one).
func (r Rules) ValidateRegisterJobseeker(at dfdg.At, c dfdg.Citizen, req RegistrationRequest) dfdgerrors.List {
	errs := r.validatePlacement(at, &c, req.Group, opRegistration.Get(), dfdg.Rule1_5)
	if req.Category <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_5, "klientKategori", strconv.Itoa(int(req.Category))))
	} else {
		errs = dfdgerrors.Append(errs, r.Catalog.RegistrationCategories().CheckNew(int(req.Category), at.Today(), "klientKategori", dfdg.Rule1_4))
	}
	if at.Now.IsZero() {
		return errs
	}
	now := at.Now.Round(0)
	err := membership.CheckEnrollment(c.Registrations, now, dfdg.Rule1_5)
	if e, ok := dfdgerrors.As(err); ok && e.Kind() == dfdgerrors.ErrEnrollmentOverlap {
		// The membership a later registration placed the citizen in starts later too: DFDG answers
		// 4316 for both, so it comes before the history error.
		if i := slices.IndexFunc(errs, func(e *dfdgerrors.Error) bool { return e.Kind() == dfdgerrors.ErrInconsistentHistory }); i >= 0 {
			errs, err = slices.Insert(errs, i, e), nil
		}
	}
	errs = dfdgerrors.Append(errs, err)
	errs = r.checkCategory(errs, at, &c, req.Category)
	_, _, err = membership.Active(&c, now, dfdg.Rule1_5)
	return dfdgerrors.Append(errs, err)
}

// RegisterJobseeker registers the citizen as jobseeker, applying rule 1.5: the registration time is
// now, whatever req.RequestedAt says, and the citizen is placed in req.Group, the contact group active
// at now ending where the new one starts. A citizen who is registered already is DFDG's 4316: no
// registration is ever ended by this call. Contact groups and categories inactive on now's date are
// rejected (rule 1.4). It pre-validates the enrollment service (codelist operation "Tilmelding"). Its
// 4338 (an enrollment date more than 10 days back) never arises: rule 1.5 makes the date today, and
// the decision's Overrode says which date was asked for.
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
	d.Registrations = []dfdg.Change[dfdg.Registration]{{Type: dfdg.Create, Record: reg}}
	return d, nil
}

// checkCategory adds to errs what the list of registration categories, where it holds the category,
// says against enrolling in it: a category not enrollable (DFDG 4641), one for DFDG's internal use
// (6052), and, from Jobnet for a citizen of 65 or older by the birth date the caller gives, one not
// marked 'uden ydelse' (4763). The embedded list marks none of them.
func (r Rules) checkCategory(errs dfdgerrors.List, at dfdg.At, c *dfdg.Citizen, category dfdg.RegistrationCategory) dfdgerrors.List {
	e, ok := r.Catalog.RegistrationCategories().Get(int(category))
	if !ok {
		return errs
	}
	id := strconv.Itoa(int(category))
	if at.By.Kind == dfdg.ActorJobnet && !c.Born.IsZero() && !at.Today().Before(c.Born.AddYears(65)) && !e.WithoutBenefit {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrOver65NotWithoutBenefit, "", "klientKategori", id).
			WithDetail("borgeren er født "+c.Born.String(), "the citizen was born "+c.Born.String()))
	}
	if e.NotEnrollable {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCategoryNotEnrollable, "", "klientKategori", id))
	}
	if e.Internal {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCodeInternal, "", "klientKategori", id))
	}
	return errs
}

package absence

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/internal/membership"
)

// Recovery is a recovery (raskmelding) of a sick absence: which absence and the date it ends, and,
// in DFDG's Raskmeld only, what the call gives with it: the absence's end cause and comment, a
// registration as jobseeker, and a change or end of the contact group ("en raskmelding samtidig med en
// tilmelding og/eller et kontaktgruppeskifte eller afslutning af kontaktgruppe"). The elements of the
// registration are those STAR's stored copy shows; those of the contact-group change are not in it, so
// Group and EndGroup are the library's names.
type Recovery struct {
	ID  string    `json:"fravaerIdentifier,omitempty"`
	End dfdg.Date `json:"slutdato,omitzero"`
	// EndCause is the cause of the absence's end (Fravaersafslutningsaarsag, at most 10000).
	EndCause int `json:"fravaersafslutningsaarsag,omitempty"`
	// Comment is the absence's comment (Fravaerskommentar, at most 1,500 characters).
	Comment string `json:"fravaerskommentar,omitempty"`
	// Registration registers the citizen as jobseeker with the recovery.
	Registration *Enrollment `json:"tilmelding,omitempty"`
	// Group places the citizen in this contact group at now (kontaktgruppeskifte).
	Group dfdg.ContactGroup `json:"kontaktgruppeType,omitempty"`
	// EndGroup ends the contact group the citizen is in at now (afslutning af kontaktgruppe).
	EndGroup bool `json:"afslutKontaktgruppe,omitempty"`
}

// Enrollment is the registration as jobseeker (tilmelding) a recovery gives with it: its id (a new
// one from the call's context when empty) and its category (klientkategori). It starts at now (rule
// 1.5).
type Enrollment struct {
	ID       string                    `json:"tilmeldingIdentifier,omitempty"`
	Category dfdg.RegistrationCategory `json:"klientkategori,omitempty"`
}

// raskmeldOnly reports whether rec gives what only DFDG's Raskmeld takes.
func (rec *Recovery) raskmeldOnly() bool {
	return rec.EndCause != 0 || rec.Comment != "" || rec.Registration != nil || rec.Group != 0 || rec.EndGroup
}

// Recover applies the recovery (raskmelding) of the sick absence rec.ID at now. From an a-kasse, a
// jobcentre, a municipality or STAR it pre-validates DFDG's Raskmeld (PUT
// /v1/sygemelding/action/Raskmeld{fravaerIdentifier}; codelist operation "Raskmeld"); from KSD, KSD's
// recovery through its own service ("KSDRaskmelding"). Either way the absence ends on rec.End, and
// contact group 24 ends at now, also when the absence was resumed after an earlier recovery (rule
// 2.4); exactly one Fravaer.WSB goes out, with change type Update, never a Create beside it (rule
// 2.5), and Kontaktgruppe.WSB Update when group 24 ends. Then, in that order: EndGroup ends the group
// the citizen is in at now, Group places the citizen in a new one from now (Kontaktgruppe.WSB Update
// and Create), and Registration registers the citizen as jobseeker from now (rule 1.5; 4316 when the
// citizen is registered already, 4313 for a category a complete list does not hold).
//
// An absence that has already ended is ErrInvalidState; an end before the absence's start is 1003
// (rule 2.3); a caller the operation does not admit is refused; KSD gives only ID and End.
func (r Rules) Recover(at dfdg.At, c dfdg.Citizen, rec Recovery) (dfdg.Decision, error) {
	cmd := &raskmeld
	if at.By.Kind == dfdg.ActorKSD {
		cmd = &ksdRecovery
		if rec.raskmeldOnly() {
			return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdg.Rule2_4, "fravaerIdentifier", rec.ID).
				WithDetail("KSD's raskmelding angiver kun fravær og slutdato; resten er Raskmelds",
					"KSD's recovery gives only the absence and its end date; the rest is Raskmeld's")
		}
	}
	a, err := r.sickAbsence(at, &c, rec.ID, cmd)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if !a.Period.Open() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState, dfdg.Rule2_4, "fravaerIdentifier", rec.ID).
			WithDetail("fraværet er allerede afsluttet "+a.Period.End.String(), "the absence already ended "+a.Period.End.String())
	}
	if rec.End.IsZero() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule2_4, "slutdato", "")
	}
	a.Period.End = rec.End
	if err := a.Period.Valid(); err != nil {
		return dfdg.Decision{}, err
	}
	if err := r.checkRaskmeld(at, &c, &rec, cmd); err != nil {
		return dfdg.Decision{}, err
	}
	if rec.EndCause != 0 {
		a.EndCause = rec.EndCause
	}
	if rec.Comment != "" {
		a.Comment = rec.Comment
	}
	now := at.Now.Round(0)
	cd, err := sicknessEnded(&c, now)
	if err != nil {
		return dfdg.Decision{}, err
	}
	d := updated(&c, a).Merge(cd)
	if !rec.raskmeldOnly() {
		return d, nil
	}
	return r.withRaskmeld(at, c, &rec, d)
}

// checkRaskmeld checks what Raskmeld gives beside the recovery: the documented constraints (1014),
// a citizen who is dead (4405), the contact group of a change (rule 1.4), and the registration's
// category (4313, rule 1.4) and its place among the citizen's registrations (4316).
func (r Rules) checkRaskmeld(at dfdg.At, c *dfdg.Citizen, rec *Recovery, cmd *command) error {
	op := cmd.op.Get()
	if err := op.CheckInt("fravaersafslutningsaarsag", rec.EndCause); err != nil {
		return err
	}
	if err := op.Check("fravaerskommentar", rec.Comment); err != nil {
		return err
	}
	if op.Documents(4405) {
		if errs := check.Alive(nil, c, at.Today()); len(errs) > 0 {
			return errs[0]
		}
	}
	if rec.Group != 0 && rec.EndGroup {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "afslutKontaktgruppe", "true").
			WithDetail("et kontaktgruppeskifte afslutter allerede kontaktgruppen; angiv det ene", "a change of contact group ends the group already; give one of them")
	}
	if rec.Group != 0 {
		if err := r.Catalog.ContactGroups().CheckNew(int(rec.Group), at.Today(), "kontaktgruppeType", dfdg.Rule1_4); err != nil {
			return err
		}
	}
	if rec.Registration == nil {
		return nil
	}
	if err := op.CheckInt("tilmelding.klientkategori", int(rec.Registration.Category)); err != nil {
		return err
	}
	if err := r.Catalog.RegistrationCategories().CheckNew(int(rec.Registration.Category), at.Today(), "tilmelding.klientkategori", dfdg.Rule1_4); err != nil {
		return err
	}
	return membership.CheckEnrollment(c.Registrations, at.Now.Round(0), dfdg.Rule1_5)
}

// withRaskmeld adds to d, the recovery's decision, the contact-group end or change and the
// registration rec gives, decided on the citizen as the recovery leaves them.
func (r Rules) withRaskmeld(at dfdg.At, c dfdg.Citizen, rec *Recovery, d dfdg.Decision) (dfdg.Decision, error) {
	now := at.Now.Round(0)
	after := c.Apply(d)
	src := ids.For(at, &after)
	switch {
	case rec.EndGroup:
		m, ok, err := membership.Active(&after, now, "")
		if err != nil {
			return dfdg.Decision{}, err
		}
		if ok {
			m.End = now
			d.Memberships = append(d.Memberships, dfdg.Change[dfdg.Membership]{Type: dfdg.Update, Record: m})
			d.Messages = membership.AppendMessages(d.Messages, &c, dfdg.Update, m)
		}
	case rec.Group != 0:
		id, err := src.New(dfdg.RecordMembership)
		if err != nil {
			return dfdg.Decision{}, err
		}
		placed, err := membership.Place(&after, dfdg.Membership{ID: id, Group: rec.Group}, now, "")
		if err != nil {
			return dfdg.Decision{}, err
		}
		d = d.Merge(placed)
	}
	if reg := rec.Registration; reg != nil {
		id, err := src.Or(reg.ID, dfdg.RecordRegistration, "tilmelding.tilmeldingIdentifier")
		if err != nil {
			return dfdg.Decision{}, err
		}
		d.Registrations = append(d.Registrations, dfdg.Change[dfdg.Registration]{Type: dfdg.Create,
			Record: dfdg.Registration{ID: id, Category: reg.Category, Start: now}})
		d.Rules = d.Rules.With(dfdg.Rule1_5)
	}
	return d, nil
}

// Resumption is KSD's resumption (genoptagelse) of a sick absence that had ended.
type Resumption struct {
	ID string `json:"fravaerIdentifier,omitempty"`
}

// Resume applies KSD's resumption (genoptagelse) of the sick absence res.ID at now (codelist operation
// "KSDGenoptagelse"): the absence is open again and marked Resumed, with one Fravaer.WSB Update. A
// citizen in no contact group is placed in group 24 from now, with Kontaktgruppe.WSB Create; a citizen
// in a group, such as one who registered as jobseeker the same day (rule 2.3), keeps it. The reopened
// absence must not overlap another where the policy forbids it (rule 2.1). An absence that is open is
// ErrInvalidState. Only KSD resumes.
func (r Rules) Resume(at dfdg.At, c dfdg.Citizen, res Resumption) (dfdg.Decision, error) {
	a, err := r.sickAbsence(at, &c, res.ID, &ksdResumption)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if a.Period.Open() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "fravaerIdentifier", res.ID).
			WithDetail("fraværet er ikke afsluttet", "the absence has not ended")
	}
	a.Period.End = dfdg.Date{}
	a.Resumed = true
	if err := r.checkOverlap(c.Absences, a.ID, a.Type, a.Period); err != nil {
		return dfdg.Decision{}, err
	}
	now := at.Now.Round(0)
	src := ids.For(at, &c)
	cd, err := sicknessReported(&c, dfdg.DateOf(now), now, &src)
	if err != nil {
		return dfdg.Decision{}, err
	}
	return updated(&c, a).Merge(cd), nil
}

// sickAbsence checks what recovery and resumption share: now, a caller the operation admits, the
// jobcentre, and the sick absence with id, which it returns.
func (r Rules) sickAbsence(at dfdg.At, c *dfdg.Citizen, id string, cmd *command) (dfdg.Absence, error) {
	if _, err := check.Now(&at); err != nil {
		return dfdg.Absence{}, err
	}
	if err := check.Caller(&at, c, r.Catalog, cmd.op.Get(), ""); err != nil {
		return dfdg.Absence{}, err
	}
	if err := check.Jobcentre(c.Jobcentre); err != nil {
		return dfdg.Absence{}, err
	}
	a, ok := c.Absence(id)
	if !ok || id == "" {
		return dfdg.Absence{}, notFound(id)
	}
	if err := r.checkSickType(a.Type); err != nil {
		return dfdg.Absence{}, err
	}
	return a, nil
}
